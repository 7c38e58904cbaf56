import { newId } from '@lancar/domain';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/** Rows the crash and disk tests write: a facility of their own, and audit events as the smallest real row. */
export async function insertTestFacility(db: Kysely<Schema>, name: string): Promise<string> {
  const id = newId();
  await db.insertInto('facility').values({ id, name, kind: 'other', district: 'D', province: 'P' }).execute();
  return id;
}

export function testAuditRow(facilityId: string, id: string = newId(), detail: string | null = null) {
  return {
    facility_id: facilityId,
    id,
    action: 'create' as const,
    subject_type: 'test',
    subject_id: null,
    actor_user_id: null,
    actor_role: null,
    purpose: 'system' as const,
    detail,
  };
}
