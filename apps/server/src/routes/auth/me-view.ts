import type { Me } from '@lancar/contracts';
import { type Executor, getFacility, type UserAccount } from '@lancar/db';
import type { Actor } from '@lancar/domain';

export async function meView(db: Executor, user: UserAccount, actor: Actor): Promise<Me> {
  const facility = await getFacility(db, user.facility_id);
  if (!facility) throw new Error(`Facility ${user.facility_id} of user ${user.id} is missing.`);
  return {
    userId: user.id,
    displayName: user.display_name,
    role: user.role,
    locale: user.locale,
    facility: {
      id: facility.id,
      name: facility.name,
      kind: facility.kind,
      district: facility.district,
      phone: facility.phone,
      isDemo: facility.is_demo,
    },
    householdMotherIds: [...actor.householdMotherIds],
  };
}
