// Load: N phones (households) push realistic batches of household entries while M midwives open their caseload,
// against `lancar serve` on PGlite (one process) and, with DATABASE_URL, on PostgreSQL with 1 and 2 server processes
// (2 behind Debian's nginx when it is installed). Prints sustained mutations per second, push latency p50/p95/p99,
// error rate, server CPU and peak memory, and on PostgreSQL the raw rate of the same rows inserted straight into the
// table from one client (the ceiling) with the API's share of it. Loopback only; every loop is bounded in count and
// time. Only prints; tests never assert timings.
//   npx tsx bench/load.ts --phones 100,1000 --seconds 20
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.ts --phones 100,1000,5000
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Database, hashToken, migrate, openDatabase } from '@lancar/db';
import { newId } from '@lancar/domain';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    phones: { type: 'string', default: '100,1000' },
    midwives: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    batch: { type: 'string', default: '10' },
    // Households per facility: a district's phones belong to many facilities (0 puts them all in one).
    'per-facility': { type: 'string', default: '250' },
    'skip-pglite': { type: 'boolean', default: false },
    // A directory to write each server's CPU profile to (.cpuprofile, for Chromium's DevTools).
    profile: { type: 'string' },
  },
});
const PHONES = args.phones.split(',').map(Number);
const MIDWIVES = Number(args.midwives);
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const BATCH = Number(args.batch);
const PER_FACILITY = Number(args['per-facility']);
const BIN = fileURLToPath(new URL('../apps/cli/bin/lancar.js', import.meta.url));
const SERVER_MAIN = fileURLToPath(new URL('../apps/server/src/main.ts', import.meta.url));
const PROFILE = args.profile;
const NGINX = '/usr/sbin/nginx';
const LOAD_DB = 'lancar_load';
// Every bench session shares one secret: only its hash is stored, and each cookie names its own session row.
const SECRET = 'benchmark-secret-benchmark-secret-benchmark'.slice(0, 43);
const TICKS = Number(process.env.CLK_TCK ?? 100);
// Active accounts need a password hash; nobody logs in with these (the bench makes their sessions directly).
const NO_LOGIN_HASH = '$scrypt$ln=17,r=8,p=1$bm8tbG9naW4$bm8tbG9naW4';

interface Household {
  facilityId: string;
  motherId: string;
  babyId: string;
  cookie: string;
  /** The phone's pull cursor. */
  cursor: number;
}

interface Seeded {
  households: Household[];
  midwives: string[];
  facilities: number;
}

/**
 * A district: the phones in facilities of PER_FACILITY households each (one facility when 0), households taken in
 * turn from every facility, and the midwives of the first facilities.
 */
async function seedDistrict(database: Database, phones: number): Promise<Seeded> {
  const sizes: number[] = [];
  for (let left = phones; left > 0; left -= PER_FACILITY || phones) sizes.push(Math.min(left, PER_FACILITY || phones));
  const facilities = [];
  for (const [i, size] of sizes.entries()) facilities.push(await seed(database, size, i < MIDWIVES ? 1 : 0));
  const households: Household[] = [];
  for (let k = 0; households.length < phones; k++)
    for (const facility of facilities) if (facility.households[k]) households.push(facility.households[k] as Household);
  const midwives = facilities.flatMap((f) => f.midwives);
  // Fewer facilities than midwives: the rest read the first facility's caseload.
  while (midwives.length < MIDWIVES)
    midwives.push(...(facilities[0]?.midwives ?? []).slice(0, MIDWIVES - midwives.length));
  return { households, midwives: midwives.slice(0, MIDWIVES), facilities: facilities.length };
}

