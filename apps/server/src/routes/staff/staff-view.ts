import type { StaffMember } from '@lancar/contracts';
import type { UserAccount } from '@lancar/db';

export function staffView(user: UserAccount): StaffMember {
  return {
    id: user.id,
    displayName: user.display_name,
    username: user.username,
    phone: user.phone,
    role: user.role,
    status: user.status,
  };
}
