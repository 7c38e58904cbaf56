// Forest plot of a meta-analysis as an SVG string: one row per study (square sized by weight, confidence interval
// yi -/+ z sqrt(vi)), the pooled estimate as a diamond spanning its confidence interval, the prediction interval of
// random-effects models as a dashed line, a reference line at no effect, and a heterogeneity summary.
import { normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import type { MetaAnalysisResult } from './meta-analysis.ts';
import type { EffectSize } from './meta-effect-sizes.ts';
import { confidencePercent, heterogeneityLine, modelLabel, type PlotLanguage, plotText } from './plot-labels.ts';
import { element, formatFixed, linearScale, niceTicks, ratioTicks, text } from './svg.ts';
import { fitText, textWidth } from './text-width.ts';

export interface ForestPlotStudy extends EffectSize {
  label: string;
}

export interface ForestPlotOptions {
  /** The studies in the order given to metaAnalysis. */
  studies: readonly ForestPlotStudy[];
  result: MetaAnalysisResult;
  /** For log risk/odds ratios: keep the log axis but print exp() values (ratios), with the reference line at 1. */
  exponentiate?: boolean;
  title?: string;
  xLabel?: string;
  language?: PlotLanguage;
  digits?: number;
  width?: number;
}

const ROW = 24;
const FONT_SIZE = 12;
const FONT = `font-family="system-ui, sans-serif" font-size="${FONT_SIZE}"`;
const PLAIN = { size: FONT_SIZE };
const BOLD = { size: FONT_SIZE, bold: true };
const TITLE = { size: 14, bold: true };
/** The label column's usual width; long study labels widen it up to LABEL_COLUMN_MAX of the plot's width. */
const LABEL_COLUMN = 238;
const LABEL_COLUMN_MAX = 0.42;

export function forestPlot(options: ForestPlotOptions): string {
  const { studies, result } = options;
  if (studies.length !== result.weights.length) {
    throw new StatsInputError(`forestPlot: ${studies.length} studies but the result has ${result.weights.length}`);
  }
  const exponentiate = options.exponentiate ?? false;
  const language = options.language ?? 'en';
  const digits = options.digits ?? 2;
  const width = options.width ?? 820;
  const labels = plotText(language);
  const show = (value: number) => formatFixed(exponentiate ? Math.exp(value) : value, digits);
  const interval = (estimate: number, lower: number, upper: number) =>
    `${show(estimate)} [${show(lower)}, ${show(upper)}]`;

  const crit = -normalQuantile((1 - result.confLevel) / 2);
  const rows = studies.map((study, i) => {
    const se = Math.sqrt(study.vi);
    return {
      ...study,
      lower: study.yi - crit * se,
      upper: study.yi + crit * se,
      weight: result.weights[i]!,
    };
  });

  // Horizontal layout: label column, plot area, estimate column, weight column. The label column grows for long
  // study labels as far as it can without squeezing the plot; a label still too long is shortened with an ellipsis
  // (its row's tooltip keeps it whole), so no label runs into the intervals.
  const labelX = 12;
  const pooledLabel = modelLabel(result, language);
  const widest = Math.max(
    ...rows.map((row) => textWidth(row.label, PLAIN)),
    textWidth(pooledLabel, BOLD),
    textWidth(labels.study, BOLD),
  );
  const labelColumn = Math.min(Math.max(LABEL_COLUMN, Math.ceil(widest) + 16), Math.floor(width * LABEL_COLUMN_MAX));
  const labelSpace = labelColumn - 12;
  const plotLeft = labelX + labelColumn;
  const plotRight = width - 250;
  const estimateX = width - 84;
  const weightX = width - 12;

  const extremes = [
    0,
    result.ciLower,
    result.ciUpper,
    ...rows.flatMap((row) => [row.lower, row.upper]),
    ...(result.predictionLower === undefined ? [] : [result.predictionLower, result.predictionUpper ?? 0]),
  ];
  let domainMin = Math.min(...extremes);
  let domainMax = Math.max(...extremes);
  const padding = (domainMax - domainMin) * 0.05 || 0.5;
  domainMin -= padding;
  domainMax += padding;
  const x = linearScale(domainMin, domainMax, plotLeft, plotRight);

  let y = 20;
  const parts: string[] = [];
  if (options.title) {
    const shown = fitText(options.title, width - 2 * labelX, TITLE);
    parts.push(element('text', { x: labelX, y, 'font-weight': 'bold', 'font-size': 14 }, text(shown)));
    y += ROW;
  }
  const headerY = y;
  parts.push(
    element('text', { x: labelX, y: headerY, 'font-weight': 'bold' }, text(labels.study)),
    element(
      'text',
      { x: estimateX, y: headerY, 'text-anchor': 'end', 'font-weight': 'bold' },
      text(labels.estimate(confidencePercent(result.confLevel))),
    ),
    element('text', { x: weightX, y: headerY, 'text-anchor': 'end', 'font-weight': 'bold' }, text(labels.weight)),
  );
  const firstRowY = headerY + ROW;
  const maxWeight = Math.max(...rows.map((row) => row.weight));

  rows.forEach((row, i) => {
    const rowY = firstRowY + i * ROW;
    const side = 4 + 10 * Math.sqrt(row.weight / maxWeight);
    const summary = `${row.label}: ${interval(row.yi, row.lower, row.upper)}, ${formatFixed(row.weight, 1)}%`;
    parts.push(
      element(
        'g',
        { class: 'study' },
        [
          element('title', {}, text(summary)),
          element('text', { x: labelX, y: rowY + 4 }, text(fitText(row.label, labelSpace, PLAIN))),
          element('line', { x1: x(row.lower), x2: x(row.upper), y1: rowY, y2: rowY, stroke: '#333' }),
          element('rect', { x: x(row.yi) - side / 2, y: rowY - side / 2, width: side, height: side, fill: '#2b5d8a' }),
          element(
            'text',
            { x: estimateX, y: rowY + 4, 'text-anchor': 'end' },
            text(interval(row.yi, row.lower, row.upper)),
          ),
          element('text', { x: weightX, y: rowY + 4, 'text-anchor': 'end' }, text(`${formatFixed(row.weight, 1)}%`)),
        ].join(''),
      ),
    );
  });

  const summaryY = firstRowY + rows.length * ROW + ROW / 2;
  const summaryParts = [
    element('title', {}, text(`${pooledLabel}: ${interval(result.estimate, result.ciLower, result.ciUpper)}`)),
    element(
      'text',
      { x: labelX, y: summaryY + 4, 'font-weight': 'bold' },
      text(fitText(pooledLabel, labelSpace, BOLD)),
    ),
  ];
  if (result.predictionLower !== undefined && result.predictionUpper !== undefined) {
    summaryParts.push(
      element(
        'line',
        {
          class: 'prediction-interval',
          x1: x(result.predictionLower),
          x2: x(result.predictionUpper),
          y1: summaryY,
          y2: summaryY,
          stroke: '#333',
          'stroke-dasharray': '4 3',
        },
        element(
          'title',
          {},
          text(`${labels.prediction}: ${show(result.predictionLower)}, ${show(result.predictionUpper)}`),
        ),
      ),
    );
  }
  const half = 7;
  const diamond = [
    `${formatFixed(x(result.ciLower), 2)},${summaryY}`,
    `${formatFixed(x(result.estimate), 2)},${summaryY - half}`,
    `${formatFixed(x(result.ciUpper), 2)},${summaryY}`,
    `${formatFixed(x(result.estimate), 2)},${summaryY + half}`,
  ].join(' ');
  summaryParts.push(
    element('polygon', { class: 'summary', points: diamond, fill: '#222' }),
    element(
      'text',
      { x: estimateX, y: summaryY + 4, 'text-anchor': 'end', 'font-weight': 'bold' },
      text(interval(result.estimate, result.ciLower, result.ciUpper)),
    ),
    element('text', { x: weightX, y: summaryY + 4, 'text-anchor': 'end', 'font-weight': 'bold' }, text('100%')),
  );
  parts.push(element('g', { class: 'pooled' }, summaryParts.join('')));

  // Reference line at no effect (0, or ratio 1) and the axis.
  const plotTop = firstRowY - ROW / 2;
  const axisY = summaryY + ROW;
  parts.push(
    element('line', {
      class: 'reference',
      x1: x(0),
      x2: x(0),
      y1: plotTop,
      y2: axisY,
      stroke: '#888',
      'stroke-dasharray': '2 2',
    }),
    element('line', { x1: plotLeft, x2: plotRight, y1: axisY, y2: axisY, stroke: '#333' }),
  );
  const ticks = exponentiate ? ratioTicks(domainMin, domainMax) : niceTicks(domainMin, domainMax);
  for (const tick of ticks) {
    const label = exponentiate ? String(Number(Math.exp(tick).toPrecision(3))) : String(Number(tick.toPrecision(6)));
    parts.push(
      element('line', { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 5, stroke: '#333' }),
      element('text', { x: x(tick), y: axisY + 18, 'text-anchor': 'middle' }, text(label)),
    );
  }
  let bottom = axisY + 18;
  if (options.xLabel) {
    bottom += 18;
    parts.push(
      element('text', { x: (plotLeft + plotRight) / 2, y: bottom, 'text-anchor': 'middle' }, text(options.xLabel)),
    );
  }
  bottom += 22;
  parts.push(
    element('text', { x: labelX, y: bottom, class: 'heterogeneity' }, text(heterogeneityLine(result, language))),
  );
  const height = bottom + 12;

  const title = options.title ?? `${pooledLabel}, k = ${result.k}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${text(title)}" ${FONT}>${element('title', {}, text(title))}${parts.join('')}</svg>`;
}
