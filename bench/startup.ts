// Measures how long `lancar serve` takes to answer /api/health: the first start on an empty data directory (PGlite
// initdb, migrations, demo dataset) and a restart on the same directory. Loopback only; one run each.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../apps/cli/bin/lancar.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lancar-bench-'));

async function timeToHealthy(label: string): Promise<void> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, LANCAR_DATA_DIR: dataDir, PORT: '0', LANCAR_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lancar is running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  const health = await fetch(`${url}/api/health`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(40)} ${seconds.toFixed(1)} s until /api/health answered ${health.status}`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
}

try {
  await timeToHealthy('First start (empty data directory):');
  await timeToHealthy('Restart (existing data directory):');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
