// Funnel plot as an SVG string, laid out like metafor's funnel(): effect sizes on the x-axis, standard errors on
// the y-axis increasing downwards (0 at the top), a vertical line at the pooled estimate and the pseudo confidence
// region estimate -/+ z se, inside which the studies should fall in the absence of heterogeneity and small-study bias.
import { normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import type { MetaAnalysisResult } from './meta-analysis.ts';
import type { EffectSize } from './meta-effect-sizes.ts';
import { confidencePercent, modelLabel, type PlotLanguage, plotText } from './plot-labels.ts';
import { element, formatFixed, linearScale, niceTicks, ratioTicks, text } from './svg.ts';

export interface FunnelPlotOptions {
  /** The studies in the order given to metaAnalysis; labels appear as tooltips. */
  studies: readonly (EffectSize & { label?: string })[];
  result: MetaAnalysisResult;
  /** For log risk/odds ratios: keep the log axis but label it with ratios. */
  exponentiate?: boolean;
  title?: string;
  xLabel?: string;
  language?: PlotLanguage;
  width?: number;
  height?: number;
}

export function funnelPlot(options: FunnelPlotOptions): string {
  const { studies, result } = options;
  if (studies.length !== result.k) {
    throw new StatsInputError(`funnelPlot: ${studies.length} studies but the result has ${result.k}`);
  }
  const exponentiate = options.exponentiate ?? false;
  const language = options.language ?? 'en';
  const labels = plotText(language);
  const width = options.width ?? 600;
  const height = options.height ?? 450;
  const crit = -normalQuantile((1 - result.confLevel) / 2);

  const points = studies.map((study) => ({ ...study, se: Math.sqrt(study.vi) }));
  const maxSe = Math.max(...points.map((point) => point.se)) * 1.05;
  const xs = [...points.map((point) => point.yi), result.estimate - crit * maxSe, result.estimate + crit * maxSe];
  let domainMin = Math.min(...xs);
  let domainMax = Math.max(...xs);
  const padding = (domainMax - domainMin) * 0.04 || 0.5;
  domainMin -= padding;
  domainMax += padding;

  const left = 70;
  const right = width - 20;
  const top = options.title ? 48 : 20;
  const bottom = height - 62;
  const x = linearScale(domainMin, domainMax, left, right);
  const y = linearScale(0, maxSe, top, bottom);
  const parts: string[] = [];
  if (options.title) {
    parts.push(element('text', { x: left, y: 24, 'font-weight': 'bold', 'font-size': 14 }, text(options.title)));
  }

  // Pseudo confidence region and the pooled estimate.
  const region = [
    `${formatFixed(x(result.estimate), 2)},${formatFixed(y(0), 2)}`,
    `${formatFixed(x(result.estimate - crit * maxSe), 2)},${formatFixed(y(maxSe), 2)}`,
    `${formatFixed(x(result.estimate + crit * maxSe), 2)},${formatFixed(y(maxSe), 2)}`,
  ].join(' ');
  parts.push(
    element('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: '#f4f4f4' }),
    element(
      'polygon',
      { class: 'pseudo-confidence-region', points: region, fill: '#fff', stroke: '#666', 'stroke-dasharray': '4 3' },
      element('title', {}, text(`${confidencePercent(result.confLevel)}% pseudo-CI`)),
    ),
    element(
      'line',
      { class: 'estimate', x1: x(result.estimate), x2: x(result.estimate), y1: top, y2: bottom, stroke: '#222' },
      element('title', {}, text(modelLabel(result, language))),
    ),
  );
  for (const point of points) {
    const value = exponentiate ? Math.exp(point.yi) : point.yi;
    const tooltip = `${point.label ? `${point.label}: ` : ''}${formatFixed(value, 2)} (SE ${formatFixed(point.se, 3)})`;
    parts.push(
      element(
        'circle',
        { class: 'study', cx: x(point.yi), cy: y(point.se), r: 4, fill: '#2b5d8a', stroke: '#fff' },
        element('title', {}, text(tooltip)),
      ),
    );
  }

  // Axes.
  parts.push(
    element('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: '#333' }),
    element('line', { x1: left, x2: left, y1: top, y2: bottom, stroke: '#333' }),
  );
  const xTicks = exponentiate ? ratioTicks(domainMin, domainMax) : niceTicks(domainMin, domainMax);
  for (const tick of xTicks) {
    const label = exponentiate ? String(Number(Math.exp(tick).toPrecision(3))) : String(Number(tick.toPrecision(6)));
    parts.push(
      element('line', { x1: x(tick), x2: x(tick), y1: bottom, y2: bottom + 5, stroke: '#333' }),
      element('text', { x: x(tick), y: bottom + 18, 'text-anchor': 'middle' }, text(label)),
    );
  }
  for (const tick of niceTicks(0, maxSe, 4)) {
    parts.push(
      element('line', { x1: left - 5, x2: left, y1: y(tick), y2: y(tick), stroke: '#333' }),
      element('text', { x: left - 8, y: y(tick) + 4, 'text-anchor': 'end' }, text(String(Number(tick.toPrecision(6))))),
    );
  }
  parts.push(
    element(
      'text',
      {
        x: 16,
        y: (top + bottom) / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 16 ${formatFixed((top + bottom) / 2, 2)})`,
      },
      text(labels.standardError),
    ),
    element(
      'text',
      { x: (left + right) / 2, y: bottom + 38, 'text-anchor': 'middle' },
      text(options.xLabel ?? labels.effect),
    ),
  );

  const title = options.title ?? `${labels.funnel}, ${modelLabel(result, language)}, k = ${result.k}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${text(title)}" font-family="system-ui, sans-serif" font-size="12">${element('title', {}, text(title))}${parts.join('')}</svg>`;
}
