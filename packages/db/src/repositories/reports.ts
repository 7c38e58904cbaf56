import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * The rows behind the facility and district reports, reduced in SQL: one row per mother, per mother (or baby) and
 * day of life, per alert, per companion. Never one query per mother. "Current" entries are those no correction
 * or void supersedes. Days of life are 24-hour windows from the delivery (day 1 = the first 24 hours).
 *
 * The cohort is the mothers of the given facilities enrolled (created) in [start, end) and not voided.
 */

/** The longest course a plan can reach (extension to day 42 after a late start): entries after it never count. */
const FOLLOW_UP_DAYS = 60;
/** The days of life the volume and weight charts show. */
const CHART_DAYS = 14;

export interface ReportScope {
  facilityIds: readonly string[];
  /** Enrolment window, start inclusive, end exclusive. */
  start: Date;
  end: Date;
}

export interface ReportCohortRow {
  facility_id: string;
  mother_id: string;
  delivered_at: Date | null;
  protocol_id: string | null;
  extended_to_day: number | null;
  starts_on: string | null;
}

export interface ReportRows {
  mothers: ReportCohortRow[];
  massage: { mother_id: string; day: number; done: number }[];
  expression: { mother_id: string; day: number; ml: number }[];
  weights: { mother_id: string; baby_id: string; day: number; grams: number; birth_weight_g: number }[];
  adequacy: { mother_id: string; day: number; result: 'adequate' | 'not_adequate' | 'incomplete' }[];
  alerts: {
    facility_id: string;
    sign_id: string;
    severity: 'immediate' | 'soon';
    raised_at: Date;
    first_action_at: Date | null;
    closed_at: Date | null;
  }[];
  companions: { facility_id: string; user_id: string; took_post_test: boolean; competent: boolean }[];
}

function facilities(scope: ReportScope): RawBuilder<unknown> {
  return sql.join(scope.facilityIds.map((id) => sql`${id}::uuid`));
}

function cohort(scope: ReportScope): RawBuilder<unknown> {
  return sql`
    SELECT m.facility_id, m.id, m.delivered_at FROM mother m
    WHERE m.facility_id IN (${facilities(scope)}) AND m.voided_at IS NULL
      AND m.created_at >= ${scope.start} AND m.created_at < ${scope.end}`;
}

