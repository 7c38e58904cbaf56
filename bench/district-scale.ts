// A generated district (by default 100 facilities x 2,000 mothers, 14 days of household logs each) on PostgreSQL,
// then one facility (2,000 mothers) on PGlite, and the server's answer times for the midwife's caseload, a mother's
// timeline and the facility monthly report. Only prints; tests never assert timings.
//
//   npm run bench:district -- [--facilities 100] [--mothers-per-facility 2000] [--days 14] [--requests 200]
//                             [--keep] [--reuse] [--skip-postgres] [--skip-pglite]
//
// PostgreSQL: DATABASE_URL must point at a server where the user may create databases; the bench creates
// `lancar_bench` next to it (dropped at the end unless --keep; --reuse measures a kept one without generating).
// PGlite: one facility in a temporary directory, removed at the end.
//
// The data are made with set-based INSERT ... SELECT from generate_series, one facility per transaction, by the
// rules the server applies to pushed entries (packages/contracts/src/entries.ts, apps/server/src/sync/check-entry.ts):
// valid kinds and data shapes, babies' entries carry the baby, nothing in the future or before the birth. The big
// household_entry table is loaded the way pg_restore loads: its primary key, indexes and foreign keys are taken
// from the catalog, dropped, and re-created after the load, which checks every row against them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EntryInput } from '@lancar/contracts';
import { type Database, getMother, hashPassword, migrate, openDatabase, type SqlSession } from '@lancar/db';
import { TestClient } from '@lancar/server/testing';
import pg from 'pg';
import { checkEntry } from '../apps/server/src/sync/check-entry.ts';

