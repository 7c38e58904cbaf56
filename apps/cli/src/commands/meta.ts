import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type EffectSize,
  escalc,
  forestPlot,
  type MetaAnalysisResult,
  type MetaMethod,
  metaAnalysis,
  StatsInputError,
} from '@lancar/stats';
import { CliError } from '../cli-error.ts';
import { BAD_INPUT, type CsvTable, columnIndex, lineOf, numberAt, readCsv } from '../stats/csv-columns.ts';
import { type Language, languageOf } from '../stats/language.ts';
import { formatP, formatValue, table } from '../stats/readable.ts';
import { COMMAND_HELP } from '../usage.ts';

const MEASURES = ['MD', 'SMD', 'RR', 'OR', 'GEN'] as const;
const METHODS = ['FE', 'DL', 'REML'] as const;
type Measure = (typeof MEASURES)[number];

/** Columns each measure reads, named as metafor's escalc names them. */
const COLUMNS: Record<Measure, readonly string[]> = {
  MD: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'],
  SMD: ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'],
  RR: ['ai', 'bi', 'ci', 'di'],
  OR: ['ai', 'bi', 'ci', 'di'],
  GEN: ['yi', 'vi'],
};

/** What `lancar meta --json` prints (the analysis scale: log for RR and OR, with exp() beside it). */
export interface MetaOutput {
  measure: Measure;
  method: MetaMethod;
  k: number;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
  tau2: number;
  I2: number;
  H2: number;
  Q: number;
  pQ: number;
  piLower: number;
  piUpper: number;
  expEstimate?: number;
  expCiLower?: number;
  expCiUpper?: number;
  studies: { study: string; yi: number; vi: number; weight: number }[];
}

export async function meta(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      measure: { type: 'string' },
      method: { type: 'string', default: 'REML' },
      json: { type: 'boolean', default: false },
      forest: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.meta ?? '');
    return 0;
  }
  if (!values.file) throw new CliError('--file is required (lancar meta --help).', 2);
  const measure = (values.measure ?? '').toUpperCase() as Measure;
  if (!MEASURES.includes(measure)) {
    throw new CliError(`--measure must be one of ${MEASURES.join(', ')} (got "${values.measure ?? ''}").`, 2);
  }
  const method = values.method.toUpperCase() as MetaMethod;
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new CliError(`--method must be one of ${METHODS.join(', ')} (got "${values.method}").`, 2);
  }
  const language = languageOf(values.lang);
  const csv = readCsv(values.file);
  const { labels, effects } = effectSizes(csv, measure);
  let result: MetaAnalysisResult;
  try {
    result = metaAnalysis(effects, { method });
  } catch (error) {
    if (error instanceof StatsInputError) throw new CliError(`${csv.file}: ${error.message}`, BAD_INPUT);
    throw error;
  }
  const output = metaOutput(measure, result, labels, effects);
  if (values.forest) {
    const svg = forestPlot({
      studies: effects.map((effect, i) => ({ ...effect, label: labels[i] as string })),
      result,
      exponentiate: measure === 'RR' || measure === 'OR',
      language,
    });
    writeFileSync(values.forest, svg);
  }
  process.stdout.write(values.json ? `${JSON.stringify(output)}\n` : readableMeta(output, language, values.forest));
  return 0;
}

