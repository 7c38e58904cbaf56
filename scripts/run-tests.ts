// `npm test`: the whole suite, on PGlite by default or on the PostgreSQL server named by DATABASE_URL.
// It builds the web app if its sources changed (the browser journeys serve it), prepares migrated database
// templates once, then runs every *.test.ts file with node:test. Arguments narrow the run: `npm test -- apps/server`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresServerForTests } from '../packages/db/src/testing/postgres-server.ts';
import { prepareTemplates } from '../packages/db/src/testing/prepare-templates.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SEARCHED = ['apps', 'packages', 'content', 'e2e'];

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = SEARCHED.flatMap((dir) => testFiles(join(root, dir)))
    .map((file) => relative(root, file))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`No test files match ${filters.join(' ')}`);
    return 1;
  }

  const ci = process.env.CI === 'true';
  if (ci && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.error('CI=true but Chromium is not installed at /usr/bin/chromium: the browser journeys cannot run.');
    return 1;
  }
  const database = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})` : 'PGlite';
  if (process.env.DATABASE_URL) {
    const server = await postgresServerForTests(); // throws under CI when unreachable
    if ('skip' in server) {
      console.error(`DATABASE_URL is set but ${server.skip}`);
      return 1;
    }
  }

  const build = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) return build.status ?? 1;

  console.log(`Running ${files.length} test files on ${database}...`);
  const templates = await prepareTemplates();
  try {
    const concurrency = Math.max(2, availableParallelism() + 1);
    const child = spawn(
      process.execPath,
      // The spec reporter ends with a list of the failing tests and their errors, so the last lines of a CI log
      // (often all that is kept) say what failed.
      ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files],
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...templates.env } },
    );
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await templates.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