const { values: args } = parseArgs({
  options: {
    facilities: { type: 'string', default: '100' },
    'mothers-per-facility': { type: 'string', default: '2000' },
    days: { type: 'string', default: '14' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
  },
  strict: true,
});
const FACILITIES = Number(args.facilities);
const MOTHERS = Number(args['mothers-per-facility']);
const DAYS = Number(args.days);
const REQUESTS = Number(args.requests);
for (const [name, value, max] of [
  ['--facilities', FACILITIES, 1000],
  ['--mothers-per-facility', MOTHERS, 99_999],
  ['--days', DAYS, 14],
  ['--requests', REQUESTS, 10_000],
] as const) {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be 1 to ${max}`);
}

const bin = fileURLToPath(new URL('../apps/cli/bin/lancar.js', import.meta.url));
const PASSWORD = 'bench-lancar-2026';
const BENCH_DB = 'lancar_bench';
const ticks = Number(process.env.CLK_TCK ?? 100);
/** Deliveries of every facility but the first are spread over this many days before today. */
const SPREAD_DAYS = 365;
/** The first facility is the busy one: all its mothers delivered in the last 42 days (the postnatal period). */
const BUSY_SPREAD_DAYS = 42;

// ---------------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------------

/** A UUIDv7 made in SQL: the time of `ts` in its first 48 bits, then bits of md5(key), so reruns make the same ids. */
const u7 = (ts: string, key: string) =>
  `(lpad(to_hex((extract(epoch FROM ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${key}), 1, 3) || '8' || substr(md5(${key}), 4, 15))::uuid`;
const iso = (ts: string) => `to_char((${ts}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FIRST_NAMES = [
  'Siti',
  'Dewi',
  'Ani',
  'Nur',
  'Sri',
  'Rina',
  'Wulan',
  'Fitri',
  'Indah',
  'Lestari',
  'Ratna',
  'Yuni',
  'Putri',
  'Rahmawati',
  'Ayu',
  'Dian',
  'Eka',
  'Intan',
  'Maya',
  'Tuti',
];
const LAST_NAMES = [
  'Aminah',
  'Lestari',
  'Hidayah',
  'Wahyuni',
  'Rahayu',
  'Susanti',
  'Kartika',
  'Handayani',
  'Purwanti',
  'Sari',
  'Utami',
  'Maharani',
  'Safitri',
  'Permata',
  'Anggraini',
  'Pratiwi',
];
const HUSBANDS = ['Budi', 'Agus', 'Joko', 'Slamet', 'Eko', 'Heru', 'Bambang', 'Rudi', 'Andi', 'Dedi', 'Hadi', 'Yusuf'];
const VILLAGES = [
  'Desa Sukamaju',
  'Desa Mekarsari',
  'Desa Karanganyar',
  'Desa Sidomulyo',
  'Desa Tegalrejo',
  'Desa Sumberejo',
  'Desa Ngablak',
  'Desa Banyuurip',
  'Desa Jatisari',
  'Desa Wonosari',
  'Desa Kedungrejo',
  'Desa Pandanarum',
];
const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;

const STEPS = `'["prepare","position","find-start","oil","hand-shape","massage","finish","feed-now"]'::jsonb`;

/**
 * The per-facility statements. Parameters: $1 facility id, $2 facility number, $3 now, $4 mothers, $5 days,
 * $6 spread of deliveries in days, $7 a password hash for the activated household accounts.
 */
function facilityStatements(): { label: string; sql: string }[] {
  // Every entry: ids from a key, received a little after it happened but never after now.
  const entry = (kind: string, keyExpr: string, occurred: string, baby: string, by: string, data: string) => `
    SELECT $1::uuid, ${u7(occurred, keyExpr)}, b.mother_id, ${baby}, '${kind}', ${occurred}, 420, ${by},
           least(${occurred} + interval '1 minute', $3::timestamptz),
           least(${occurred} + (5 + (b.m % 7) * 10) * interval '1 minute', $3::timestamptz),
           NULL::uuid, ${data}, 1, nextval('bench_seq')`;
  const cols =
    'INSERT INTO household_entry (facility_id, id, mother_id, baby_id, kind, occurred_at, tz_offset_min, recorded_by, recorded_at, received_at, supersedes, data, schema_version, seq)';
  const dayStart = `(b.delivered_at + (d - 1) * interval '1 day')`;
  const babies = `CROSS JOIN LATERAL (VALUES (1, b.baby1), (2, b.baby2)) AS bb(ord, baby_id) WHERE bb.baby_id IS NOT NULL`;
  const notFuture = (occurred: string) => `AND ${occurred} <= $3::timestamptz - interval '1 minute'`;
  const days = `CROSS JOIN generate_series(1, $5::int) AS d`;

  const feedAt = `(${dayStart} + (1 + k * 2.8 + bb.ord * 0.4 + (b.m % 5) * 0.1) * interval '1 hour')`;
  const nappyAt = `(${dayStart} + (2 + k * 3.5 + bb.ord * 0.3) * interval '1 hour')`;
  const massageAt = `(${dayStart} + (1.5 + k * 8) * interval '1 hour')`;
  const expressionAt = `(${dayStart} + 10 * interval '1 hour')`;
  const weightAt = `(${dayStart} + (11 + bb.ord * 0.1) * interval '1 hour')`;
  const checkAt = `(${dayStart} + 20 * interval '1 hour')`;
  const stateAt = `(${dayStart} + 9 * interval '1 hour')`;
  const weightKey = (day: string, ord: string) => `'w:' || $2 || ':' || b.m || ':' || ${day} || ':' || ${ord}`;
  const weightOccurred = (day: string, ord: string) =>
    `(b.delivered_at + (${day} - 1) * interval '1 day' + (11 + ${ord} * 0.1) * interval '1 hour')`;

  return [
    {
      label: 'staging',
      sql: `
    DROP TABLE IF EXISTS bench_mother;
    CREATE TEMP TABLE bench_mother AS
    SELECT m, delivered_at,
      ${u7('delivered_at', `'m:' || $2 || ':' || m`)} AS mother_id,
      ${u7('delivered_at', `'b1:' || $2 || ':' || m`)} AS baby1,
      CASE WHEN m % 60 = 0 THEN ${u7('delivered_at', `'b2:' || $2 || ':' || m`)} END AS baby2,
      ${u7('delivered_at', `'um:' || $2 || ':' || m`)} AS mother_user,
      ${u7('delivered_at', `'uc:' || $2 || ':' || m`)} AS companion_user,
      ${u7(`'2025-01-01'::timestamptz`, `'u:' || $2 || ':midwife:' || (m % 4)`)} AS midwife,
      least(delivered_at + interval '2 hours', $3::timestamptz) AS enrolled_at,
      CASE WHEN m % 4 = 0 THEN 'post-caesarean-10min-2x-day1-3' WHEN m % 10 = 3 THEN 'husband-15min-14days'
           ELSE 'standard-3min-2x-day1-3' END AS protocol_id,
      CASE WHEN m % 10 = 3 THEN NULL WHEN m % 3 = 0 THEN 14 END AS extended_to_day,
      CASE WHEN m % 4 = 0 THEN 600 WHEN m % 10 = 3 THEN 900 ELSE 180 END AS massage_seconds,
      CASE WHEN m % 10 = 3 OR m % 3 = 0 THEN 14 ELSE 3 END AS last_massage_day,
      2600 + (m * 131) % 1300 AS birth_weight,
      m % 25 = 0 AS weight_loss,
      m % 37 = 0 AS few_wet
    FROM (SELECT m, $3::timestamptz - interval '2 hours'
                 - ((m - 1)::float8 / $4::int * $6::int) * interval '1 day' - (m * 7 % 24) * interval '1 hour' AS delivered_at
          FROM generate_series(1, $4::int) AS m) AS s;
    ALTER SEQUENCE bench_seq RESTART WITH 1;`,
    },
    {
      label: 'facility',
      sql: `
    INSERT INTO facility (id, name, kind, district, province, phone, created_at)
    VALUES ($1, 'Puskesmas Bench ' || lpad($2::text, 3, '0'), CASE WHEN $2::int % 10 = 0 THEN 'hospital' ELSE 'puskesmas' END,
            'Kabupaten Bench', 'Jawa Tengah', '0272555' || lpad($2::text, 3, '0'), '2025-01-01');
    INSERT INTO user_account (facility_id, id, role, display_name, username, status, created_at, updated_at)
    SELECT $1, ${u7(`'2025-01-01'::timestamptz`, `'u:' || $2 || ':midwife:' || k`)}, 'midwife',
           'Bidan ' || (${arr(FIRST_NAMES)})[1 + (k * 3 + $2::int) % 20], 'bidan.f' || lpad($2::text, 3, '0') || '.' || k,
           'pending', '2025-01-01', '2025-01-01'
    FROM generate_series(0, 3) AS k;
    INSERT INTO login_name (name, facility_id, user_id)
    SELECT username, facility_id, id FROM user_account WHERE facility_id = $1 AND username IS NOT NULL;`,
    },
    {
      label: 'accounts',
      sql: `
    INSERT INTO user_account (facility_id, id, role, display_name, phone, password_hash, status, created_at, created_by, updated_at)
    SELECT $1, mother_user, 'mother',
           (${arr(FIRST_NAMES)})[1 + m % 20] || ' ' || (${arr(LAST_NAMES)})[1 + (m / 20) % 16],
           '62811' || lpad($2::text, 3, '0') || lpad(m::text, 5, '0'), $7, 'active', enrolled_at, midwife, enrolled_at
    FROM bench_mother
    UNION ALL
    SELECT $1, companion_user, 'companion', (${arr(HUSBANDS)})[1 + m % 12] || ' (suami)',
           '62812' || lpad($2::text, 3, '0') || lpad(m::text, 5, '0'),
           CASE WHEN m % 8 = 0 THEN NULL ELSE $7 END, CASE WHEN m % 8 = 0 THEN 'pending' ELSE 'active' END,
           enrolled_at, midwife, enrolled_at
    FROM bench_mother;
    INSERT INTO login_name (name, facility_id, user_id)
    SELECT 'tel:' || phone, facility_id, id FROM user_account WHERE facility_id = $1 AND phone IS NOT NULL;`,
    },
    {
      label: 'mothers',
      sql: `
    INSERT INTO mother (facility_id, id, user_id, pseudonym, full_name, nik, phone, village, address, date_of_birth,
                        delivered_at, delivery_mode, parity, gestational_age_weeks, consent_care, consent_research,
                        created_at, created_by, updated_at)
    SELECT $1, mother_id, mother_user, 'P-' || upper(lpad(to_hex((m * 7919) % 16777216), 6, '0')),
           (${arr(FIRST_NAMES)})[1 + m % 20] || ' ' || (${arr(LAST_NAMES)})[1 + (m / 20) % 16],
           CASE WHEN m % 5 = 0 THEN NULL ELSE '3310' || lpad($2::text, 3, '0') || lpad(m::text, 9, '0') END,
           '62811' || lpad($2::text, 3, '0') || lpad(m::text, 5, '0'),
           (${arr(VILLAGES)})[1 + m % 12], 'RT 0' || (1 + m % 9) || '/RW 0' || (1 + m % 5) || ', ' || (${arr(VILLAGES)})[1 + m % 12],
           date '1986-01-01' + (m * 37) % 5800, delivered_at,
           CASE WHEN m % 4 = 0 THEN 'caesarean' ELSE 'vaginal' END, CASE WHEN m % 3 = 0 THEN 'primipara' ELSE 'multipara' END,
           37 + m % 4, true, m % 3 <> 0, enrolled_at, midwife, enrolled_at
    FROM bench_mother;
    INSERT INTO baby (facility_id, id, mother_id, name, sex, birth_weight_g, birth_order, created_at, created_by)
    SELECT $1, baby1, mother_id, 'Bayi Ny. ' || (${arr(FIRST_NAMES)})[1 + m % 20], CASE WHEN m % 2 = 0 THEN 'female' ELSE 'male' END,
           birth_weight, 1, enrolled_at, midwife FROM bench_mother
    UNION ALL
    SELECT $1, baby2, mother_id, 'Bayi Ny. ' || (${arr(FIRST_NAMES)})[1 + m % 20] || ' (2)', 'female', birth_weight - 300, 2,
           enrolled_at, midwife FROM bench_mother WHERE baby2 IS NOT NULL;
    INSERT INTO companion_link (facility_id, id, mother_id, user_id, relationship, created_at, created_by)
    SELECT $1, ${u7('enrolled_at', `'cl:' || $2 || ':' || m`)}, mother_id, companion_user,
           CASE WHEN m % 10 = 7 THEN 'family' ELSE 'husband' END, enrolled_at, midwife FROM bench_mother;
    INSERT INTO care_plan (facility_id, id, mother_id, protocol_id, extended_to_day, assigned_by, assigned_at, seq)
    SELECT $1, ${u7('enrolled_at', `'cp:' || $2 || ':' || m`)}, mother_id, protocol_id, extended_to_day, midwife, enrolled_at,
           nextval('bench_seq') FROM bench_mother;`,
    },
    {
      label: 'feeds',
      sql: `${cols}
    ${entry(
      'feed',
      `'f:' || $2 || ':' || b.m || ':' || d || ':' || bb.ord || ':' || k`,
      feedAt,
      'bb.baby_id',
      'b.mother_user',
      `jsonb_build_object('side', (ARRAY['left','right','both'])[1 + k % 3], 'durationMinutes', 8 + (k * 7 + d + b.m) % 15)`,
    )}
    FROM bench_mother AS b ${days} CROSS JOIN generate_series(0, 7) AS k ${babies} ${notFuture(feedAt)}`,
    },
    {
      label: 'nappies',
      sql: `${cols}
    ${entry(
      'nappy',
      `'n:' || $2 || ':' || b.m || ':' || d || ':' || bb.ord || ':' || k`,
      nappyAt,
      'bb.baby_id',
      'b.mother_user',
      `jsonb_build_object('wet', true, 'dirty', k < least(d, 3),
         'stoolColour', CASE WHEN k >= least(d, 3) THEN NULL WHEN d <= 2 THEN 'meconium' WHEN d <= 4 THEN 'green_brown' ELSE 'yellow' END)`,
    )}
    FROM bench_mother AS b ${days} CROSS JOIN generate_series(0, 5) AS k ${babies}
      AND k < CASE WHEN b.few_wet AND d >= 5 THEN 3 ELSE least(d + 1, 6) END ${notFuture(nappyAt)}`,
    },
    {
      label: 'massage sessions',
      sql: `${cols}
    ${entry(
      'massage_session',
      `'s:' || $2 || ':' || b.m || ':' || d || ':' || k`,
      massageAt,
      'NULL::uuid',
      'b.companion_user',
      `jsonb_build_object('protocolId', b.protocol_id,
         'endedAt', ${iso(`${massageAt} + (b.massage_seconds + 360) * interval '1 second'`)},
         'outcome', CASE WHEN b.m % 50 = 0 AND d = 2 THEN 'stopped_early' ELSE 'completed' END,
         'stepsCompleted', CASE WHEN b.m % 50 = 0 AND d = 2 THEN '["prepare","position","find-start"]'::jsonb ELSE ${STEPS} END,
         'stepsTotal', 8,
         'massageSeconds', CASE WHEN b.m % 50 = 0 AND d = 2 THEN 0 ELSE b.massage_seconds END,
         'comfort', 3 + (b.m + d + k) % 3, 'pain', (b.m + k) % 3, 'letDown', d >= 2, 'notes', NULL, 'safetyStops', '[]'::jsonb)`,
    )}
    FROM bench_mother AS b ${days} CROSS JOIN generate_series(0, 1) AS k
    WHERE d <= b.last_massage_day AND k < CASE WHEN d <= 3 THEN 2 ELSE 1 + d % 2 END ${notFuture(massageAt)}`,
    },
    {
      label: 'expressions',
      sql: `${cols}
    ${entry(
      'expression',
      `'x:' || $2 || ':' || b.m || ':' || d`,
      expressionAt,
      'NULL::uuid',
      'b.mother_user',
      `jsonb_build_object('leftMl', round((2 + d * 1.5 + b.m % 5)::numeric, 1), 'rightMl', round((1 + d * 1.5 + b.m % 3)::numeric, 1))`,
    )}
    FROM bench_mother AS b ${days} WHERE d >= 2 ${notFuture(expressionAt)}`,
    },
    {
      label: 'weights',
      sql: `${cols}
    ${entry(
      'weight',
      weightKey('d', 'bb.ord'),
      weightAt,
      'bb.baby_id',
      'b.companion_user',
      `jsonb_build_object('grams', round((b.birth_weight - (bb.ord - 1) * 300) * (1 + (CASE d WHEN 1 THEN -2 WHEN 4 THEN -7 WHEN 7 THEN -4 WHEN 10 THEN 0 ELSE 4 END
          - CASE WHEN b.weight_loss THEN 4.5 ELSE 0 END) / 100.0))::int)`,
    )}
    FROM bench_mother AS b ${days} ${babies} AND d % 3 = 1 ${notFuture(weightAt)}`,
    },
    {
      label: 'adequacy checklists',
      sql: `${cols}
    ${entry(
      'adequacy_check',
      `'a:' || $2 || ':' || b.m || ':' || d`,
      checkAt,
      'b.baby1',
      'b.mother_user',
      `jsonb_build_object('dayOfLife', d,
         'answers', jsonb_strip_nulls(jsonb_build_object('baby-settles', NOT (b.few_wet AND d >= 5),
            'breasts-softer', CASE WHEN d >= 4 THEN true END, 'stools-yellow', CASE WHEN d >= 6 THEN true END)),
         'result', CASE WHEN b.few_wet AND d >= 5 THEN 'not_adequate' ELSE 'adequate' END, 'contentVersion', 1)`,
    )}
    FROM bench_mother AS b ${days} WHERE true ${notFuture(checkAt)}`,
    },
    {
      label: "mother's state",
      sql: `${cols}
    ${entry(
      'mother_state',
      `'ms:' || $2 || ':' || b.m || ':' || d`,
      stateAt,
      'NULL::uuid',
      'b.mother_user',
      `jsonb_build_object('stress', 2 + b.m % 5, 'sleepHours', 4 + b.m % 4, 'breastComfort', CASE WHEN d = 3 THEN 'full' ELSE 'soft' END, 'fever', false)`,
    )}
    FROM bench_mother AS b ${days} WHERE d IN (3, 7) ${notFuture(stateAt)}`,
    },
    {
      label: 'alerts',
      sql: `
    INSERT INTO alert (facility_id, id, mother_id, sign_id, severity, entry_id, raised_at, seq, episode, rule_version)
    SELECT $1, ${u7(`${weightOccurred('4', '1')} + interval '10 minutes'`, `'al:w:' || $2 || ':' || b.m`)}, b.mother_id,
           'baby-weight-loss', 'soon', ${u7(weightOccurred('4', '1'), weightKey('4', '1'))},
           ${weightOccurred('4', '1')} + interval '10 minutes', nextval('bench_seq'), NULL, 1
    FROM bench_mother AS b WHERE b.weight_loss AND $5::int >= 4 AND ${weightOccurred('4', '1')} <= $3::timestamptz - interval '1 minute'
    UNION ALL
    SELECT $1, ${u7(`b.delivered_at + interval '5 days'`, `'al:n:' || $2 || ':' || b.m`)}, b.mother_id,
           'baby-too-few-wet-nappies', 'soon', NULL, b.delivered_at + interval '5 days', nextval('bench_seq'),
           'since:' || to_char((b.delivered_at + interval '4 days') AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD'), 1
    FROM bench_mother AS b WHERE b.few_wet AND $5::int >= 5 AND b.delivered_at + interval '5 days' <= $3::timestamptz;
    INSERT INTO alert_action (facility_id, id, alert_id, mother_id, kind, action_taken, outcome, note, acted_by, acted_at, recorded_at)
    SELECT a.facility_id, ${u7('a.raised_at + s.after', `a.id::text || s.kind`)}, a.id, a.mother_id, s.kind, s.action_taken, s.outcome,
           s.note, b.midwife, a.raised_at + s.after, a.raised_at + s.after
    FROM alert AS a JOIN bench_mother AS b ON b.mother_id = a.mother_id
    CROSS JOIN (VALUES ('acknowledged', NULL, NULL, NULL, interval '1 hour'),
                       ('acted', 'phoned', NULL, 'Menelepon ibu, menyarankan menyusui lebih sering.', interval '5 hours'),
                       ('closed', NULL, 'improving', NULL, interval '2 days')) AS s(kind, action_taken, outcome, note, after)
    WHERE a.facility_id = $1 AND a.raised_at + s.after <= $3::timestamptz;
    INSERT INTO facility_sync (facility_id, seq) SELECT $1, last_value FROM bench_seq;`,
    },
  ];
}

interface Definitions {
  primaryKey: string[];
  indexes: string[];
  foreignKeys: string[];
  drop: string[];
}

/** household_entry's primary key, indexes and foreign keys as the migrations made them, read from the catalog. */
async function entryTableDefinitions(session: SqlSession): Promise<Definitions> {
  const constraints = await session.query<{ name: string; type: string; def: string }>(
    `SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = 'household_entry'::regclass AND contype IN ('p', 'f')`,
  );
  const indexes = await session.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = 'household_entry'::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
  );
  // Foreign keys of other tables that point at household_entry's primary key must go while it is rebuilt.
  const referencing = await session.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE confrelid = 'household_entry'::regclass AND conrelid <> 'household_entry'::regclass AND contype = 'f'`,
  );
  const q = (name: string) => `"${name}"`;
  const fks = constraints.filter((c) => c.type === 'f');
  const pk = constraints.filter((c) => c.type === 'p');
  return {
    drop: [
      ...referencing.map((c) => `ALTER TABLE ${c.table} DROP CONSTRAINT ${q(c.name)}`),
      ...fks.map((c) => `ALTER TABLE household_entry DROP CONSTRAINT ${q(c.name)}`),
      ...pk.map((c) => `ALTER TABLE household_entry DROP CONSTRAINT ${q(c.name)}`),
      ...indexes.map((i) => `DROP INDEX ${q(i.name)}`),
    ],
    primaryKey: pk.map((c) => `ALTER TABLE household_entry ADD CONSTRAINT ${q(c.name)} ${c.def}`),
    indexes: indexes.map((i) => i.def),
    foreignKeys: [
      ...fks.map((c) => `ALTER TABLE household_entry ADD CONSTRAINT ${q(c.name)} ${c.def}`),
      ...referencing.map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT ${q(c.name)} ${c.def}`),
    ],
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** From a small run: about 15 entries per mother-day (twins add a few), 460 bytes each with the indexes. */
function estimate(facilities: number, mothers: number, days: number): string {
  const entries = facilities * mothers * 15.3 * days;
  return `about ${fmt(Math.round(entries / 1e5) / 10)} M household entries, ${((entries * 460) / 1e9).toFixed(1)} GB on disk`;
}

interface Generated {
  facilityIds: string[];
  ms: number;
}

async function generate(database: Database, facilities: number, now: Date): Promise<Generated> {
  const started = performance.now();
  const passwordHash = await hashPassword(PASSWORD);
  const facilityIds: string[] = [];
  await database.withSession(async (session) => {
    if (database.kind === 'postgres') {
      await session.exec("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '64MB'");
    }
    await session.exec('CREATE TEMP SEQUENCE IF NOT EXISTS bench_seq');
    const definitions = await entryTableDefinitions(session);
    await session.exec('BEGIN');
    for (const statement of definitions.drop) await session.exec(statement);
    await session.exec('COMMIT');
    const statements = facilityStatements();
    const perLabel = new Map<string, number>();
    for (let f = 1; f <= facilities; f++) {
      const facilityId = (
        await session.query<{ id: string }>(`SELECT ${u7(`'2025-01-01'::timestamptz`, `'facility:' || $1`)} AS id`, [f])
      )[0]?.id as string;
      facilityIds.push(facilityId);
      // The values are ours (ids, numbers, a time, a hash), so they are written into the SQL as literals: a script
      // of several statements then runs in one round trip on both drivers.
      const literals: Record<string, string> = {
        1: `'${facilityId}'::uuid`,
        2: String(f),
        3: `'${now.toISOString()}'::timestamptz`,
        4: String(MOTHERS),
        5: String(DAYS),
        6: String(f === 1 ? BUSY_SPREAD_DAYS : SPREAD_DAYS),
        7: `'${passwordHash.replaceAll("'", "''")}'`,
      };
      await session.exec('BEGIN');
      for (const { label, sql } of statements) {
        const t = performance.now();
        await session.exec(sql.replace(/\$(\d)(?!\d)/g, (_, n: string) => `(${literals[n]})`));
        perLabel.set(label, (perLabel.get(label) ?? 0) + performance.now() - t);
      }
      await session.exec('COMMIT');
      if (f === 1 || f % 10 === 0 || f === facilities) {
        console.log(`  facility ${f}/${facilities} loaded (${secs(performance.now() - started)})`);
      }
    }
    console.log(`  time by step: ${[...perLabel].map(([label, ms]) => `${label} ${secs(ms)}`).join(', ')}`);
    let t = performance.now();
    for (const statement of definitions.primaryKey) await session.exec(statement);
    for (const statement of definitions.indexes) await session.exec(statement);
    console.log(`  household_entry primary key and indexes built: ${secs(performance.now() - t)}`);
    t = performance.now();
    for (const statement of definitions.foreignKeys) await session.exec(statement);
    console.log(`  household_entry foreign keys added and checked: ${secs(performance.now() - t)}`);
    t = performance.now();
    await session.exec('VACUUM (ANALYZE)');
    console.log(`  VACUUM ANALYZE: ${secs(performance.now() - t)}`);
  });
  return { facilityIds, ms: performance.now() - started };
}

/**
 * Every entry of 20 mothers of a facility, put through the server's own checks for a pushed entry: the schema of
 * its kind and data (EntryInput) and checkEntry (the baby is hers, not in the future, not before the birth...).
 */
async function checkSample(database: Database, facilityId: string, now: Date): Promise<void> {
  const rows = await database.db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where(
      'mother_id',
      'in',
      database.db.selectFrom('mother').select('id').where('facility_id', '=', facilityId).orderBy('id').limit(20),
    )
    .execute();
  const mothers = new Map<string, Awaited<ReturnType<typeof getMother>>>();
  const stored = new Map(rows.map((row) => [row.id, { mother_id: row.mother_id, kind: row.kind }]));
  let refused = 0;
  for (const row of rows) {
    if (!mothers.has(row.mother_id))
      mothers.set(row.mother_id, await getMother(database.db, facilityId, row.mother_id));
    const parsed = EntryInput.safeParse({
      id: row.id,
      motherId: row.mother_id,
      babyId: row.baby_id,
      kind: row.kind,
      occurredAt: row.occurred_at.toISOString(),
      tzOffsetMin: row.tz_offset_min,
      supersedes: row.supersedes,
      data: row.data,
    });
    const mother = mothers.get(row.mother_id);
    const refusal =
      parsed.success && mother
        ? checkEntry(parsed.data, mother, now, new Map(), stored)
        : { message: parsed.error?.message ?? 'no mother' };
    if (refusal) {
      refused++;
      if (refused <= 3) console.log(`  REFUSED ${row.kind} ${JSON.stringify(row.data)}: ${refusal.message}`);
    }
  }
  console.log(`  checked ${fmt(rows.length)} entries of 20 mothers by the server's push rules: ${refused} refused`);
}

async function printCounts(database: Database): Promise<void> {
  await database.withSession(async (session) => {
    const tables = [
      'facility',
      'user_account',
      'mother',
      'baby',
      'companion_link',
      'care_plan',
      'household_entry',
      'alert',
      'alert_action',
    ];
    const counts: string[] = [];
    for (const table of tables) {
      const [row] = await session.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${table}`);
      counts.push(`${table} ${fmt(row?.n ?? 0)}`);
    }
    console.log(`  rows: ${counts.join(', ')}`);
    const kinds = await session.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int8 AS n FROM household_entry GROUP BY kind ORDER BY n DESC',
    );
    console.log(`  entries by kind: ${kinds.map((k) => `${k.kind} ${fmt(k.n)}`).join(', ')}`);
    const [size] = await session.query<{ db: number; entries: number }>(
      `SELECT pg_database_size(current_database())::int8 AS db, pg_total_relation_size('household_entry')::int8 AS entries`,
    );
    console.log(
      `  database size ${((size?.db ?? 0) / 1e9).toFixed(2)} GB (household_entry with indexes ${((size?.entries ?? 0) / 1e9).toFixed(2)} GB)`,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------------------------

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / ticks; // utime + stime
}

function run(command: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command.join(' ')}: ${out}`))));
    child.stdin.end(input ?? '');
  });
}

interface Served {
  url: string;
  child: ChildProcess;
  serverPid: number;
  /** Server-side response times (Fastify's responseTime) by request url, in completion order. */
  times: { url: string; ms: number }[];
}

/** `lancar serve` with request logging on (debug), so each request's server time is read from its log line. */
async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...env, PORT: '0', LANCAR_DEMO: 'off', LANCAR_LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = new Map<string, string>();
  const times: Served['times'] = [];
  let buffer = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /Lancar is running at (\S+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
        if (!line.startsWith('{')) continue;
        try {
          const record = JSON.parse(line) as { reqId?: string; req?: { url?: string }; responseTime?: number };
          if (record.reqId && record.req?.url) urls.set(record.reqId, record.req.url);
          if (record.reqId && typeof record.responseTime === 'number') {
            times.push({ url: urls.get(record.reqId) ?? '', ms: record.responseTime });
            urls.delete(record.reqId);
          }
        } catch {
          // not a log record
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`lancar serve exited with ${code}`)));
  });
  const serverPid = Number(
    readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0] ?? child.pid,
  );
  return { url, child, serverPid, times };
}

