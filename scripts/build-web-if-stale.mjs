// Builds the web app when its build is missing or older than any of its sources, so `npm start` and `npm test`
// always serve what the sources say without rebuilding every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/lingui.config.ts',
  'apps/web/package.json',
  'packages/contracts/src',
  'packages/domain/src',
  'package-lock.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(join(root, s))));
if (builtAt >= changedAt) process.exit(0);

console.log(builtAt === 0 ? 'Building the web app (first start)...' : 'Web app sources changed: rebuilding...');
const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
