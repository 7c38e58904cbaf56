import type { CompanionLink } from '../schema.ts';
import type { Executor } from './executor.ts';

export interface CompanionOfMother extends CompanionLink {
  display_name: string;
  phone: string | null;
  status: 'pending' | 'active' | 'disabled';
  role: string;
}

export async function linkCompanion(
  db: Executor,
  link: {
    facilityId: string;
    id: string;
    motherId: string;
    userId: string;
    relationship: CompanionLink['relationship'];
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('companion_link')
    .values({
      facility_id: link.facilityId,
      id: link.id,
      mother_id: link.motherId,
      user_id: link.userId,
      relationship: link.relationship,
      created_by: link.createdBy,
    })
    .execute();
}

export function listCompanions(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<CompanionOfMother[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('companion_link')
    .innerJoin('user_account', (join) =>
      join
        .onRef('user_account.facility_id', '=', 'companion_link.facility_id')
        .onRef('user_account.id', '=', 'companion_link.user_id'),
    )
    .selectAll('companion_link')
    .select(['user_account.display_name', 'user_account.phone', 'user_account.status', 'user_account.role'])
    .where('companion_link.facility_id', '=', facilityId)
    .where('companion_link.mother_id', 'in', [...motherIds])
    .where('companion_link.ended_at', 'is', null)
    .orderBy('companion_link.created_at')
    .execute();
}