async function stopServer(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.on('exit', resolve));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

interface Timing {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  cpuMs: number;
  note: string;
}

async function timeRequests(
  served: Served,
  client: TestClient,
  label: string,
  paths: string[],
  n: number,
  warmUp: number,
): Promise<Timing | string> {
  const probe = await client.get(paths[0] as string);
  if (probe.status !== 200) {
    const detail = typeof probe.body === 'object' ? (probe.body?.detail ?? probe.body?.title ?? '') : probe.text;
    return `${label}: skipped, ${paths[0]} answered ${probe.status} ${String(detail).slice(0, 120)}`;
  }
  for (let i = 0; i < warmUp; i++) await client.get(paths[i % paths.length] as string);
  await new Promise((r) => setTimeout(r, 100));
  const from = served.times.length;
  const cpuBefore = cpuSeconds(served.serverPid);
  const clientMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await client.get(paths[i % paths.length] as string);
    clientMs.push(performance.now() - started);
    bytes += response.text.length;
    if (response.status !== 200) throw new Error(`${paths[i % paths.length]} answered ${response.status}`);
  }
  const cpuMs = ((cpuSeconds(served.serverPid) - cpuBefore) * 1000) / n;
  await new Promise((r) => setTimeout(r, 200));
  const server = served.times.slice(from).map((t) => t.ms);
  const useServer = server.length === n;
  const sorted = [...(useServer ? server : clientMs)].sort((a, b) => a - b);
  return {
    label,
    n,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    cpuMs,
    note: `${useServer ? 'server' : 'client, loopback'}; ${Math.round(bytes / n / 1024)} KB/answer`,
  };
}

