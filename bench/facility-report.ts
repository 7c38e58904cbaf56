// The facility monthly report for one facility with 2,000 mothers enrolled in the month, each with 14 days of
// household logs (about 240,000 entries), on a fresh embedded database (PGlite in memory) or on PostgreSQL when
// DATABASE_URL is set (a new database next to it, dropped at the end). Prints the time of the report (the SQL that
// reduces the rows and the aggregation), the PDF and the CSV: one warm-up, then the median of 5 runs.
//
//   npx tsx bench/facility-report.ts [--mothers 2000]
import { parseArgs } from 'node:util';
import { openTestDatabase } from '@lancar/db/testing';
import { newId } from '@lancar/domain';
import { sql } from 'kysely';
import { loadFacilityReport } from '../apps/server/src/reports/load-report.ts';
import { facilityReportCsv } from '../apps/server/src/reports/report-csv.ts';
import { facilityReportPdf } from '../apps/server/src/reports/report-pdf.ts';

const { values: args } = parseArgs({ options: { mothers: { type: 'string', default: '2000' } } });
const MOTHERS = Number(args.mothers);
const database = await openTestDatabase({ demo: false });
const db = database.db;
const facility = newId();
const midwife = newId();

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
}

try {
  await timed('generate facility, mothers, babies, plans', async () => {
    await db
      .insertInto('facility')
      .values({ id: facility, name: 'Puskesmas Bench', kind: 'puskesmas', district: 'Kab. Bench', province: 'P' })
      .execute();
    await db
      .insertInto('user_account')
      .values({ facility_id: facility, id: midwife, role: 'midwife', display_name: 'Bidan Bench', status: 'pending' })
      .execute();
    // Enrolled through October 2026 (WIB), delivered two hours before enrolment.
    await sql`
      INSERT INTO mother (facility_id, id, pseudonym, full_name, delivered_at, consent_care, created_at)
      SELECT ${facility}::uuid, gen_random_uuid(), 'P-' || lpad(upper(to_hex(i)), 6, '0'), 'Ibu ' || i,
             timestamptz '2026-10-01 06:00+07' + (i % 30) * interval '1 day' + (i % 11) * interval '1 hour',
             true,
             timestamptz '2026-10-01 08:00+07' + (i % 30) * interval '1 day' + (i % 11) * interval '1 hour'
      FROM generate_series(1, ${MOTHERS}) AS i`.execute(db);
    await sql`
      INSERT INTO baby (facility_id, id, mother_id, sex, birth_weight_g)
      SELECT facility_id, gen_random_uuid(), id, 'female', 2600 + (abs(hashtext(id::text)) % 1200)
      FROM mother WHERE facility_id = ${facility}`.execute(db);
    await sql`
      INSERT INTO care_plan (facility_id, id, mother_id, protocol_id, extended_to_day, assigned_at, seq)
      SELECT facility_id, gen_random_uuid(), id,
             CASE WHEN abs(hashtext(id::text)) % 2 = 0 THEN 'standard-3min-2x-day1-3' ELSE 'husband-15min-14days' END,
             NULL, delivered_at, 0
      FROM mother WHERE facility_id = ${facility}`.execute(db);
  });

  await timed('generate 14 days of household logs', async () => {
    // Per day of life: 2 massages (some days 1), 8 feeds, 6 nappies, 1 expression, a weight on days 1, 3, 5, 7, 10
    // and 14, and the evening checklist.
    await sql`
      INSERT INTO household_entry (facility_id, id, mother_id, baby_id, kind, occurred_at, tz_offset_min, recorded_by,
                                   recorded_at, data, seq)
      SELECT m.facility_id, gen_random_uuid(), m.id, CASE WHEN k.kind IN ('feed', 'nappy', 'weight') THEN b.id END,
             k.kind, m.delivered_at + (d - 1) * interval '1 day' + k.slot * interval '80 minutes', 420, ${midwife}::uuid,
             m.delivered_at + (d - 1) * interval '1 day' + k.slot * interval '80 minutes',
             CASE k.kind
               WHEN 'massage_session' THEN jsonb_build_object('outcome', 'completed', 'protocolId', 'x')
               WHEN 'feed' THEN jsonb_build_object('side', 'both', 'durationMinutes', 15)
               WHEN 'nappy' THEN jsonb_build_object('wet', true, 'dirty', k.slot % 2 = 0, 'stoolColour', NULL)
               WHEN 'expression' THEN jsonb_build_object('leftMl', 2 + d * 3 + (abs(hashtext(m.id::text)) % 7),
                                                         'rightMl', 1 + d * 3)
               WHEN 'weight' THEN jsonb_build_object('grams', b.birth_weight_g - 200 + d * 25)
               ELSE jsonb_build_object('dayOfLife', d, 'answers', '{}'::jsonb, 'contentVersion', 1,
                                       'result', CASE WHEN (abs(hashtext(m.id::text)) + d) % 4 = 0 THEN 'not_adequate'
                                                      ELSE 'adequate' END)
             END,
             0
      FROM mother m
      JOIN baby b ON b.facility_id = m.facility_id AND b.mother_id = m.id
      CROSS JOIN generate_series(1, 14) AS d
      CROSS JOIN (VALUES ('massage_session', 0), ('massage_session', 9),
                         ('feed', 1), ('feed', 2), ('feed', 4), ('feed', 6), ('feed', 8), ('feed', 10), ('feed', 12),
                         ('feed', 14), ('nappy', 1), ('nappy', 3), ('nappy', 5), ('nappy', 7), ('nappy', 11),
                         ('nappy', 13), ('expression', 3), ('weight', 15), ('adequacy_check', 16)) AS k(kind, slot)
      WHERE m.facility_id = ${facility}
        AND NOT (k.kind = 'massage_session' AND k.slot = 9 AND (abs(hashtext(m.id::text)) + d) % 5 = 0)
        AND NOT (k.kind = 'weight' AND d NOT IN (1, 3, 5, 7, 10, 14))`.execute(db);
  });

  await timed('generate alerts, actions, companions, tests', async () => {
    await sql`
      INSERT INTO alert (facility_id, id, mother_id, sign_id, severity, raised_at, seq)
      SELECT facility_id, gen_random_uuid(), id, 'mother-fever', 'immediate', delivered_at + interval '30 hours', 0
      FROM mother WHERE facility_id = ${facility} AND abs(hashtext(id::text)) % 10 = 0`.execute(db);
    await sql`
      INSERT INTO alert_action (facility_id, id, alert_id, mother_id, kind, acted_by, acted_at)
      SELECT facility_id, gen_random_uuid(), id, mother_id, 'closed', ${midwife}::uuid, raised_at + interval '5 hours'
      FROM alert WHERE facility_id = ${facility}`.execute(db);
    await sql`
      INSERT INTO user_account (facility_id, id, role, display_name, status)
      SELECT facility_id, id, 'companion', 'Suami', 'pending' FROM mother WHERE facility_id = ${facility}`.execute(db);
    await sql`
      INSERT INTO companion_link (facility_id, id, mother_id, user_id, relationship)
      SELECT facility_id, gen_random_uuid(), id, id, 'husband' FROM mother WHERE facility_id = ${facility}`.execute(db);
    await sql`
      INSERT INTO quiz_attempt (facility_id, id, user_id, phase, item_bank_version, answers, correct, answered, total,
                                score, complete, source, taken_at, recorded_by)
      SELECT facility_id, gen_random_uuid(), id, 'post', 1, '{}'::jsonb, 15, 18, 18, 83, true, 'phone',
             delivered_at, id
      FROM mother WHERE facility_id = ${facility} AND abs(hashtext(id::text)) % 2 = 0`.execute(db);
    await sql`
      INSERT INTO skill_check (facility_id, id, user_id, observed_by, observed_at, checklist_version, results, passed)
      SELECT facility_id, gen_random_uuid(), id, ${midwife}::uuid, delivered_at, 1, '{}'::jsonb, true
      FROM mother WHERE facility_id = ${facility} AND abs(hashtext(id::text)) % 3 = 0`.execute(db);
    await sql`ANALYZE`.execute(db);
  });

  const counts = await sql<{ mothers: number; entries: number }>`
    SELECT (SELECT count(*) FROM mother)::int AS mothers, (SELECT count(*) FROM household_entry)::int AS entries`.execute(
    db,
  );
  console.log(
    `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)'}: ${counts.rows[0]?.mothers} mothers, ${counts.rows[0]?.entries} household entries`,
  );

  const now = new Date('2026-11-23T00:00:00Z');
  const period = { from: '2026-10-01', to: '2026-10-31' };
  async function median(label: string, run: () => Promise<unknown>): Promise<void> {
    await run();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    const sorted = times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(44)} median ${sorted[2]?.toFixed(0).padStart(5)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted[4]?.toFixed(0)})`,
    );
  }
  const report = await loadFacilityReport(db, facility, period, now);
  console.log(
    `report: ${report.mothersEnrolled} mothers, ${report.protocol.completed} completed, ${report.alerts.raised} alerts`,
  );
  await median('facility monthly report (SQL + aggregation)', () => loadFacilityReport(db, facility, period, now));
  await median('PDF with charts', () => facilityReportPdf(report, 'id'));
  await median('CSV', async () => facilityReportCsv(report, 'id'));
} finally {
  await database.close();
}
