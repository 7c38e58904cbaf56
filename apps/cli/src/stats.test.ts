import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `lancar stats` and `lancar meta` run as a researcher runs them, on CSV files, against the numbers R gave for the
 * same data (the statistics package's golden files, written by R and committed).
 */
const BIN = fileURLToPath(new URL('../bin/lancar.js', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../../../packages/stats/golden/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'lancar-stats-'));
after(() => rmSync(work, { recursive: true, force: true }));

function lancar(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, cwd: work });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function json(args: string[]): Record<string, unknown> {
  const run = lancar([...args, '--json']);
  assert.equal(run.code, 0, run.err);
  return JSON.parse(run.out) as Record<string, unknown>;
}

function csv(name: string, header: string[], rows: (string | number)[][]): string {
  const file = join(work, name);
  writeFileSync(file, `${[header.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`);
  return file;
}

/** One R call of a golden file and the numbers it printed. */
type Entry = { expected: Record<string, number> };

function golden(file: string): { cases: unknown[] } {
  return JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')) as { cases: unknown[] };
}

/** R's numbers to 1e-6 relative (1e-10 absolute near zero), as the issue asks. */
function closeToR(actual: unknown, expected: number, label: string): void {
  assert.equal(typeof actual, 'number', `${label}: ${String(actual)} is not a number`);
  const a = actual as number;
  const ok = Math.abs(a - expected) <= Math.max(1e-10, 1e-6 * Math.abs(expected));
  assert.ok(ok, `${label}: ${a} vs R ${expected}`);
}

/** The numbers of the n-th R call of a case (a missing one fails the test). */
function call(entries: readonly Entry[], n: number): Record<string, number> {
  const entry = entries[n];
  assert.ok(entry, `golden call ${n} missing`);
  return entry.expected;
}

function expectR(out: Record<string, unknown>, expected: Record<string, number>, keys: string[], label: string) {
  for (const key of keys) closeToR(out[key], expected[key] as number, `${label} ${key}`);
}