export async function loadReportRows(db: Executor, scope: ReportScope): Promise<ReportRows> {
  if (scope.facilityIds.length === 0) {
    return { mothers: [], massage: [], expression: [], weights: [], adequacy: [], alerts: [], companions: [] };
  }
  const mothers = sql<ReportCohortRow>`
    SELECT c.facility_id, c.id AS mother_id, c.delivered_at, cp.protocol_id, cp.extended_to_day,
           to_char(cp.starts_on, 'YYYY-MM-DD') AS starts_on
    FROM (${cohort(scope)}) c
    LEFT JOIN LATERAL (
      SELECT p.protocol_id, p.extended_to_day, p.starts_on FROM care_plan p
      WHERE p.facility_id = c.facility_id AND p.mother_id = c.id
      ORDER BY p.assigned_at DESC, p.seq DESC LIMIT 1) cp ON true
    ORDER BY c.facility_id, c.id`.execute(db);

  // One pass over the cohort's current entries (those no correction or void supersedes) of the four kinds the report
  // reads, reduced per mother (or baby) and day of life. Reading the big table once, not once per figure, is what
  // keeps a 2,000-mother month under a second on the embedded database.
  const days = sql<{
    part: 'massage' | 'expression' | 'weight' | 'adequacy';
    mother_id: string;
    baby_id: string | null;
    days: number[];
    vals: (number | null)[];
    birth_weight_g: number | null;
    results: ('adequate' | 'not_adequate' | 'incomplete' | null)[];
  }>`
    WITH c AS (${cohort(scope)}),
    e AS (
      SELECT e.kind, e.mother_id, e.baby_id, e.facility_id, e.occurred_at, e.recorded_at,
             (floor(extract(epoch FROM (e.occurred_at - c.delivered_at)) / 86400))::int + 1 AS day,
             CASE e.kind
               WHEN 'massage_session' THEN (e.data->>'outcome' IS DISTINCT FROM 'stopped_safety')::int::float8
               WHEN 'expression' THEN coalesce((e.data->>'leftMl')::float8, 0) + coalesce((e.data->>'rightMl')::float8, 0)
               WHEN 'weight' THEN (e.data->>'grams')::float8
               WHEN 'adequacy_check' THEN (e.data->>'dayOfLife')::float8
             END AS value,
             CASE WHEN e.kind = 'adequacy_check' THEN e.data->>'result' END AS result
      FROM c
      JOIN household_entry e ON e.facility_id = c.facility_id AND e.mother_id = c.id
      WHERE c.delivered_at IS NOT NULL
        AND e.kind IN ('massage_session', 'expression', 'weight', 'adequacy_check')
        AND e.occurred_at >= c.delivered_at
        AND e.occurred_at < c.delivered_at + make_interval(days => ${FOLLOW_UP_DAYS})
        AND NOT EXISTS (
          SELECT 1 FROM household_entry s WHERE s.facility_id = e.facility_id AND s.supersedes = e.id)
    )
    , reduced AS (
    SELECT 'massage' AS part, mother_id, NULL::uuid AS baby_id, day, sum(value)::float8 AS value,
           NULL::int AS birth_weight_g, NULL::text AS result
    FROM e WHERE kind = 'massage_session' GROUP BY mother_id, day HAVING sum(value) > 0
    UNION ALL
    SELECT 'expression', mother_id, NULL, day, sum(value)::float8, NULL, NULL
    FROM e WHERE kind = 'expression' AND day <= ${CHART_DAYS} GROUP BY mother_id, day
    UNION ALL
    (SELECT DISTINCT ON (e.baby_id, e.day) 'weight', e.mother_id, e.baby_id, e.day, e.value, b.birth_weight_g, NULL
     FROM e JOIN baby b ON b.facility_id = e.facility_id AND b.id = e.baby_id
     WHERE e.kind = 'weight' AND e.day <= ${CHART_DAYS} AND b.voided_at IS NULL AND b.birth_weight_g IS NOT NULL
     ORDER BY e.baby_id, e.day, e.occurred_at DESC, e.recorded_at DESC)
    UNION ALL
    (SELECT DISTINCT ON (mother_id, value) 'adequacy', mother_id, NULL, value::int, NULL, NULL, result
     FROM e WHERE kind = 'adequacy_check' AND value IN (3, 7, 14)
     ORDER BY mother_id, value, occurred_at DESC, recorded_at DESC))
    -- One row per mother (or baby) and part, its days as arrays: a tenth of the rows to send.
    SELECT part, mother_id, baby_id, array_agg(day) AS days, array_agg(value) AS vals,
           min(birth_weight_g) AS birth_weight_g, array_agg(result) AS results
    FROM reduced GROUP BY part, mother_id, baby_id`.execute(db);

  // Alerts raised in the period (whatever the mother's enrolment date), with the first action and the closing.
  const alerts = sql<ReportRows['alerts'][number]>`
    SELECT a.facility_id, a.sign_id, a.severity, a.raised_at,
           min(x.acted_at) AS first_action_at,
           min(x.acted_at) FILTER (WHERE x.kind = 'closed') AS closed_at
    FROM alert a
    JOIN mother m ON m.facility_id = a.facility_id AND m.id = a.mother_id AND m.voided_at IS NULL
    LEFT JOIN alert_action x ON x.facility_id = a.facility_id AND x.alert_id = a.id
    WHERE a.facility_id IN (${facilities(scope)}) AND a.raised_at >= ${scope.start} AND a.raised_at < ${scope.end}
    GROUP BY a.facility_id, a.id, a.sign_id, a.severity, a.raised_at`.execute(db);

  // Companions linked to the cohort's mothers; their paper sheets and skill checks at group trainings (as a
  // participant linked to their account) count too. Set-based: a join per source, never a lookup per person.
  const companions = sql<ReportRows['companions'][number]>`
    WITH people AS (
      SELECT DISTINCT l.facility_id, l.user_id
      FROM (${cohort(scope)}) c
      JOIN companion_link l ON l.facility_id = c.facility_id AND l.mother_id = c.id
    ),
    sheets AS (
      SELECT p.user_id FROM people p
      JOIN quiz_attempt q ON q.facility_id = p.facility_id AND q.user_id = p.user_id
      WHERE q.phase = 'post' AND q.complete
      UNION
      SELECT p.user_id FROM people p
      JOIN training_participant t ON t.facility_id = p.facility_id AND t.user_id = p.user_id
      JOIN quiz_attempt q ON q.facility_id = t.facility_id AND q.participant_id = t.id
      WHERE q.phase = 'post' AND q.complete
    ),
    checks AS (
      SELECT p.user_id, s.passed, s.observed_at, s.created_at FROM people p
      JOIN skill_check s ON s.facility_id = p.facility_id AND s.user_id = p.user_id
      UNION ALL
      SELECT p.user_id, s.passed, s.observed_at, s.created_at FROM people p
      JOIN training_participant t ON t.facility_id = p.facility_id AND t.user_id = p.user_id
      JOIN skill_check s ON s.facility_id = t.facility_id AND s.participant_id = t.id
    ),
    latest AS (
      SELECT DISTINCT ON (user_id) user_id, passed FROM checks ORDER BY user_id, observed_at DESC, created_at DESC
    )
    SELECT p.facility_id, p.user_id, EXISTS (SELECT 1 FROM sheets x WHERE x.user_id = p.user_id) AS took_post_test,
           coalesce(latest.passed, false) AS competent
    FROM people p LEFT JOIN latest ON latest.user_id = p.user_id`.execute(db);

  // Started together: PostgreSQL runs them on several pool connections, PGlite one after another.
  const massage: ReportRows['massage'] = [];
  const expression: ReportRows['expression'] = [];
  const weights: ReportRows['weights'] = [];
  const adequacy: ReportRows['adequacy'] = [];
  for (const r of (await days).rows) {
    r.days.forEach((day, i) => {
      const value = r.vals[i] ?? 0;
      if (r.part === 'massage') massage.push({ mother_id: r.mother_id, day, done: value });
      else if (r.part === 'expression') expression.push({ mother_id: r.mother_id, day, ml: value });
      else if (r.part === 'weight' && r.baby_id !== null && r.birth_weight_g !== null)
        weights.push({
          mother_id: r.mother_id,
          baby_id: r.baby_id,
          day,
          grams: value,
          birth_weight_g: r.birth_weight_g,
        });
      else if (r.part === 'adequacy' && r.results[i])
        adequacy.push({ mother_id: r.mother_id, day, result: r.results[i] });
    });
  }
  return {
    mothers: (await mothers).rows,
    massage,
    expression,
    weights,
    adequacy,
    alerts: (await alerts).rows,
    companions: (await companions).rows,
  };
}

/** The facilities of a district (for the district view), by name. */
export async function listDistrictFacilities(
  db: Executor,
  district: string,
): Promise<{ id: string; name: string; is_demo: boolean }[]> {
  const rows = await db
    .selectFrom('facility')
    .select(['id', 'name', 'is_demo'])
    .where('district', '=', district)
    .execute();
  // Sorted here, not by the database's collation, so PGlite and PostgreSQL list them alike.
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id));
}
