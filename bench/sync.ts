// Time and server CPU to push 14 days of one household's entries (about 300 mutations, in batches of 100 as the
// phone sends them) and to pull them on a new device. The server runs as its own process (`lancar serve`) on a
// fresh embedded database, or on DATABASE_URL; CPU is read from /proc. Loopback only; one run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryMutation as Mutation } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { TestClient } from '@lancar/server/testing';

const bin = fileURLToPath(new URL('../apps/cli/bin/lancar.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lancar-bench-sync-'));
const HOUR = 3600_000;
const ticks = Number(process.env.CLK_TCK ?? 100);

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / ticks; // utime + stime
}

const env: NodeJS.ProcessEnv = { ...process.env, LANCAR_DATA_DIR: dataDir, PORT: '0', LANCAR_LOG_LEVEL: 'warn' };
const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Lancar is running at (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  // `lancar serve` runs the server as its child: find it to read its CPU.
  const serverPid = Number(
    readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(' ')[0] ?? server.pid,
  );

  const midwife = new TestClient(url);
  await midwife.post('/api/auth/login', { login: 'bidan.sari', password: 'demo-lancar' });
  const deliveredAt = new Date(Date.now() - 14 * 24 * HOUR - 2 * HOUR);
  const babyId = newId();
  const enrolled = await midwife.post('/api/mothers', {
    id: newId(),
    fullName: 'Ibu Benchmark',
    phone: '081299990001',
    deliveredAt: deliveredAt.toISOString(),
    consentCare: true,
    consentResearch: false,
    babies: [{ id: babyId, sex: 'male', birthWeightG: 3200 }],
  });
  const motherId = enrolled.body.mother.id as string;
  await new TestClient(url).post('/api/auth/activation', {
    code: enrolled.body.activation.code,
    password: 'benchmark-2026',
  });
  const phone = new TestClient(url);
  await phone.post('/api/auth/login', { login: '081299990001', password: 'benchmark-2026' });

  const mutations: Mutation[] = [];
  const add = (kind: Mutation['entry']['kind'], at: Date, data: unknown, baby: string | null) =>
    mutations.push({
      mutationId: newId(),
      type: 'entry',
      recordedAt: at.toISOString(),
      schemaVersion: 1,
      entry: {
        id: newId(),
        motherId,
        babyId: baby,
        kind,
        occurredAt: at.toISOString(),
        tzOffsetMin: 420,
        supersedes: null,
        data,
      } as Mutation['entry'],
    });
  for (let day = 0; day < 14; day++) {
    const start = deliveredAt.getTime() + day * 24 * HOUR + HOUR;
    for (let feed = 0; feed < 9; feed++)
      add(
        'feed',
        new Date(start + feed * 2.5 * HOUR),
        { side: feed % 2 ? 'left' : 'right', durationMinutes: 15 },
        babyId,
      );
    for (let nappy = 0; nappy < 7; nappy++)
      add(
        'nappy',
        new Date(start + nappy * 3 * HOUR),
        { wet: true, dirty: nappy % 3 === 0, stoolColour: nappy % 3 === 0 ? 'yellow' : null },
        babyId,
      );
    for (let session = 0; session < 2; session++) {
      const at = new Date(start + session * 8 * HOUR);
      add(
        'massage_session',
        at,
        {
          protocolId: 'standard-3min-2x-day1-3',
          endedAt: new Date(at.getTime() + 10 * 60_000).toISOString(),
          outcome: 'completed',
          stepsCompleted: ['prepare', 'position', 'find-start', 'oil', 'hand-shape', 'massage', 'finish', 'feed-now'],
          stepsTotal: 8,
          massageSeconds: 180,
          comfort: 4,
          pain: 0,
          letDown: true,
          notes: null,
          safetyStops: [],
        },
        null,
      );
    }
    add('expression', new Date(start + 5 * HOUR), { leftMl: 10, rightMl: 12 }, null);
    if (day % 3 === 0) add('weight', new Date(start + 6 * HOUR), { grams: 3100 + day * 20 }, babyId);
  }

  const cpuBefore = cpuSeconds(serverPid);
  let started = performance.now();
  let rejected = 0;
  for (let i = 0; i < mutations.length; i += 100) {
    const response = await phone.post('/api/sync/push', {
      deviceId: 'bench-phone',
      mutations: mutations.slice(i, i + 100),
    });
    rejected += response.body.results.filter((r: { status: string }) => r.status !== 'applied').length;
  }
  const pushMs = performance.now() - started;
  const cpuPush = cpuSeconds(serverPid) - cpuBefore;

  const newDevice = new TestClient(url);
  await newDevice.post('/api/auth/login', { login: '081299990001', password: 'benchmark-2026' });
  const cpuBeforePull = cpuSeconds(serverPid);
  started = performance.now();
  let pulled = 0;
  let cursor = 0;
  for (;;) {
    const page = await newDevice.get(`/api/sync/pull?since=${cursor}`);
    pulled += page.body.changes.length;
    cursor = page.body.next;
    if (!page.body.more) break;
  }
  const pullMs = performance.now() - started;
  const cpuPull = cpuSeconds(serverPid) - cpuBeforePull;

  const where = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(`Database: ${where}`);
  console.log(
    `Push ${mutations.length} mutations (${Math.ceil(mutations.length / 100)} batches): ${pushMs.toFixed(0)} ms, server CPU ${(cpuPush * 1000).toFixed(0)} ms, ${rejected} refused`,
  );
  console.log(
    `Pull them on a new device (${pulled} changes): ${pullMs.toFixed(0)} ms, server CPU ${(cpuPull * 1000).toFixed(0)} ms`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
