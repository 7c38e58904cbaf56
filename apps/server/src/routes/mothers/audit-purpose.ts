import type { AuditPurpose } from '@lancar/db';
import type { Actor } from '@lancar/domain';

/** Why this person looks at a mother's record: her own, her household's, or care by facility staff. */
export function auditPurpose(actor: Actor, motherId: string): AuditPurpose {
  if (actor.role === 'mother' && actor.householdMotherIds.includes(motherId)) return 'self';
  if (actor.householdMotherIds.includes(motherId)) return 'household';
  if (actor.role === 'facility_admin') return 'administration';
  return 'care';
}
