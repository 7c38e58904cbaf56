import type { Insertable } from 'kysely';
import type { Facility, FacilityTable } from '../schema.ts';
import type { Executor } from './executor.ts';

export function getFacility(db: Executor, id: string): Promise<Facility | undefined> {
  return db.selectFrom('facility').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listFacilities(db: Executor): Promise<Facility[]> {
  return db.selectFrom('facility').selectAll().orderBy('name').execute();
}

export async function createFacility(db: Executor, facility: Insertable<FacilityTable>): Promise<void> {
  await db.insertInto('facility').values(facility).execute();
}

export async function countFacilities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('facility')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
