import { sql } from 'kysely';
import type { Executor } from './executor.ts';
import { nextSeq } from './household.ts';

/**
 * Alerts as the midwife's tasks. An alert's state is its newest action (acknowledged, acted, closed); none means
 * open. Time-based alerts carry an `episode` and are stored once per (mother, sign, episode).
 */

export type AlertTaskState = 'open' | 'acknowledged' | 'acted' | 'closed';

export interface NewEpisodeAlert {
  facility_id: string;
  id: string;
  mother_id: string;
  sign_id: string;
  severity: 'immediate' | 'soon';
  entry_id: string | null;
  episode: string;
  rule_version: number;
  raised_at: Date;
}

/**
 * Raises a time-based alert once per mother, sign and episode; returns whether it was new. The change number is
 * taken only for a new alert, so evaluating again every hour does not move the facility's counter.
 */
export async function raiseEpisodeAlert(db: Executor, alert: NewEpisodeAlert): Promise<boolean> {
  const exists = await db
    .selectFrom('alert')
    .select('id')
    .where('facility_id', '=', alert.facility_id)
    .where('mother_id', '=', alert.mother_id)
    .where('sign_id', '=', alert.sign_id)
    .where('episode', '=', alert.episode)
    .executeTakeFirst();
  if (exists) return false;
  const seq = await nextSeq(db, alert.facility_id);
  const inserted = await db
    .insertInto('alert')
    .values({ ...alert, seq })
    .onConflict((oc) =>
      oc.columns(['facility_id', 'mother_id', 'sign_id', 'episode']).where('episode', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface AlertTaskRow {
  id: string;
  mother_id: string;
  mother_name: string;
  village: string | null;
  delivered_at: Date | null;
  sign_id: string;
  severity: 'immediate' | 'soon';
  entry_id: string | null;
  episode: string | null;
  rule_version: number | null;
  raised_at: Date;
  state: AlertTaskState;
  last_kind: 'acknowledged' | 'acted' | 'closed' | null;
  last_action_taken: string | null;
  last_outcome: string | null;
  last_note: string | null;
  last_acted_at: Date | null;
  last_acted_by_name: string | null;
}

export interface AlertTaskQuery {
  /** open: no action yet; acknowledged: seen or acted on, not closed; closed. Omitted: all. */
  state?: 'open' | 'acknowledged' | 'closed' | undefined;
  motherId?: string | undefined;
  alertId?: string | undefined;
  limit: number;
}

function taskSelect(db: Executor, facilityId: string) {
  return db
    .selectFrom('alert')
    .innerJoin('mother', (j) =>
      j.onRef('mother.facility_id', '=', 'alert.facility_id').onRef('mother.id', '=', 'alert.mother_id'),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('alert_action')
          .leftJoin('user_account', (j) =>
            j
              .onRef('user_account.facility_id', '=', 'alert_action.facility_id')
              .onRef('user_account.id', '=', 'alert_action.acted_by'),
          )
          .select([
            'alert_action.kind',
            'alert_action.action_taken',
            'alert_action.outcome',
            'alert_action.note',
            'alert_action.acted_at',
            'user_account.display_name',
          ])
          .whereRef('alert_action.facility_id', '=', 'alert.facility_id')
          .whereRef('alert_action.alert_id', '=', 'alert.id')
          .orderBy('alert_action.acted_at', 'desc')
          .orderBy('alert_action.recorded_at', 'desc')
          .limit(1)
          .as('last'),
      (j) => j.onTrue(),
    )
    .where('alert.facility_id', '=', facilityId);
}

/** The facility's alerts as tasks, newest first, with the mother and the newest action. */
export async function listAlertTasks(db: Executor, facilityId: string, query: AlertTaskQuery): Promise<AlertTaskRow[]> {
  let q = taskSelect(db, facilityId).select([
    'alert.id',
    'alert.mother_id',
    'mother.full_name as mother_name',
    'mother.village',
    'mother.delivered_at',
    'alert.sign_id',
    'alert.severity',
    'alert.entry_id',
    'alert.episode',
    'alert.rule_version',
    'alert.raised_at',
    'last.kind as last_kind',
    'last.action_taken as last_action_taken',
    'last.outcome as last_outcome',
    'last.note as last_note',
    'last.acted_at as last_acted_at',
    'last.display_name as last_acted_by_name',
  ]);
  if (query.motherId) q = q.where('alert.mother_id', '=', query.motherId);
  if (query.alertId) q = q.where('alert.id', '=', query.alertId);
  if (query.state === 'open') q = q.where('last.kind', 'is', null);
  if (query.state === 'acknowledged') q = q.where('last.kind', 'in', ['acknowledged', 'acted']);
  if (query.state === 'closed') q = q.where('last.kind', '=', 'closed');
  const rows = await q.orderBy('alert.raised_at', 'desc').orderBy('alert.id').limit(query.limit).execute();
  return rows.map((r) => ({
    ...r,
    last_kind: r.last_kind ?? null,
    last_action_taken: r.last_action_taken ?? null,
    last_outcome: r.last_outcome ?? null,
    last_note: r.last_note ?? null,
    last_acted_at: r.last_acted_at ?? null,
    last_acted_by_name: r.last_acted_by_name ?? null,
    state: (r.last_kind ?? 'open') as AlertTaskState,
  }));
}

export async function getAlertTask(
  db: Executor,
  facilityId: string,
  alertId: string,
): Promise<AlertTaskRow | undefined> {
  const [row] = await listAlertTasks(db, facilityId, { alertId, limit: 1 });
  return row;
}

export interface NewAlertAction {
  facility_id: string;
  id: string;
  alert_id: string;
  mother_id: string;
  kind: 'acknowledged' | 'acted' | 'closed';
  action_taken: 'phoned' | 'home_visit' | 'facility_visit' | 'referred' | 'advised' | 'other' | null;
  outcome: 'resolved' | 'referred' | 'improving' | 'no_problem_found' | 'other' | null;
  note: string | null;
  acted_by: string;
  acted_at: Date;
}

export async function insertAlertAction(db: Executor, action: NewAlertAction): Promise<void> {
  await db.insertInto('alert_action').values(action).execute();
}

export interface AlertSummaryRow {
  new_today: number;
  open_immediate: number;
  open_soon: number;
  open_over_24h: number;
  closed_today: number;
}

/** The daily digest: raised since `dayStart`, open (not closed) by severity, open since before `staleBefore`. */
export async function alertSummary(
  db: Executor,
  facilityId: string,
  dayStart: Date,
  staleBefore: Date,
): Promise<AlertSummaryRow> {
  const row = await taskSelect(db, facilityId)
    .select([
      sql<number>`count(*) filter (where alert.raised_at >= ${dayStart})`.as('new_today'),
      sql<number>`count(*) filter (where last.kind is distinct from 'closed' and alert.severity = 'immediate')`.as(
        'open_immediate',
      ),
      sql<number>`count(*) filter (where last.kind is distinct from 'closed' and alert.severity = 'soon')`.as(
        'open_soon',
      ),
      sql<number>`count(*) filter (where last.kind is distinct from 'closed' and alert.raised_at < ${staleBefore})`.as(
        'open_over_24h',
      ),
      sql<number>`count(*) filter (where last.kind = 'closed' and last.acted_at >= ${dayStart})`.as('closed_today'),
    ])
    .executeTakeFirstOrThrow();
  return {
    new_today: Number(row.new_today),
    open_immediate: Number(row.open_immediate),
    open_soon: Number(row.open_soon),
    open_over_24h: Number(row.open_over_24h),
    closed_today: Number(row.closed_today),
  };
}

/** Per mother: open alerts and the highest open severity. */
export async function openAlertCounts(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<Map<string, { open: number; immediate: number }>> {
  if (motherIds.length === 0) return new Map();
  const rows = await taskSelect(db, facilityId)
    .where('alert.mother_id', 'in', [...motherIds])
    .select([
      'alert.mother_id',
      sql<number>`count(*)`.as('open'),
      sql<number>`count(*) filter (where alert.severity = 'immediate')`.as('immediate'),
    ])
    .where(sql<boolean>`last.kind is distinct from 'closed'`)
    .groupBy('alert.mother_id')
    .execute();
  return new Map(rows.map((r) => [r.mother_id, { open: Number(r.open), immediate: Number(r.immediate) }]));
}

export interface TimeAlertCandidate {
  facility_id: string;
  mother_id: string;
  delivered_at: Date;
  protocol_id: string | null;
  extended_to_day: number | null;
  starts_on: string | null;
  last_sync_at: Date | null;
  last_massage_id: string | null;
  last_massage_at: Date | null;
}

/**
 * For the clock-driven alert rules, every mother delivered in (earliest, now], in all facilities, with what those
 * rules need, in one set-based query: her current care plan, when her household last synced, and her last massage
 * given (a current entry, not a safety stop).
 */
export async function timeAlertCandidates(db: Executor, earliest: Date, now: Date): Promise<TimeAlertCandidate[]> {
  const result = await sql<TimeAlertCandidate>`
    SELECT m.facility_id, m.id AS mother_id, m.delivered_at, cp.protocol_id, cp.extended_to_day,
           to_char(cp.starts_on, 'YYYY-MM-DD') AS starts_on,
           (SELECT max(r.received_at) FROM household_entry r
             WHERE r.facility_id = m.facility_id AND r.mother_id = m.id) AS last_sync_at,
           lm.id AS last_massage_id, lm.occurred_at AS last_massage_at
    FROM mother m
    LEFT JOIN LATERAL (
      SELECT c.protocol_id, c.extended_to_day, c.starts_on FROM care_plan c
      WHERE c.facility_id = m.facility_id AND c.mother_id = m.id
      ORDER BY c.assigned_at DESC, c.seq DESC LIMIT 1) cp ON true
    LEFT JOIN LATERAL (
      SELECT e.id, e.occurred_at FROM household_entry e
      WHERE e.facility_id = m.facility_id AND e.mother_id = m.id AND e.kind = 'massage_session'
        AND e.data->>'outcome' <> 'stopped_safety' AND e.occurred_at <= ${now}
        AND NOT EXISTS (SELECT 1 FROM household_entry s WHERE s.facility_id = e.facility_id AND s.supersedes = e.id)
      ORDER BY e.occurred_at DESC LIMIT 1) lm ON true
    WHERE m.delivered_at > ${earliest} AND m.delivered_at <= ${now}`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    delivered_at: new Date(r.delivered_at),
    last_sync_at: r.last_sync_at ? new Date(r.last_sync_at) : null,
    last_massage_at: r.last_massage_at ? new Date(r.last_massage_at) : null,
  }));
}
