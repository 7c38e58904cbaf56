import type { Baby, CarePlan, CompanionLink, Facility, Mother, QuizAttempt, StoredEntry, Visit } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * What a FHIR export of a mother's record reads, in a few queries for any number of mothers. Only what counts:
 * voided babies and mothers are left out, entries and visits with their corrections applied (a superseded row or a
 * void is not exported), quiz attempts without the ones a correction replaced.
 */
export interface FhirExportRecord {
  mother: Mother;
  babies: Baby[];
  companions: (CompanionLink & { display_name: string; phone: string | null })[];
  /** Oldest first. */
  carePlans: CarePlan[];
  entries: StoredEntry[];
  visits: Visit[];
  /** The companions' quiz attempts, with the companion's account id (also for paper sheets of a linked participant). */
  quizAttempts: (QuizAttempt & { companion_user_id: string })[];
}

export interface FhirExport {
  facility: Facility;
  records: FhirExportRecord[];
}

function notSuperseded<T extends { id: string; supersedes: string | null }>(rows: readonly T[]): T[] {
  const superseded = new Set(rows.map((r) => r.supersedes).filter((id): id is string => id !== null));
  return rows.filter((r) => !superseded.has(r.id));
}

/** The facility's mothers delivered in [from, to) or with a household entry or a visit in that period. */
export async function fhirExportMotherIds(db: Executor, facilityId: string, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('mother')
    .select('mother.id')
    .where('mother.facility_id', '=', facilityId)
    .where('mother.voided_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('mother.delivered_at', '>=', from), eb('mother.delivered_at', '<', to)]),
        eb.exists(
          eb
            .selectFrom('household_entry as e')
            .select('e.id')
            .whereRef('e.facility_id', '=', 'mother.facility_id')
            .whereRef('e.mother_id', '=', 'mother.id')
            .where('e.occurred_at', '>=', from)
            .where('e.occurred_at', '<', to),
        ),
        eb.exists(
          eb
            .selectFrom('visit as v')
            .select('v.id')
            .whereRef('v.facility_id', '=', 'mother.facility_id')
            .whereRef('v.mother_id', '=', 'mother.id')
            .where('v.visited_at', '>=', from)
            .where('v.visited_at', '<', to),
        ),
      ]),
    )
    .orderBy('mother.delivered_at')
    .orderBy('mother.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The records of the given mothers of one facility; a mother not in the facility (or voided) is not returned. */
export async function loadFhirExport(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<FhirExport | undefined> {
  const facility = await db.selectFrom('facility').selectAll().where('id', '=', facilityId).executeTakeFirst();
  if (!facility) return undefined;
  if (motherIds.length === 0) return { facility, records: [] };
  const ids = [...motherIds];
  const mothers = await db
    .selectFrom('mother')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', 'in', ids)
    .where('voided_at', 'is', null)
    .orderBy('delivered_at')
    .orderBy('id')
    .execute();
  if (mothers.length === 0) return { facility, records: [] };
  const found = mothers.map((m) => m.id);
  // One query after another: a transaction runs on one connection.
  const babies = await db
    .selectFrom('baby')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', found)
    .where('voided_at', 'is', null)
    .orderBy('birth_order')
    .execute();
  const companions = await db
    .selectFrom('companion_link as l')
    .innerJoin('user_account as u', (join) =>
      join.onRef('u.facility_id', '=', 'l.facility_id').onRef('u.id', '=', 'l.user_id'),
    )
    .selectAll('l')
    .select(['u.display_name', 'u.phone'])
    .where('l.facility_id', '=', facilityId)
    .where('l.mother_id', 'in', found)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  const carePlans = await db
    .selectFrom('care_plan')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', found)
    .orderBy('assigned_at')
    .orderBy('seq')
    .execute();
  const entries = await db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', found)
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  const visits = await db
    .selectFrom('visit')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', found)
    .orderBy('visited_at')
    .orderBy('recorded_at')
    .execute();
  const companionUsers = [...new Set(companions.map((c) => c.user_id))];
  const attempts =
    companionUsers.length === 0
      ? []
      : await db
          .selectFrom('quiz_attempt as a')
          .leftJoin('training_participant as p', (join) =>
            join.onRef('p.facility_id', '=', 'a.facility_id').onRef('p.id', '=', 'a.participant_id'),
          )
          .selectAll('a')
          .select((eb) => eb.fn.coalesce('a.user_id', 'p.user_id').as('companion_user_id'))
          .where('a.facility_id', '=', facilityId)
          .where((eb) => eb.or([eb('a.user_id', 'in', companionUsers), eb('p.user_id', 'in', companionUsers)]))
          .orderBy('a.taken_at')
          .orderBy('a.id')
          .execute();
  const currentAttempts = notSuperseded(attempts).flatMap((a) =>
    a.companion_user_id ? [{ ...a, companion_user_id: a.companion_user_id }] : [],
  );
  const currentEntries = notSuperseded(entries).filter((e) => e.kind !== 'void');
  const currentVisits = notSuperseded(visits).filter((v) => !v.voided);
  return {
    facility,
    records: mothers.map((mother) => {
      const own = companions.filter((c) => c.mother_id === mother.id);
      const users = new Set(own.map((c) => c.user_id));
      return {
        mother,
        babies: babies.filter((b) => b.mother_id === mother.id),
        companions: own,
        carePlans: carePlans.filter((p) => p.mother_id === mother.id),
        entries: currentEntries.filter((e) => e.mother_id === mother.id),
        visits: currentVisits.filter((v) => v.mother_id === mother.id),
        quizAttempts: currentAttempts.filter((a) => users.has(a.companion_user_id)),
      };
    }),
  };
}