/** A facility with N households (mother, baby, husband with a live session) and its midwives, set-based. */
async function seed(
  database: Database,
  phones: number,
  midwifeCount: number,
): Promise<{ households: Household[]; midwives: string[] }> {
  const facilityId = newId();
  return database.withSession(async (session) => {
    await session.exec('BEGIN');
    await session.query(
      `INSERT INTO facility (id, name, kind, district, province) VALUES ($1, '[LOAD] Puskesmas Beban', 'puskesmas', 'Kabupaten Uji', 'Jawa Tengah')`,
      [facilityId],
    );
    await session.query('INSERT INTO facility_sync (facility_id, seq) VALUES ($1, 0)', [facilityId]);
    await session.query(
      `INSERT INTO user_account (facility_id, id, role, display_name, username, status, password_hash)
       SELECT $1, gen_random_uuid(), 'midwife', 'Bidan Beban ' || k, 'bidan.beban.' || k || '.' || $2, 'active', $4
       FROM generate_series(1, $3::int) AS k`,
      [facilityId, Date.now(), Math.max(1, midwifeCount), NO_LOGIN_HASH],
    );
    await session.query(
      `CREATE TEMP TABLE load_household ON COMMIT DROP AS
       SELECT k, gen_random_uuid() AS mother_id, gen_random_uuid() AS baby_id, gen_random_uuid() AS companion_id,
              gen_random_uuid() AS session_id, now() - ((1 + k % 10) || ' days')::interval AS delivered_at
       FROM generate_series(1, $1::int) AS k`,
      [phones],
    );
    const midwife = `(SELECT id FROM user_account WHERE facility_id = $1 AND role = 'midwife' LIMIT 1)`;
    await session.query(
      `INSERT INTO user_account (facility_id, id, role, display_name, phone, status, password_hash)
       SELECT $1, companion_id, 'companion', 'Suami ' || k, '62899' || lpad(k::text, 7, '0'), 'active', $2
       FROM load_household`,
      [facilityId, NO_LOGIN_HASH],
    );
    await session.query(
      `INSERT INTO mother (facility_id, id, pseudonym, full_name, village, delivered_at, delivery_mode, parity,
                           gestational_age_weeks, consent_care, consent_research, created_by)
       SELECT $1, mother_id, 'P-' || upper(lpad(to_hex(k), 6, '0')), 'Ibu Beban ' || k, 'Desa ' || (1 + k % 12),
              delivered_at, 'vaginal', CASE WHEN k % 3 = 0 THEN 'primipara' ELSE 'multipara' END, 39, true, false,
              ${midwife}
       FROM load_household`,
      [facilityId],
    );
    await session.query(
      `INSERT INTO baby (facility_id, id, mother_id, sex, birth_weight_g, birth_order, created_by)
       SELECT $1, baby_id, mother_id, 'female', 3100, 1, ${midwife} FROM load_household`,
      [facilityId],
    );
    await session.query(
      `INSERT INTO companion_link (facility_id, id, mother_id, user_id, relationship, created_by)
       SELECT $1, gen_random_uuid(), mother_id, companion_id, 'husband', ${midwife} FROM load_household`,
      [facilityId],
    );
    await session.query(
      `INSERT INTO auth_session (facility_id, id, user_id, token_hash, expires_at)
       SELECT $1::uuid, session_id, companion_id, $2::text, now() + interval '30 days' FROM load_household
       UNION ALL
       SELECT $1::uuid, gen_random_uuid(), id, $2::text, now() + interval '1 day' FROM user_account
       WHERE facility_id = $1::uuid AND role = 'midwife'`,
      [facilityId, hashToken(SECRET)],
    );
    const households = await session.query<{ mother_id: string; baby_id: string; session_id: string }>(
      'SELECT mother_id, baby_id, session_id FROM load_household ORDER BY k',
    );
    const midwifeSessions = await session.query<{ id: string }>(
      `SELECT s.id FROM auth_session s JOIN user_account u ON u.facility_id = s.facility_id AND u.id = s.user_id
       WHERE s.facility_id = $1 AND u.role = 'midwife'`,
      [facilityId],
    );
    await session.exec('COMMIT');
    const cookie = (sessionId: string) => `__Host-lancar=${facilityId}.${sessionId}.${SECRET}`;
    return {
      midwives: midwifeSessions.slice(0, midwifeCount).map((s) => cookie(s.id)),
      households: households.map((h) => ({
        facilityId,
        motherId: h.mother_id,
        babyId: h.baby_id,
        cookie: cookie(h.session_id),
        cursor: 0,
      })),
    };
  });
}

