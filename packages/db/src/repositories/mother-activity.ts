import { sql } from 'kysely';
import { type CaseloadFacts, caseloadFacts } from './caseload.ts';
import type { Executor } from './executor.ts';

/**
 * The per-mother summary the caseload reads (table mother_activity): the same facts as `caseloadFacts`, stored so a
 * caseload page of thousands of mothers reads one row per mother instead of their household entries.
 */
/** One mother's summary as the columns of mother_activity (the sync push writes the same columns). */
export function motherActivityColumns(motherId: string, fact: CaseloadFacts) {
  return {
    mother_id: motherId,
    last_sync_at: fact.lastSyncAt,
    adequacy: fact.adequacy,
    adequacy_day: fact.adequacyDay,
    weight_g: fact.weightG,
    weight_baby_id: fact.weightBabyId,
    massage_done_by_day: Object.fromEntries(fact.doneByDay),
  };
}

function activityRows(facilityId: string, facts: Map<string, CaseloadFacts>) {
  return [...facts].map(([motherId, fact]) => {
    const columns = motherActivityColumns(motherId, fact);
    return {
      ...columns,
      facility_id: facilityId,
      massage_done_by_day: JSON.stringify(columns.massage_done_by_day),
      refreshed_at: new Date(),
    };
  });
}

/**
 * Builds the summary of a facility's mothers that have none yet: after the migration that added the table, after a
 * restore (backups leave derived data out), and for mothers enrolled since. Returns how many were built. A row a
 * concurrent push wrote meanwhile is kept: it is at least as new as this one.
 */
export async function fillMissingMotherActivity(
  db: Executor,
  facilityId: string,
  /** Only these mothers (a household); all of the facility's when absent. */
  onlyIds?: readonly string[],
): Promise<number> {
  if (onlyIds && onlyIds.length === 0) return 0;
  const only = onlyIds ? sql`m.id IN (${sql.join([...onlyIds])})` : sql`true`;
  const missing = await sql<{ id: string; everyone: boolean }>`
    SELECT m.id, count(*) OVER () = (SELECT count(*) FROM mother WHERE facility_id = ${facilityId}) AS everyone
    FROM mother m
    WHERE m.facility_id = ${facilityId} AND ${only}
      AND NOT EXISTS (SELECT 1 FROM mother_activity a WHERE a.facility_id = m.facility_id AND a.mother_id = m.id)`.execute(
    db,
  );
  if (missing.rows.length === 0) return 0;
  const ids = missing.rows.map((row) => row.id);
  const facts = await caseloadFacts(db, facilityId, ids, missing.rows[0]?.everyone === true);
  const rows = activityRows(facilityId, facts);
  // In slices: one statement's parameters stay well under PostgreSQL's limit of 65,535.
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('mother_activity')
      .values(rows.slice(start, start + 1000))
      .onConflict((oc) => oc.columns(['facility_id', 'mother_id']).doNothing())
      .execute();
  }
  return rows.length;
}

/** What narrows the caseload, already translated to the mother's record (days postpartum as delivery times). */
export interface CaseloadFilter {
  /** Only these mothers (a household); an empty list means none. */
  onlyIds?: readonly string[] | undefined;
  /** Folded (lower case, NFKD) village to match exactly. */
  village?: string | undefined;
  /** Folded text to find in the name or village, and digits to find in the phone number (3 or more). */
  text?: string | undefined;
  phoneDigits?: string | undefined;
  /** Delivered at or before / after these times (the day range); both exclude mothers not yet delivered. */
  deliveredAtOrBefore?: Date | undefined;
  deliveredAfter?: Date | undefined;
  /** The care plan's protocol; `defaultProtocolId` is what a mother without a plan follows. */
  protocol?: string | undefined;
  defaultProtocolId: string;
  hasOpenAlert?: boolean | undefined;
}

/** One mother of the caseload with what its filters and sorts need: her summary, plan and open alerts. */
export interface CaseloadCandidate {
  id: string;
  delivered_at: Date | null;
  last_sync_at: Date | null;
  adequacy: 'adequate' | 'not_adequate' | 'incomplete' | null;
  adequacy_day: number | null;
  weight_g: number | null;
  weight_baby_id: string | null;
  massage_done_by_day: Record<string, number> | null;
  protocol_id: string | null;
  extended_to_day: number | null;
  starts_on: string | null;
  open_alerts: number;
  open_immediate: number;
}

