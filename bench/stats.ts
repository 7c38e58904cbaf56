// Statistics at scale: each test on 1,000,000 values (paired and two-group, rank tests included), a 1,000-study
// meta-analysis and its forest plot, in-process; then `lancar stats` on a 1,000,000-row CSV as a researcher runs it.
// Prints wall time, CPU time and the process's peak memory. Only prints; tests never assert timings.
//   npm run bench:stats            (or: npx tsx bench/stats.ts --rows 1000000 --studies 1000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  escalc,
  forestPlot,
  mannWhitney,
  metaAnalysis,
  pairedTTest,
  studentTTest,
  twoGroupEffectSize,
  welchTTest,
  wilcoxonSignedRank,
} from '@lancar/stats';
import { numericColumn, readCsv, textColumn } from '../apps/cli/src/stats/csv-columns.ts';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, studies: { type: 'string', default: '1000' } },
});
const ROWS = Number(args.rows);
const STUDIES = Number(args.studies);

/** A small seeded generator (mulberry32) and normal draws (Box-Muller), so every run analyses the same data. */
function generator(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number) =>
    mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const rows: [string, string, string, string, string][] = [];
function time(label: string, run: () => unknown): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  rows.push([
    label,
    `${wall.toFixed(0)} ms`,
    `${((used.user + used.system) / 1000).toFixed(0)} ms`,
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    '',
  ]);
}

const g = generator(20261123);
// Expressed milk (ml) on day 1 and day 7 of the same mothers, rounded to 0.5 ml as a cup measures it: many ties.
const before = Array.from({ length: ROWS }, () => Math.max(0, Math.round(g.normal(12, 6) * 2) / 2));
const after = before.map((b) => Math.max(0, Math.round((b + g.normal(18, 8)) * 2) / 2));
const half = Math.floor(ROWS / 2);
const group1 = after.slice(0, half);
const group2 = before.slice(half);

console.log(
  `Statistics on ${ROWS.toLocaleString('en')} values, meta-analysis of ${STUDIES.toLocaleString('en')} studies`,
);
time(`Paired t-test (n = ${ROWS.toLocaleString('en')})`, () => pairedTTest(before, after));
time('Wilcoxon signed-rank, normal approximation with ties', () => wilcoxonSignedRank(before, after));
time('Wilcoxon signed-rank with the Hodges-Lehmann CI', () => wilcoxonSignedRank(before, after, { confInt: true }));
time(`Welch t-test (${half.toLocaleString('en')} per group)`, () => welchTTest(group1, group2));
time('Student t-test', () => studentTTest(group1, group2));
time("Hedges' g with CI", () => twoGroupEffectSize(group1, group2));
time('Mann-Whitney U, normal approximation with ties', () => mannWhitney(group1, group2));

const studies = Array.from({ length: STUDIES }, () => {
  const n1 = 10 + Math.floor(g.uniform() * 90);
  const n2 = 10 + Math.floor(g.uniform() * 90);
  return { mean1: g.normal(30, 5), sd1: 4 + g.uniform() * 6, n1, mean2: g.normal(22, 5), sd2: 4 + g.uniform() * 6, n2 };
});
let effects = escalc('SMD', studies);
time(`escalc SMD (${STUDIES} studies)`, () => {
  effects = escalc('SMD', studies);
});
for (const method of ['FE', 'DL', 'REML'] as const) {
  time(`Meta-analysis ${method} (k = ${STUDIES})`, () => metaAnalysis(effects, { method }));
}
const reml = metaAnalysis(effects, { method: 'REML' });
let svgBytes = 0;
time(`Forest plot SVG (k = ${STUDIES})`, () => {
  svgBytes = forestPlot({ studies: effects.map((e, i) => ({ ...e, label: `Study ${i + 1}` })), result: reml }).length;
});
(rows.at(-1) as string[])[4] = `${(svgBytes / 1024).toFixed(0)} KB`;

// The CLI's own path on a CSV: read and parse the file, check every cell, run the test.
const dir = mkdtempSync(join(tmpdir(), 'lancar-bench-stats-'));
try {
  const pairedCsv = join(dir, 'paired.csv');
  writeFileSync(pairedCsv, `id,ml_day1,ml_day7\n${before.map((b, i) => `${i + 1},${b},${after[i]}`).join('\n')}\n`);
  const groupsCsv = join(dir, 'groups.csv');
  writeFileSync(
    groupsCsv,
    `arm,ml_day7\n${after.map((a, i) => `${i < half ? 'intervensi' : 'kontrol'},${i < half ? a : before[i]}`).join('\n')}\n`,
  );
  time(`CLI path in-process: read ${ROWS.toLocaleString('en')}-row CSV + paired t`, () => {
    const table = readCsv(pairedCsv);
    pairedTTest(numericColumn(table, 'ml_day1'), numericColumn(table, 'ml_day7'));
  });
  time('CLI path in-process: read CSV + Mann-Whitney', () => {
    const table = readCsv(groupsCsv);
    const arms = textColumn(table, 'arm');
    const ml = numericColumn(table, 'ml_day7');
    mannWhitney(
      ml.filter((_, i) => arms[i] === 'intervensi'),
      ml.filter((_, i) => arms[i] === 'kontrol'),
    );
  });
  printTable();

  const bin = fileURLToPath(new URL('../apps/cli/bin/lancar.js', import.meta.url));
  console.log('\nThe `lancar` command itself (a new process: Node, tsx and module loading included):');
  for (const command of [
    ['stats', 'paired', '--file', pairedCsv, '--before', 'ml_day1', '--after', 'ml_day7', '--test', 't', '--json'],
    [
      'stats',
      'paired',
      '--file',
      pairedCsv,
      '--before',
      'ml_day1',
      '--after',
      'ml_day7',
      '--test',
      'wilcoxon',
      '--json',
    ],
    [
      'stats',
      'groups',
      '--file',
      groupsCsv,
      '--group',
      'arm',
      '--value',
      'ml_day7',
      '--test',
      'mann-whitney',
      '--json',
    ],
    ['stats', 'groups', '--file', groupsCsv, '--group', 'arm', '--value', 'ml_day7', '--test', 'auto', '--json'],
  ]) {
    const started = performance.now();
    // /usr/bin/time is not always there; the child's CPU comes from bash's `times` after it ends.
    const result = spawnSync('bash', ['-c', '"$@" > /dev/null; times', 'lancar', process.execPath, bin, ...command], {
      encoding: 'utf8',
    });
    const wall = performance.now() - started;
    const times = result.stdout.trim().split('\n').at(-1) ?? '';
    const [user, system] = times.split(/\s+/).map((t) => {
      const m = /(\d+)m([\d.]+)s/.exec(t);
      return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
    });
    console.log(
      `  lancar ${command.slice(0, 2).join(' ')} --test ${command[command.indexOf('--test') + 1]}: ${wall.toFixed(0)} ms wall, ` +
        `${(((user ?? 0) + (system ?? 0)) * 1000).toFixed(0)} ms CPU${result.status === 0 ? '' : ` (exit ${result.status}: ${result.stderr.trim()})`}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function printTable(): void {
  const header = ['What', 'Wall', 'CPU', 'Peak RSS', 'Output'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`  ${line(header)}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}