/** A batch as a phone sends it: feeds and nappies of the last hours, fresh ids. */
function batchFor(household: Household, n: number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(now - (i + 1) * 600_000).toISOString();
    const feed = i % 2 === 0;
    return {
      mutationId: newId(),
      type: 'entry',
      recordedAt: at,
      schemaVersion: 1,
      entry: {
        id: newId(),
        motherId: household.motherId,
        babyId: household.babyId,
        kind: feed ? 'feed' : 'nappy',
        occurredAt: at,
        tzOffsetMin: 420,
        supersedes: null,
        data: feed
          ? { side: i % 4 === 0 ? 'left' : 'right', durationMinutes: 15 }
          : { wet: true, dirty: i % 3 === 0, stoolColour: i % 3 === 0 ? 'yellow' : null },
      },
    };
  });
}

interface Served {
  url: string;
  child: ChildProcess;
  pid: number;
}

async function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const serverEnv = { ...env, PORT: '0', LANCAR_LOG_LEVEL: 'warn', LANCAR_DB_POOL_SIZE: '20', LANCAR_DEMO: 'off' };
  // With --profile the server program runs on its own (not under `lancar serve`) so Node can write its CPU profile.
  const child = PROFILE
    ? spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`, '--import', 'tsx', SERVER_MAIN], {
        env: serverEnv,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, [BIN, 'serve', '--no-demo'], { env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Lancar is running at (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`lancar serve exited with ${code}`)));
  });
  // `lancar serve` runs the server as its child: that process does the work.
  const pid = PROFILE
    ? (child.pid as number)
    : Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0] ?? child.pid);
  return { url, child, pid };
}

async function stop(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.once('exit', resolve));
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** CPU seconds of every local PostgreSQL process (the postmaster and its backends), from /proc. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Debian's nginx in front of the servers, round robin, no sticky sessions (the servers hold no state). */
async function startNginx(upstreams: string[]): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'lancar-nginx-'));
  // nginx's workers run as an unprivileged user and keep request bodies over 16 KB (a batch of 50) in files under
  // this directory, which they must be able to reach.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const servers = upstreams.map((u) => `    server ${new URL(u).host};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  upstream lancar {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    location / {
      proxy_pass http://lancar;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 500));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);

interface Result {
  label: string;
  phones: number;
  facilities: number;
  mutations: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  pullP95: number;
  caseloadP95: number;
  cpuPerSecond: number;
  /** PostgreSQL's CPU (NaN on PGlite, where the database is in the server process). */
  databaseCpuPerSecond: number;
  rssMb: number;
}

/** Pushes for SECONDS from CONCURRENCY connections taking turns over the phones; midwives open caseloads. */
async function drive(
  label: string,
  entry: string,
  servers: Served[],
  seeded: Seeded,
  onPostgres: boolean,
): Promise<Result> {
  const latencies: number[] = [];
  const pulls: number[] = [];
  const caseload: number[] = [];
  let errors = 0;
  let requests = 0;
  let applied = 0;
  let next = 0;
  const cpuBefore = servers.map((s) => cpuSeconds(s.pid));
  const databaseCpuBefore = onPostgres ? postgresCpuSeconds() : Number.NaN;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const maxRequests = 1_000_000; // a bound on the loop whatever the speed
  const pusher = async () => {
    while (performance.now() < deadline && requests < maxRequests) {
      const household = seeded.households[next++ % seeded.households.length] as Household;
      const t = performance.now();
      requests++;
      try {
        const response = await fetch(`${entry}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: household.cookie },
          body: JSON.stringify({
            deviceId: `phone-${household.motherId.slice(0, 8)}`,
            mutations: batchFor(household, BATCH),
          }),
        });
        const body = (await response.json()) as { results?: { status: string }[] };
        latencies.push(performance.now() - t);
        const ok = response.status === 200 ? (body.results ?? []).filter((r) => r.status === 'applied').length : 0;
        if (ok !== BATCH) errors++;
        applied += ok;
        // Then the phone pulls what changed since its cursor (its own entries included), as the app does.
        const p = performance.now();
        requests++;
        if (await pull(household)) pulls.push(performance.now() - p);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const pull = async (household: Household): Promise<boolean> => {
    for (let page = 0; page < 20; page++) {
      const response = await fetch(`${entry}/api/sync/pull?since=${household.cursor}`, {
        headers: { cookie: household.cookie },
      });
      const body = (await response.json()) as { next?: number; more?: boolean };
      if (response.status !== 200 || typeof body.next !== 'number') return false;
      household.cursor = body.next;
      if (!body.more) return true;
    }
    return true;
  };
  const midwife = async (cookie: string) => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const response = await fetch(`${entry}/api/mothers`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status === 200) caseload.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  await Promise.all([
    ...Array.from({ length: CONCURRENCY }, pusher),
    ...seeded.midwives.map((cookie) => midwife(cookie)),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.pid) - (cpuBefore[i] ?? 0), 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    phones: seeded.households.length,
    facilities: seeded.facilities,
    mutations: applied,
    perSecond: applied / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    requests,
    pullP95: percentile(
      [...pulls].sort((a, b) => a - b),
      95,
    ),
    caseloadP95: percentile(
      [...caseload].sort((a, b) => a - b),
      95,
    ),
    cpuPerSecond: cpu / seconds,
    databaseCpuPerSecond: (postgresCpuSeconds() - databaseCpuBefore) / seconds,
    rssMb: servers.reduce((sum, s) => sum + peakRssMb(s.pid), 0),
  };
}

/**
 * The ceiling: the same kind of rows inserted straight into household_entry from one client, `perStatement` rows a
 * statement (each statement its own transaction, as each phone's batch is).
 */
async function rawCeiling(url: string, households: Household[], rows: number, perStatement: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { facilityId } = households[0] as Household;
    const recorder = await client.query<{ id: string }>(
      `SELECT id FROM user_account WHERE facility_id = $1 AND role = 'companion' LIMIT 1`,
      [facilityId],
    );
    const started = performance.now();
    let seq = 10_000_000;
    for (let done = 0; done < rows; done += perStatement) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = 0; i < perStatement; i++) {
        const h = households[(done + i) % households.length] as Household;
        const b = values.length;
        const at = new Date(Date.now() - i * 1000);
        values.push(
          h.facilityId,
          newId(),
          h.motherId,
          h.babyId,
          at,
          recorder.rows[0]?.id,
          JSON.stringify({ side: 'left', durationMinutes: 15 }),
          seq++,
        );
        tuples.push(
          `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, 'feed', $${b + 5}, 420, $${b + 6}, $${b + 5}, null, $${b + 7}, 1, $${b + 8})`,
        );
      }
      await client.query(
        `INSERT INTO household_entry (facility_id, id, mother_id, baby_id, kind, occurred_at, tz_offset_min, recorded_by,
                                      recorded_at, supersedes, data, schema_version, seq) VALUES ${tuples.join(',')}`,
        values,
      );
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

interface Ceiling {
  /** Rows a second, 1,000 rows a statement. */
  bulk: number;
  /** Rows a second, a phone's batch a statement. */
  batch: number;
}

function print(results: Result[], ceiling?: Ceiling): void {
  const head = [
    'Run',
    'phones',
    'facilities',
    'mutations/s',
    'p50',
    'p95',
    'p99',
    'errors',
    'pull p95',
    'caseload p95',
    'server CPU',
    'DB CPU',
    'CPU/mutation',
    'RSS',
  ];
  const rows = results.map((r) => [
    r.label,
    r.phones.toLocaleString('en'),
    String(r.facilities),
    r.perSecond.toFixed(0),
    `${r.p50.toFixed(0)} ms`,
    `${r.p95.toFixed(0)} ms`,
    `${r.p99.toFixed(0)} ms`,
    `${r.errors}/${r.requests}`,
    `${r.pullP95.toFixed(0)} ms`,
    `${r.caseloadP95.toFixed(0)} ms`,
    `${(r.cpuPerSecond * 100).toFixed(0)}%`,
    Number.isNaN(r.databaseCpuPerSecond) ? '-' : `${(r.databaseCpuPerSecond * 100).toFixed(0)}%`,
    `${((1000 * (r.cpuPerSecond + (Number.isNaN(r.databaseCpuPerSecond) ? 0 : r.databaseCpuPerSecond))) / r.perSecond).toFixed(2)} ms`,
    `${r.rssMb.toFixed(0)} MB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`  ${line(head)}`);
  for (const row of rows) console.log(`  ${line(row)}`);
  if (ceiling !== undefined) {
    console.log(`  raw insert ceiling (one client, 1,000 rows a statement): ${ceiling.bulk.toFixed(0)} rows/s`);
    console.log(
      `  raw insert at the phones' batch size (one client, ${BATCH} rows a statement): ${ceiling.batch.toFixed(0)} rows/s`,
    );
  }
}

console.log(
  `Load: phones ${PHONES.join(', ')}; ${MIDWIVES} midwives; ${SECONDS} s each; ${CONCURRENCY} connections pushing ${BATCH} entries a batch`,
);

if (!args['skip-pglite']) {
  const results: Result[] = [];
  for (const phones of PHONES) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lancar-load-'));
    try {
      const database = await openDatabase({ dataDir, command: 'bench/load.ts' });
      await migrate(database);
      const seeded = await seedDistrict(database, phones);
      await database.close();
      const server = await serve({ ...process.env, DATABASE_URL: '', LANCAR_DATA_DIR: dataDir });
      try {
        results.push(await drive('PGlite, 1 server', server.url, [server], seeded, false));
      } finally {
        await stop(server);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log('\nPGlite (the embedded database, in the server process):');
  print(results);
}

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.log('\nPostgreSQL: skipped (set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)');
} else {
  const loadUrl = new URL(adminUrl);
  loadUrl.pathname = `/${LOAD_DB}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const results: Result[] = [];
  let ceiling: Ceiling | undefined;
  try {
    for (const phones of PHONES) {
      for (const count of [1, 2]) {
        await admin.query(`DROP DATABASE IF EXISTS ${LOAD_DB} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${LOAD_DB}`);
        const database = await openDatabase({ databaseUrl: loadUrl.toString(), dataDir: '', command: 'bench/load.ts' });
        await migrate(database);
        const seeded = await seedDistrict(database, phones);
        await database.close();
        const env = { ...process.env, DATABASE_URL: loadUrl.toString() };
        const servers: Served[] = [];
        for (let i = 0; i < count; i++) servers.push(await serve(env));
        const balancer = count > 1 && existsSync(NGINX) ? await startNginx(servers.map((s) => s.url)) : undefined;
        try {
          const label =
            count === 1 ? 'PostgreSQL, 1 server' : `PostgreSQL, 2 servers${balancer ? ' + nginx' : ' (no nginx)'}`;
          results.push(await drive(label, balancer?.url ?? (servers[0] as Served).url, servers, seeded, true));
        } finally {
          balancer?.stop();
          for (const server of servers) await stop(server);
        }
        if (ceiling === undefined) {
          const url = loadUrl.toString();
          const bulk = await rawCeiling(url, seeded.households, 100_000, 1000);
          ceiling = { bulk, batch: await rawCeiling(url, seeded.households, 20_000, BATCH) };
        }
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${LOAD_DB} WITH (FORCE)`);
    await admin.end();
  }
  console.log(
    '\nPostgreSQL (server CPU is the Lancar processes only; PostgreSQL runs beside them on the same 2 cores):',
  );
  print(results, ceiling);
  if (ceiling) {
    const best = Math.max(...results.map((r) => r.perSecond));
    console.log(
      `  the API's best rate is ${((100 * best) / ceiling.bulk).toFixed(0)}% of the ceiling and ${((100 * best) / ceiling.batch).toFixed(0)}% of the raw rate at the phones' batch size`,
    );
  }
}