describe('lancar stats and meta against R', () => {
  const sleep = golden('paired.json').cases[0] as {
    before: number[];
    after: number[];
    t: Entry[];
    wilcoxon: Entry[];
    shapiro: Entry;
  };
  const pairedFile = csv(
    'sleep-paired.csv',
    ['id', 'before', 'after'],
    sleep.before.map((b, i) => [i + 1, b, sleep.after[i] as number]),
  );

  it('paired: t-test and Wilcoxon signed-rank as t.test and wilcox.test give them', () => {
    const t = json(['stats', 'paired', '--file', pairedFile, '--before', 'before', '--after', 'after', '--test', 't']);
    assert.equal(t.test, 't');
    expectR(t, call(sleep.t, 0), ['statistic', 'pValue', 'df', 'estimate', 'ciLower', 'ciUpper'], 't.test');
    assert.equal(t.n, 10);
    assert.equal(t.effectSizeName, 'hedges-gz');

    const w = json([
      'stats',
      'paired',
      '--file',
      pairedFile,
      '--before',
      'before',
      '--after',
      'after',
      '--test',
      'wilcoxon',
    ]);
    assert.equal(w.test, 'wilcoxon');
    expectR(w, call(sleep.wilcoxon, 0), ['statistic', 'pValue'], 'wilcox.test');
    assert.equal(typeof w.exact, 'boolean');
    assert.equal(w.estimate, undefined, 'no Hodges-Lehmann estimate unless asked, as in R');
    const hl = json([
      ...['stats', 'paired', '--file', pairedFile, '--before', 'before', '--after', 'after'],
      ...['--test', 'wilcoxon', '--conf-int'],
    ]);
    expectR(hl, call(sleep.wilcoxon, 5), ['statistic', 'pValue', 'estimate', 'ciLower', 'ciUpper'], 'conf.int');
  });

  it('paired auto: says why it chose the test, in the chosen language', () => {
    // The sleep differences are not normal (Shapiro-Wilk p = 0.033), so auto takes the Wilcoxon test.
    const args = ['stats', 'paired', '--file', pairedFile, '--before', 'before', '--after', 'after', '--test', 'auto'];
    const id = json(args);
    assert.equal(id.test, 'wilcoxon');
    assert.match(String(id.reason), /Shapiro-Wilk/);
    const en = json([...args, '--lang', 'en']);
    assert.notEqual(en.reason, id.reason);
    const readable = lancar(args);
    assert.equal(readable.code, 0);
    assert.match(readable.out, /^Uji\s+wilcoxon$/m);
    assert.match(readable.out, /Nilai p/);
    assert.match(lancar([...args, '--lang', 'en']).out, /p-value/);
  });

  it('normality: Shapiro-Wilk as shapiro.test gives it', () => {
    const differences = csv(
      'differences.csv',
      ['d'],
      sleep.before.map((b, i) => [(sleep.after[i] as number) - b]),
    );
    const sw = json(['stats', 'normality', '--file', differences, '--value', 'd']);
    expectR(sw, sleep.shapiro.expected, ['statistic', 'pValue'], 'shapiro.test');
  });

  it('groups: Welch, Student and Mann-Whitney, first group minus second in file order', () => {
    const two = golden('groups.json').cases[0] as { x: number[]; y: number[]; t: Entry[]; mannWhitney: Entry[] };
    // y's rows come first in the file for one row only after x's first: the order of first appearance decides.
    const rows = [...two.x.map((v) => ['x', v]), ...two.y.map((v) => ['y', v])];
    const file = csv('groups.csv', ['arm', 'ml'], [rows[0] as (string | number)[], ...rows.slice(1).reverse()]);
    const base = ['stats', 'groups', '--file', file, '--group', 'arm', '--value', 'ml', '--test'];
    const welch = json([...base, 'welch']);
    expectR(welch, call(two.t, 0), ['statistic', 'pValue', 'df', 'estimate', 'ciLower', 'ciUpper'], 'welch');
    assert.deepEqual(welch.groups, ['x', 'y']);
    const student = json([...base, 'student']);
    expectR(student, call(two.t, 1), ['statistic', 'pValue', 'df'], 'student');
    const mw = json([...base, 'mann-whitney']);
    expectR(mw, call(two.mannWhitney, 0), ['statistic', 'pValue'], 'wilcox.test(x, y)');
    const hl = json([...base, 'mann-whitney', '--conf-int']);
    expectR(hl, call(two.mannWhitney, 5), ['statistic', 'pValue', 'estimate', 'ciLower', 'ciUpper'], 'conf.int');
    assert.equal(typeof json([...base, 'auto']).reason, 'string');
  });

  it('table: chi-square with Yates and Fisher from rows of categories', () => {
    const tea = golden('tables.json').cases[0] as { table: number[][]; chisq: Entry[]; fisher: Entry[] };
    const rows: string[][] = [];
    for (const [r, counts] of tea.table.entries()) {
      for (const [c, count] of counts.entries()) {
        for (let i = 0; i < count; i++)
          rows.push([r === 0 ? 'milk-first' : 'tea-first', c === 0 ? 'said-milk' : 'said-tea']);
      }
    }
    const file = csv('tea.csv', ['poured', 'guess'], rows);
    const base = ['stats', 'table', '--file', file, '--row', 'poured', '--col', 'guess', '--test'];
    const chisq = json([...base, 'chisq']);
    expectR(chisq, call(tea.chisq, 0), ['statistic', 'pValue', 'df'], 'chisq.test');
    const fisher = json([...base, 'fisher']);
    expectR(fisher, call(tea.fisher, 0), ['pValue', 'estimate', 'ciLower', 'ciUpper'], 'fisher.test');
    const auto = json([...base, 'auto']);
    assert.equal(auto.test, 'fisher', 'expected counts of 2 call for Fisher');
    assert.deepEqual(auto.counts, tea.table);
  });

  it('meta: dat.bcg REML as the issue states (-0.7145, SE 0.1798, tau2 0.3132, I2 92.22%), with a forest plot', () => {
    const bcg = [
      [4, 123, 11, 139],
      [6, 306, 29, 303],
      [3, 231, 11, 220],
      [62, 13598, 248, 12867],
      [33, 5069, 47, 5808],
      [180, 1541, 372, 1451],
      [8, 2545, 10, 629],
      [505, 88391, 499, 88391],
      [29, 7499, 45, 7277],
      [17, 1716, 65, 1665],
      [186, 50634, 141, 27338],
      [5, 2498, 3, 2341],
      [27, 16913, 29, 17854],
    ] as const;
    const file = csv(
      'bcg.csv',
      ['study', 'ai', 'bi', 'ci', 'di'],
      bcg.map(([e1, n1, e2, n2], i) => [`Trial ${i + 1}`, e1, n1 - e1, e2, n2 - e2]),
    );
    const fits = (golden('meta-analysis.json').cases[0] as { fits: unknown }).fits as {
      method: string;
      expected: Record<string, number>;
    }[];
    for (const method of ['FE', 'DL', 'REML']) {
      const out = json(['meta', '--file', file, '--measure', 'RR', '--method', method]);
      const r = fits.find((fit) => fit.method === method)?.expected as Record<string, number>;
      expectR(out, r, ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue', 'I2', 'H2', 'Q'], `rma ${method}`);
      closeToR(out.pQ, r.QpValue as number, `rma ${method} pQ`);
      if (method !== 'FE') {
        closeToR(out.tau2, r.tau2 as number, `rma ${method} tau2`);
        closeToR(out.piLower, r.predictionLower as number, `rma ${method} piLower`);
        closeToR(out.piUpper, r.predictionUpper as number, `rma ${method} piUpper`);
      }
      closeToR(out.expEstimate, Math.exp(r.estimate as number), `rma ${method} exp`);
    }
    const reml = json(['meta', '--file', file, '--measure', 'RR', '--method', 'REML']);
    assert.equal(Number((reml.estimate as number).toFixed(4)), -0.7145);
    assert.equal(Number((reml.se as number).toFixed(4)), 0.1798);
    assert.equal(Number((reml.tau2 as number).toFixed(4)), 0.3132);
    assert.equal(Number((reml.I2 as number).toFixed(2)), 92.22);
    assert.equal(reml.k, 13);

    const forest = join(work, 'bcg-forest.svg');
    const drawn = lancar(['meta', '--file', file, '--measure', 'RR', '--forest', forest, '--lang', 'en']);
    assert.equal(drawn.code, 0, drawn.err);
    assert.match(drawn.out, /Risk ratio/);
    const svg = readFileSync(forest, 'utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /Trial 13/);
  });

  it('refuses bad input with the line and column, exit status 2', () => {
    const cases: [string[], RegExp][] = [
      [
        ['stats', 'paired', '--file', join(work, 'nothing.csv'), '--before', 'a', '--after', 'b', '--test', 't'],
        /no such file/,
      ],
      [
        ['stats', 'paired', '--file', pairedFile, '--before', 'pre', '--after', 'after', '--test', 't'],
        /no column "pre".*before, after/,
      ],
      [
        ['stats', 'paired', '--file', pairedFile, '--before', 'before', '--after', 'after', '--test', 'z'],
        /--test must be one of t, wilcoxon, auto/,
      ],
      [
        [
          'stats',
          'paired',
          '--file',
          csv(
            'text.csv',
            ['before', 'after'],
            [
              [1, 2],
              [2, 'dua'],
              [3, 4],
            ],
          ),
          '--before',
          'before',
          '--after',
          'after',
          '--test',
          't',
        ],
        /line 3, column "after": the cell is "dua", not a number/,
      ],
      [
        [
          'stats',
          'groups',
          '--file',
          csv(
            'three.csv',
            ['g', 'v'],
            [
              ['a', 1],
              ['b', 2],
              ['c', 3],
            ],
          ),
          '--group',
          'g',
          '--value',
          'v',
          '--test',
          'welch',
        ],
        /exactly two groups; it holds 3/,
      ],
      [['meta', '--file', csv('one.csv', ['yi', 'vi'], [[0.1, 0.01]]), '--measure', 'GEN'], /at least 2 studies/],
      [
        [
          'meta',
          '--file',
          csv(
            'zero.csv',
            ['yi', 'vi'],
            [
              [0.1, 0.01],
              [0.2, 0],
            ],
          ),
          '--measure',
          'GEN',
        ],
        /line 3, column "vi": the variance is 0/,
      ],
      [
        [
          'meta',
          '--file',
          csv(
            'sd.csv',
            ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'],
            [
              [5, 1, 10, 4, 1, 10],
              [5, 0, 10, 4, 1, 10],
            ],
          ),
          '--measure',
          'MD',
        ],
        /line 3, column "sd1i": the standard deviation is 0/,
      ],
      [
        [
          'meta',
          '--file',
          csv(
            'n.csv',
            ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'],
            [
              [5, 1, 1, 4, 1, 10],
              [5, 1, 10, 4, 1, 10],
            ],
          ),
          '--measure',
          'SMD',
        ],
        /line 2, column "n1i": the group size is 1/,
      ],
      [
        [
          'meta',
          '--file',
          csv(
            'missing.csv',
            ['study', 'ai', 'bi'],
            [
              ['A', 1, 2],
              ['B', 3, 4],
            ],
          ),
          '--measure',
          'OR',
        ],
        /no column "ci"/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = lancar(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.err}`);
      assert.match(run.err, message, args.join(' '));
      assert.equal(run.out, '', 'nothing on stdout when refused');
    }
  });

  it('explains itself', () => {
    for (const args of [
      ['stats', '--help'],
      ['stats', 'paired', '--help'],
      ['meta', '--help'],
    ]) {
      const run = lancar(args);
      assert.equal(run.code, 0, args.join(' '));
      assert.match(run.out, /Usage: lancar (stats|meta)/);
    }
    assert.equal(lancar(['stats', 'anova']).code, 2);
  });
});