/** The effect size of every row, each cell checked where a person can find it (line and column). */
function effectSizes(csv: CsvTable, measure: Measure): { labels: string[]; effects: EffectSize[] } {
  const columns = Object.fromEntries(COLUMNS[measure].map((name) => [name, columnIndex(csv, name)]));
  const studyColumn = csv.header.findIndex((h) => h.toLowerCase() === 'study');
  if (csv.rows.length < 2) {
    throw new CliError(
      `${csv.file}: a meta-analysis needs at least 2 studies; the file has ${csv.rows.length}.`,
      BAD_INPUT,
    );
  }
  const labels: string[] = [];
  const effects: EffectSize[] = [];
  csv.rows.forEach((row, i) => {
    labels.push((studyColumn >= 0 ? row[studyColumn] : '') || `Study ${i + 1}`);
    const cell = (name: string) => numberAt(csv, i, columns[name] as number);
    const refuse = (name: string, why: string): never => {
      throw new CliError(`${csv.file}, line ${lineOf(i)}, column "${name}": ${why}.`, BAD_INPUT);
    };
    if (measure === 'GEN') {
      const vi = cell('vi');
      if (vi <= 0) refuse('vi', `the variance is ${vi}; it must be above 0`);
      effects.push({ yi: cell('yi'), vi });
    } else if (measure === 'MD' || measure === 'SMD') {
      for (const n of ['n1i', 'n2i']) {
        const value = cell(n);
        if (!Number.isInteger(value) || value < 2)
          refuse(n, `the group size is ${value}; it must be a whole number of at least 2`);
      }
      for (const sd of ['sd1i', 'sd2i']) {
        if (cell(sd) <= 0) refuse(sd, `the standard deviation is ${cell(sd)}; zero variance cannot be weighted`);
      }
      const [effect] = escalc(measure, [
        {
          mean1: cell('m1i'),
          sd1: cell('sd1i'),
          n1: cell('n1i'),
          mean2: cell('m2i'),
          sd2: cell('sd2i'),
          n2: cell('n2i'),
        },
      ]);
      effects.push(effect as EffectSize);
    } else {
      for (const count of ['ai', 'bi', 'ci', 'di']) {
        const value = cell(count);
        if (!Number.isInteger(value) || value < 0)
          refuse(count, `the count is ${value}; it must be a whole number, 0 or more`);
      }
      const ai = cell('ai');
      const ci = cell('ci');
      if (ai + cell('bi') < 1) refuse('bi', 'group 1 has no participants (ai + bi = 0)');
      if (ci + cell('di') < 1) refuse('di', 'group 2 has no participants (ci + di = 0)');
      if (ai === 0 && ci === 0 && measure === 'RR')
        refuse('ai', 'no events in either group; the risk ratio is not defined');
      const [effect] = escalc(measure, [{ events1: ai, n1: ai + cell('bi'), events2: ci, n2: ci + cell('di') }]);
      effects.push(effect as EffectSize);
    }
  });
  return { labels, effects };
}

function metaOutput(measure: Measure, r: MetaAnalysisResult, labels: string[], effects: EffectSize[]): MetaOutput {
  const ratio = measure === 'RR' || measure === 'OR';
  return {
    measure,
    method: r.method,
    k: r.k,
    estimate: r.estimate,
    se: r.se,
    ciLower: r.ciLower,
    ciUpper: r.ciUpper,
    pValue: r.pValue,
    tau2: r.tau2,
    I2: r.I2,
    H2: r.H2,
    Q: r.Q,
    pQ: r.QpValue,
    // A fixed-effect model predicts no spread beyond its interval (metafor's predict() gives the CI).
    piLower: r.predictionLower ?? r.ciLower,
    piUpper: r.predictionUpper ?? r.ciUpper,
    ...(ratio
      ? { expEstimate: Math.exp(r.estimate), expCiLower: Math.exp(r.ciLower), expCiUpper: Math.exp(r.ciUpper) }
      : {}),
    studies: effects.map((e, i) => ({
      study: labels[i] as string,
      yi: e.yi,
      vi: e.vi,
      weight: r.weights[i] as number,
    })),
  };
}

function readableMeta(out: MetaOutput, language: Language, forest: string | undefined): string {
  const f = (v: number) => formatValue(v, language);
  const id = language === 'id';
  const lines: [string, string][] = [
    [
      id ? 'Ukuran' : 'Measure',
      `${out.measure}${out.measure === 'RR' || out.measure === 'OR' ? (id ? ' (skala log)' : ' (log scale)') : ''}`,
    ],
    [id ? 'Model' : 'Model', out.method],
    [id ? 'Jumlah studi (k)' : 'Studies (k)', String(out.k)],
    [id ? 'Estimasi gabungan' : 'Pooled estimate', `${f(out.estimate)} (SE ${f(out.se)})`],
    [id ? 'IK 95%' : '95% CI', `${f(out.ciLower)} – ${f(out.ciUpper)}`],
    [id ? 'Nilai p' : 'p-value', formatP(out.pValue, language)],
  ];
  if (out.expEstimate !== undefined) {
    lines.push([
      out.measure === 'RR' ? (id ? 'Rasio risiko' : 'Risk ratio') : id ? 'Rasio odds' : 'Odds ratio',
      `${f(out.expEstimate)} (${f(out.expCiLower as number)} – ${f(out.expCiUpper as number)})`,
    ]);
  }
  lines.push(
    [id ? 'Interval prediksi 95%' : '95% prediction interval', `${f(out.piLower)} – ${f(out.piUpper)}`],
    ['tau²', f(out.tau2)],
    ['I²', `${f(out.I2)}%`],
    ['H²', f(out.H2)],
    ['Q', `${f(out.Q)} (df ${out.k - 1}, p ${formatP(out.pQ, language)})`],
  );
  if (forest) lines.push([id ? 'Forest plot' : 'Forest plot', forest]);
  return table(lines);
}
