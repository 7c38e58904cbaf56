import type { Bilingual, TestResult } from '@lancar/stats';
import type { Language } from './language.ts';
import { formatP, formatValue, label, table } from './readable.ts';

/** What `lancar stats ... --json` prints: the contract's fields, then what each test adds. */
export interface TestOutput {
  test: string;
  method: string;
  statistic: number;
  pValue: number;
  df?: number;
  n?: number;
  estimate?: number;
  ciLower?: number;
  ciUpper?: number;
  confLevel?: number;
  exact?: boolean;
  effectSize?: number;
  /** What the effect size is (cohen-dz, hedges-g, odds-ratio) and its interval. */
  effectSizeName?: string;
  effectSizeCiLower?: number;
  effectSizeCiUpper?: number;
  /** Why "auto" chose the test, in the chosen language. */
  reason?: string;
  [extra: string]: unknown;
}

const CONTRACT = [
  'test',
  'method',
  'statistic',
  'pValue',
  'df',
  'n',
  'estimate',
  'ciLower',
  'ciUpper',
  'confLevel',
  'exact',
] as const;

/** The contract's fields of a library result (undefined ones left out), the reason in the chosen language. */
export function testOutput(result: TestResult, language: Language, extra: Record<string, unknown> = {}): TestOutput {
  const out: Record<string, unknown> = {};
  for (const key of CONTRACT) if (result[key] !== undefined) out[key] = result[key];
  if (result.effectSize !== undefined) out.effectSize = result.effectSize;
  Object.assign(out, extra);
  const reason = result.reason as Bilingual | undefined;
  if (reason) out.reason = reason[language];
  return out as TestOutput;
}

/** The same result as a table a person reads. */
export function readableTest(out: TestOutput, language: Language): string {
  const f = (v: number) => formatValue(v, language);
  const lines: [string, string][] = [
    [label('test', language), out.test],
    [label('method', language), out.method],
  ];
  if (out.n !== undefined) lines.push([label('n', language), String(out.n)]);
  lines.push([label('statistic', language), f(out.statistic)]);
  if (out.df !== undefined) lines.push([label('df', language), f(out.df)]);
  lines.push([label('pValue', language), formatP(out.pValue, language)]);
  if (out.exact !== undefined) lines.push([label('exact', language), label(out.exact ? 'yes' : 'no', language)]);
  if (out.estimate !== undefined) {
    const ci =
      out.ciLower !== undefined && out.ciUpper !== undefined
        ? ` (${label('ci', language)} ${f(out.ciLower)} – ${f(out.ciUpper)})`
        : '';
    lines.push([label('estimate', language), `${f(out.estimate)}${ci}`]);
  }
  if (out.effectSize !== undefined) {
    const ci =
      out.effectSizeCiLower !== undefined && out.effectSizeCiUpper !== undefined
        ? ` (${label('ci', language)} ${f(out.effectSizeCiLower)} – ${f(out.effectSizeCiUpper)})`
        : '';
    lines.push([
      label('effectSize', language),
      `${out.effectSizeName ? `${out.effectSizeName} ` : ''}${f(out.effectSize)}${ci}`,
    ]);
  }
  if (out.reason) lines.push([label('reason', language), out.reason]);
  return table(lines);
}