function printTimings(rows: (Timing | string)[]): void {
  console.log(
    `  ${'What'.padEnd(58)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'CPU/req'.padStart(8)}  measured`,
  );
  for (const row of rows) {
    if (typeof row === 'string') {
      console.log(`  ${row}`);
      continue;
    }
    const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(8);
    console.log(
      `  ${row.label.padEnd(58)} ${String(row.n).padStart(4)} ${ms(row.p50)} ${ms(row.p95)} ${ms(row.max)} ${ms(row.cpuMs)}  ${row.note}`,
    );
  }
}

/** Logs in a midwife made with `lancar user create` (the CLI's code path) and times the midwife's pages. */
async function measure(env: NodeJS.ProcessEnv, database: () => Promise<Database>, facilityIds: string[]) {
  // Mother ids to open: mothers of the first facility with the whole follow-up logged, and a few recent ones.
  const db = await database();
  const facilityId = facilityIds[0] as string;
  let motherIds: string[];
  let monthFrom: string;
  let monthTo: string;
  try {
    const rows = await db.withSession((s) =>
      s.query<{ id: string }>(`SELECT id FROM mother WHERE facility_id = $1 ORDER BY md5(id::text) LIMIT 50`, [
        facilityId,
      ]),
    );
    motherIds = rows.map((r) => r.id);
  } finally {
    await db.close();
  }
  // The report's period: the 30 days up to today (the busy facility enrolled about 1,400 mothers in it).
  const today = new Date();
  monthFrom = new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  monthTo = today.toISOString().slice(0, 10);

  const stamp = Date.now() % 1e6;
  const logins: { facility: number; username: string; role: string }[] = [
    { facility: 0, username: `bench.midwife.${stamp}`, role: 'midwife' },
    { facility: 1, username: `bench.midwife.b${stamp}`, role: 'midwife' },
    { facility: 0, username: `bench.sysadmin.${stamp}`, role: 'system_admin' },
  ].filter((login) => login.facility < facilityIds.length);
  for (const login of logins) {
    await run(
      [
        bin,
        'user',
        'create',
        '--facility',
        facilityIds[login.facility] as string,
        '--role',
        login.role,
        '--name',
        'Benchmark',
        '--username',
        login.username,
        '--password-stdin',
      ],
      env,
      PASSWORD,
    );
  }

  const served = await serve(env);
  try {
    const results: (Timing | string)[] = [];
    const client = async (username: string) => {
      const c = new TestClient(served.url);
      const response = await c.post('/api/auth/login', { login: username, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
      return c;
    };
    const busy = await client((logins[0] as { username: string }).username);
    // The first caseload request builds the per-mother summaries the generator did not write (as after the
    // migration that added them, or a restore): timed on its own, once.
    const firstStarted = performance.now();
    const caseload = await busy.get('/api/mothers');
    const firstMs = performance.now() - firstStarted;
    const shown = (body: { mothers?: unknown[]; total?: number } | undefined) =>
      Array.isArray(body?.mothers) ? `${body.mothers.length} of ${body.total ?? '?'}` : '?';
    console.log(
      `  first caseload request (builds ${caseload.body?.total ?? '?'} summaries): ${firstMs.toFixed(0)} ms (client)`,
    );
    const warm = Math.min(5, REQUESTS);
    results.push(
      await timeRequests(
        served,
        busy,
        `Caseload GET /api/mothers (page 1: ${shown(caseload.body)})`,
        ['/api/mothers'],
        REQUESTS,
        warm,
      ),
    );
    for (const query of CASELOAD_FILTERS) {
      const probe = await busy.get(`/api/mothers?${query}`);
      results.push(
        await timeRequests(
          served,
          busy,
          `Caseload ?${query} (${shown(probe.body)})`,
          [`/api/mothers?${query}`],
          REQUESTS,
          warm,
        ),
      );
    }
    results.push(
      await timeRequests(
        served,
        busy,
        "Mother's entries GET /api/mothers/:id/entries",
        motherIds.map((id) => `/api/mothers/${id}/entries`),
        REQUESTS,
        warm,
      ),
    );
    results.push(
      await timeRequests(
        served,
        busy,
        "Mother's timeline GET /api/mothers/:id/timeline",
        motherIds.map((id) => `/api/mothers/${id}/timeline`),
        REQUESTS,
        warm,
      ),
    );
    results.push(
      await timeRequests(
        served,
        busy,
        `Facility report, 30 days (${monthFrom}..${monthTo})`,
        [`/api/reports/facility?from=${monthFrom}&to=${monthTo}`],
        Math.min(REQUESTS, 30),
        Math.min(3, REQUESTS),
      ),
    );
    results.push(
      await timeRequests(
        served,
        busy,
        'Facility report, 30 days, as PDF',
        [`/api/reports/facility.pdf?from=${monthFrom}&to=${monthTo}`],
        Math.min(REQUESTS, 10),
        Math.min(2, REQUESTS),
      ),
    );
    const second = logins.find((login) => login.facility === 1);
    if (second) {
      const other = await client(second.username);
      const listedOther = shown((await other.get('/api/mothers')).body);
      results.push(
        await timeRequests(
          served,
          other,
          `Caseload, facility 2 (deliveries over a year; ${listedOther} mothers)`,
          ['/api/mothers'],
          REQUESTS,
          warm,
        ),
      );
      results.push(
        await timeRequests(
          served,
          other,
          'Facility report, 30 days, facility 2',
          [`/api/reports/facility?from=${monthFrom}&to=${monthTo}`],
          Math.min(REQUESTS, 30),
          Math.min(3, REQUESTS),
        ),
      );
    }
    const admin = logins.find((login) => login.role === 'system_admin');
    if (admin && facilityIds.length > 1) {
      const sysadmin = await client(admin.username);
      results.push(
        await timeRequests(
          served,
          sysadmin,
          `District report, 30 days, ${facilityIds.length} facilities`,
          [`/api/reports/district?district=Kabupaten%20Bench&from=${monthFrom}&to=${monthTo}`],
          Math.min(REQUESTS, 5),
          1,
        ),
      );
    }
    printTimings(results);
  } finally {
    await stopServer(served);
  }
}

/** Filters of the caseload page (MotherListQuery); one the server does not know is reported as skipped. */
const CASELOAD_FILTERS = [
  'dayMax=14',
  'hasOpenAlert=true',
  'q=siti',
  'village=Desa%20Mekarsari&sort=alerts',
  'sort=adherence',
  'sort=lastSync',
  'offset=1000',
  'limit=200',
];

// ---------------------------------------------------------------------------------------------------------------

console.log(
  `District scale: ${FACILITIES} facilities x ${fmt(MOTHERS)} mothers, ${DAYS} days of logs (${estimate(FACILITIES, MOTHERS, DAYS)})`,
);
const now = new Date();

if (!args['skip-postgres']) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log('PostgreSQL: skipped (set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  } else {
    const benchUrl = new URL(adminUrl);
    benchUrl.pathname = `/${BENCH_DB}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      if (!args.reuse) {
        await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
        await admin.query(`CREATE DATABASE ${BENCH_DB}`);
      }
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: benchUrl.toString() };
      const open = () => openDatabase({ databaseUrl: benchUrl.toString(), dataDir: '', command: 'bench' });
      console.log(`\nPostgreSQL (${BENCH_DB}):`);
      const database = await open();
      let facilityIds: string[];
      try {
        if (args.reuse) {
          const rows = await database.withSession((s) =>
            s.query<{ id: string }>("SELECT id FROM facility WHERE name LIKE 'Puskesmas Bench%' ORDER BY name"),
          );
          facilityIds = rows.map((r) => r.id);
        } else {
          await migrate(database);
          const generated = await generate(database, FACILITIES, now);
          facilityIds = generated.facilityIds;
          console.log(`  generated in ${secs(generated.ms)}`);
          await checkSample(database, facilityIds[0] as string, now);
        }
        await printCounts(database);
      } finally {
        await database.close();
      }
      await measure(env, open, facilityIds);
    } finally {
      if (args.keep) {
        console.log(`  kept database ${BENCH_DB} (--keep); drop it with: dropdb ${BENCH_DB}`);
      } else {
        await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
        console.log(`  dropped database ${BENCH_DB}`);
      }
      await admin.end();
    }
  }
}

if (!args['skip-pglite']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lancar-bench-district-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LANCAR_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const open = () => openDatabase({ databaseUrl: undefined, dataDir, command: 'bench' });
  try {
    console.log(`\nPGlite (one facility, ${fmt(MOTHERS)} mothers, ${dataDir}):`);
    const database = await open();
    let facilityIds: string[];
    try {
      await migrate(database);
      const generated = await generate(database, 1, now);
      facilityIds = generated.facilityIds;
      console.log(`  generated in ${secs(generated.ms)}`);
      await checkSample(database, facilityIds[0] as string, now);
      await printCounts(database);
    } finally {
      await database.close();
    }
    await measure(env, open, facilityIds);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
