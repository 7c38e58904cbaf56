// Prints the size of the built web app as phones download it: the entry a household phone loads first, each lazy
// chunk, and the service worker's precache. Run `npm run build` first. Target: phone entry under 60 KB gzip.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entryFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
const sizes = readdirSync(join(dist, 'assets')).map((file) => {
  const bytes = readFileSync(join(dist, 'assets', file));
  return { file: `assets/${file}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});

const entry = sizes.filter((s) => entryFiles.includes(s.file));
const entryGzip = entry.reduce((sum, s) => sum + s.gzip, 0) + gzipSync(html).length;
console.log('Phone entry (index.html + what it loads before any route):');
for (const s of entry)
  console.log(`  ${s.file.padEnd(44)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(9)} gzip`);
console.log(`  total with index.html: ${kb(entryGzip)} gzip (target < 60 KB)`);
console.log('Lazy chunks (staff, research, admin screens; one language catalog):');
for (const s of sizes.filter((x) => !entryFiles.includes(x.file)).sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${s.file.padEnd(44)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(9)} gzip`);
}
const all = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => statSync(join(dist, f)).isFile());
const total = all.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
console.log(`Everything in dist/ (precached by the service worker): ${all.length} files, ${kb(total)} raw`);