const fold = (column: ReturnType<typeof sql.ref>) => sql`lower(normalize(coalesce(${column}, ''), NFKD))`;

/**
 * The facility's active mothers that pass the filter, in one query over the mother table, her summary row, her
 * current care plan and her open alerts (an alert is open until its newest action closes it). Newest delivery
 * first, as the caseload's default order.
 */
export async function caseloadCandidates(
  db: Executor,
  facilityId: string,
  filter: CaseloadFilter,
): Promise<CaseloadCandidate[]> {
  if (filter.onlyIds && filter.onlyIds.length === 0) return [];
  const where = [sql`m.facility_id = ${facilityId}`, sql`m.voided_at IS NULL`];
  if (filter.onlyIds) where.push(sql`m.id IN (${sql.join([...filter.onlyIds])})`);
  if (filter.village !== undefined) where.push(sql`${fold(sql.ref('m.village'))} = ${filter.village}`);
  if (filter.text !== undefined) {
    const inText = sql`(strpos(${fold(sql.ref('m.full_name'))}, ${filter.text}) > 0
      OR strpos(${fold(sql.ref('m.village'))}, ${filter.text}) > 0)`;
    where.push(
      filter.phoneDigits
        ? sql`(${inText} OR strpos(regexp_replace(coalesce(m.phone, ''), '\\D', '', 'g'), ${filter.phoneDigits}) > 0)`
        : inText,
    );
  }
  if (filter.deliveredAtOrBefore) where.push(sql`m.delivered_at <= ${filter.deliveredAtOrBefore}`);
  if (filter.deliveredAfter) where.push(sql`m.delivered_at > ${filter.deliveredAfter}`);
  if (filter.protocol !== undefined) {
    where.push(sql`coalesce(cp.protocol_id, ${filter.defaultProtocolId}) = ${filter.protocol}`);
  }
  if (filter.hasOpenAlert !== undefined) {
    where.push(filter.hasOpenAlert ? sql`coalesce(oa.open, 0) > 0` : sql`coalesce(oa.open, 0) = 0`);
  }
  const result = await sql<CaseloadCandidate>`
    SELECT m.id, m.delivered_at, a.last_sync_at, a.adequacy, a.adequacy_day, a.weight_g, a.weight_baby_id,
           a.massage_done_by_day, cp.protocol_id, cp.extended_to_day,
           to_char(cp.starts_on, 'YYYY-MM-DD') AS starts_on,
           coalesce(oa.open, 0)::int AS open_alerts, coalesce(oa.immediate, 0)::int AS open_immediate
    FROM mother m
    LEFT JOIN mother_activity a ON a.facility_id = m.facility_id AND a.mother_id = m.id
    LEFT JOIN LATERAL (
      SELECT c.protocol_id, c.extended_to_day, c.starts_on FROM care_plan c
      WHERE c.facility_id = m.facility_id AND c.mother_id = m.id
      ORDER BY c.assigned_at DESC, c.seq DESC LIMIT 1) cp ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS open, count(*) FILTER (WHERE al.severity = 'immediate') AS immediate
      FROM alert al
      WHERE al.facility_id = m.facility_id AND al.mother_id = m.id
        AND (SELECT x.kind FROM alert_action x WHERE x.facility_id = al.facility_id AND x.alert_id = al.id
             ORDER BY x.acted_at DESC, x.recorded_at DESC LIMIT 1) IS DISTINCT FROM 'closed') oa ON true
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY m.delivered_at DESC, m.id`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    delivered_at: row.delivered_at === null ? null : new Date(row.delivered_at),
    last_sync_at: row.last_sync_at === null ? null : new Date(row.last_sync_at),
    massage_done_by_day:
      typeof row.massage_done_by_day === 'string'
        ? (JSON.parse(row.massage_done_by_day) as Record<string, number>)
        : row.massage_done_by_day,
    open_alerts: Number(row.open_alerts),
    open_immediate: Number(row.open_immediate),
  }));
}

/** Distinct villages of a facility's active mothers, for the caseload's village filter. */
export async function facilityVillages(db: Executor, facilityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mother')
    .select('village')
    .distinct()
    .where('facility_id', '=', facilityId)
    .where('voided_at', 'is', null)
    .where('village', 'is not', null)
    .orderBy('village')
    .execute();
  return rows.map((row) => row.village).filter((village): village is string => village !== null);
}
