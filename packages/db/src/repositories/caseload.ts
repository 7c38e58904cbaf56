import { sql } from 'kysely';
import type { StoredEntry } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * What the caseload shows about each mother beyond her record, computed for a whole facility in a few set-based
 * queries (never one query per mother). "Current" entries are those no correction or void supersedes.
 */
export interface CaseloadFacts {
  /** When anything last arrived from the household's phones. */
  lastSyncAt: Date | null;
  /** The newest daily checklist's result. */
  adequacy: 'adequate' | 'not_adequate' | 'incomplete' | null;
  adequacyDay: number | null;
  /** The newest weight and the baby it is about. */
  weightG: number | null;
  weightBabyId: string | null;
  /** Massage sessions done (safety stops excluded) per day of life. */
  doneByDay: Map<number, number>;
}

function emptyFacts(): CaseloadFacts {
  return {
    lastSyncAt: null,
    adequacy: null,
    adequacyDay: null,
    weightG: null,
    weightBabyId: null,
    doneByDay: new Map(),
  };
}

export async function caseloadFacts(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
  /** The ids are every mother of the facility: filter by facility only (cheaper than a list of thousands of ids). */
  wholeFacility = false,
): Promise<Map<string, CaseloadFacts>> {
  const facts = new Map<string, CaseloadFacts>();
  if (motherIds.length === 0) return facts;
  for (const id of motherIds) facts.set(id, emptyFacts());
  const ids = [...motherIds];
  const get = (id: string) => facts.get(id) ?? emptyFacts();

  // One index lookup per mother (household_entry_received) instead of a scan of every entry of the facility: at
  // 2,000 mothers with 14 days of logs that is 20 ms instead of 300 ms (bench/district-scale.ts).
  const mothersOnly = wholeFacility ? sql`true` : sql`m.id IN (${sql.join(ids)})`;
  const syncs = await sql<{ mother_id: string; last_sync_at: Date | string }>`
    SELECT m.id AS mother_id, last.received_at AS last_sync_at
    FROM mother m
    CROSS JOIN LATERAL (
      SELECT r.received_at FROM household_entry r
      WHERE r.facility_id = m.facility_id AND r.mother_id = m.id
      ORDER BY r.received_at DESC LIMIT 1) last
    WHERE m.facility_id = ${facilityId} AND ${mothersOnly}`.execute(db);
  const ofMothers = wholeFacility ? sql`true` : sql`e.mother_id IN (${sql.join(ids)})`;
  for (const row of syncs.rows) get(row.mother_id).lastSyncAt = new Date(row.last_sync_at);

  const current = sql<boolean>`e.kind <> 'void' AND NOT EXISTS (
    SELECT 1 FROM household_entry s WHERE s.facility_id = e.facility_id AND s.supersedes = e.id)`;

  const latest = await sql<{
    mother_id: string;
    kind: 'weight' | 'adequacy_check';
    baby_id: string | null;
    data: Record<string, unknown>;
  }>`
    SELECT DISTINCT ON (e.mother_id, e.kind) e.mother_id, e.kind, e.baby_id, e.data
    FROM household_entry e
    WHERE e.facility_id = ${facilityId} AND ${ofMothers}
      AND e.kind IN ('weight', 'adequacy_check') AND ${current}
    ORDER BY e.mother_id, e.kind, e.occurred_at DESC, e.recorded_at DESC`.execute(db);
  for (const row of latest.rows) {
    const f = get(row.mother_id);
    const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
    if (row.kind === 'weight') {
      f.weightG = typeof data.grams === 'number' ? data.grams : null;
      f.weightBabyId = row.baby_id;
    } else {
      const result = data.result;
      f.adequacy = result === 'adequate' || result === 'not_adequate' || result === 'incomplete' ? result : null;
      f.adequacyDay = typeof data.dayOfLife === 'number' ? data.dayOfLife : null;
    }
  }

  const sessions = await sql<{ mother_id: string; day: number; done: number }>`
    SELECT e.mother_id,
           floor(extract(epoch FROM (e.occurred_at - m.delivered_at)) / 86400)::int + 1 AS day,
           count(*)::int AS done
    FROM household_entry e
    JOIN mother m ON m.facility_id = e.facility_id AND m.id = e.mother_id
    WHERE e.facility_id = ${facilityId} AND ${ofMothers}
      AND e.kind = 'massage_session' AND e.data->>'outcome' <> 'stopped_safety'
      AND m.delivered_at IS NOT NULL AND e.occurred_at >= m.delivered_at AND ${current}
    GROUP BY 1, 2`.execute(db);
  for (const row of sessions.rows) get(row.mother_id).doneByDay.set(Number(row.day), Number(row.done));
  return facts;
}

const DAY_MS = 86_400_000;

/**
 * The same facts as `caseloadFacts`, computed from one mother's entries already in memory (the sync push has read
 * them for the danger signs, so it need not ask the database again while it holds the facility's counter).
 * `mother-activity.test.ts` checks that both give the same answer.
 */
export function caseloadFactsOf(entries: readonly StoredEntry[], deliveredAt: Date | null): CaseloadFacts {
  const facts = emptyFacts();
  const superseded = new Set(entries.flatMap((e) => (e.supersedes === null ? [] : [e.supersedes])));
  const newest: Partial<Record<'weight' | 'adequacy_check', StoredEntry>> = {};
  for (const entry of entries) {
    const received = new Date(entry.received_at).getTime();
    if (facts.lastSyncAt === null || received > facts.lastSyncAt.getTime()) facts.lastSyncAt = new Date(received);
    if (entry.kind === 'void' || superseded.has(entry.id)) continue;
    if (entry.kind === 'weight' || entry.kind === 'adequacy_check') {
      const held = newest[entry.kind];
      const later =
        !held ||
        entry.occurred_at.getTime() > held.occurred_at.getTime() ||
        (entry.occurred_at.getTime() === held.occurred_at.getTime() &&
          entry.recorded_at.getTime() >= held.recorded_at.getTime());
      if (later) newest[entry.kind] = entry;
    }
    const outcome = entry.data.outcome;
    if (
      entry.kind === 'massage_session' &&
      typeof outcome === 'string' &&
      outcome !== 'stopped_safety' &&
      deliveredAt !== null &&
      entry.occurred_at.getTime() >= deliveredAt.getTime()
    ) {
      const day = Math.floor((entry.occurred_at.getTime() - deliveredAt.getTime()) / DAY_MS) + 1;
      facts.doneByDay.set(day, (facts.doneByDay.get(day) ?? 0) + 1);
    }
  }
  const weight = newest.weight;
  if (weight) {
    facts.weightG = typeof weight.data.grams === 'number' ? weight.data.grams : null;
    facts.weightBabyId = weight.baby_id;
  }
  const check = newest.adequacy_check;
  if (check) {
    const result = check.data.result;
    facts.adequacy = result === 'adequate' || result === 'not_adequate' || result === 'incomplete' ? result : null;
    facts.adequacyDay = typeof check.data.dayOfLife === 'number' ? check.data.dayOfLife : null;
  }
  return facts;
}
