/**
 * Small charts as SVG strings, for PDF reports (pdfmake draws SVG) and the same markup in the browser. Hand-written
 * on purpose: a bar chart and a median line with its interquartile band are all the reports need.
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r2 = (v: number) => String(Math.round(v * 100) / 100);

/** About `count` round ticks (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 4, minStep = 0): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power, minStep);
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    // `|| 0` turns -0 into 0, which would print as "-0".
    ticks.push(Math.round(v / step) * step || 0);
  }
  return ticks;
}

export interface BarChartOptions {
  bars: readonly { label: string; value: number | null }[];
  width?: number;
  height?: number;
  /** Axis maximum; the largest value (rounded up) when absent. */
  max?: number;
  /** How a value is written above its bar and on the axis. */
  format?: (value: number) => string;
  colour?: string;
  /** Text for the whole chart (accessibility, and a title in PDF viewers). */
  title: string;
  /** Counts: ticks on whole numbers only. */
  integer?: boolean;
  /** Written where a bar has no value. */
  missing?: string;
}

const FONT = 'font-family="Roboto, sans-serif"';

/** Vertical bars with their value above each; a bar without a value shows `missing`. */
export function barChartSvg(o: BarChartOptions): string {
  const width = o.width ?? 480;
  const height = o.height ?? 180;
  const format = o.format ?? ((v: number) => r2(v));
  const left = 36;
  const right = 8;
  const top = 16;
  const bottom = 28;
  const values = o.bars.map((b) => b.value).filter((v): v is number => v !== null);
  const ticks = niceTicks(0, o.max ?? Math.max(1, ...values), 4, o.integer ? 1 : 0);
  const max = o.max ?? ticks[ticks.length - 1] ?? 1;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - (Math.min(v, max) / max) * plotH;
  const slot = (width - left - right) / Math.max(o.bars.length, 1);
  const barW = Math.min(slot * 0.7, 48);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${r2(y(t))}" y2="${r2(y(t))}" stroke="#dddddd" stroke-width="0.5"/>`,
      `<text x="${left - 4}" y="${r2(y(t) + 3)}" font-size="8" text-anchor="end" fill="#555555" ${FONT}>${escapeXml(format(t))}</text>`,
    );
  }
  o.bars.forEach((b, i) => {
    const cx = left + slot * i + slot / 2;
    if (b.value !== null) {
      const h = top + plotH - y(b.value);
      parts.push(
        `<rect x="${r2(cx - barW / 2)}" y="${r2(y(b.value))}" width="${r2(barW)}" height="${r2(h)}" fill="${o.colour ?? '#2f7d6d'}"/>`,
      );
    }
    const label = b.value === null ? (o.missing ?? '–') : format(b.value);
    const labelY = b.value === null ? top + plotH - 3 : y(b.value) - 3;
    parts.push(
      `<text x="${r2(cx)}" y="${r2(labelY)}" font-size="8" text-anchor="middle" fill="#222222" ${FONT}>${escapeXml(label)}</text>`,
      `<text x="${r2(cx)}" y="${height - bottom + 12}" font-size="8" text-anchor="middle" fill="#333333" ${FONT}>${escapeXml(b.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888888" stroke-width="0.7"/>`,
  );
  return svg(width, height, o.title, parts);
}

export interface SpreadChartOptions {
  /** One point per x (day of life); a point without a median is a gap. */
  points: readonly { x: number; median: number | null; q1: number | null; q3: number | null }[];
  width?: number;
  height?: number;
  format?: (value: number) => string;
  xLabel: string;
  title: string;
  colour?: string;
  /** Draw a reference line at this value (0 for change from birth weight). */
  reference?: number;
}

/** The median as a line with dots, and the interquartile range as a shaded band behind it. */
export function spreadChartSvg(o: SpreadChartOptions): string {
  const width = o.width ?? 480;
  const height = o.height ?? 180;
  const format = o.format ?? ((v: number) => r2(v));
  const colour = o.colour ?? '#2f7d6d';
  const left = 36;
  const right = 8;
  const top = 12;
  const bottom = 30;
  const known = o.points.filter((p) => p.median !== null);
  const lows = known.map((p) => p.q1 ?? p.median ?? 0);
  const highs = known.map((p) => p.q3 ?? p.median ?? 0);
  let min = Math.min(o.reference ?? Number.POSITIVE_INFINITY, ...lows);
  let max = Math.max(o.reference ?? Number.NEGATIVE_INFINITY, ...highs);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const ticks = niceTicks(min, max);
  const lo = Math.min(min, ticks[0] ?? min);
  const hi = Math.max(max, ticks[ticks.length - 1] ?? max);
  const xs = o.points.map((p) => p.x);
  const xMin = Math.min(...xs, 1);
  const xMax = Math.max(...xs, xMin + 1);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (v: number) => left + ((v - xMin) / (xMax - xMin)) * plotW;
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${r2(y(t))}" y2="${r2(y(t))}" stroke="#dddddd" stroke-width="0.5"/>`,
      `<text x="${left - 4}" y="${r2(y(t) + 3)}" font-size="8" text-anchor="end" fill="#555555" ${FONT}>${escapeXml(format(t))}</text>`,
    );
  }
  if (o.reference !== undefined) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${r2(y(o.reference))}" y2="${r2(y(o.reference))}" stroke="#888888" stroke-width="0.8" stroke-dasharray="3,2"/>`,
    );
  }
  // The band and the line break where a day has no value.
  const runs: (typeof known)[] = [];
  let run: typeof known = [];
  for (const p of o.points) {
    if (p.median === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) runs.push(run);
  for (const segment of runs) {
    const upper = segment.map((p) => `${r2(x(p.x))},${r2(y(p.q3 ?? (p.median as number)))}`);
    const lower = [...segment].reverse().map((p) => `${r2(x(p.x))},${r2(y(p.q1 ?? (p.median as number)))}`);
    if (segment.length > 1) {
      parts.push(
        `<polygon points="${[...upper, ...lower].join(' ')}" fill="${colour}" fill-opacity="0.18" stroke="none"/>`,
      );
      parts.push(
        `<polyline points="${segment.map((p) => `${r2(x(p.x))},${r2(y(p.median as number))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="1.5"/>`,
      );
    } else {
      const p = segment[0] as (typeof segment)[number];
      parts.push(
        `<line x1="${r2(x(p.x))}" x2="${r2(x(p.x))}" y1="${r2(y(p.q1 ?? (p.median as number)))}" y2="${r2(y(p.q3 ?? (p.median as number)))}" stroke="${colour}" stroke-opacity="0.4" stroke-width="4"/>`,
      );
    }
    for (const p of segment) {
      parts.push(`<circle cx="${r2(x(p.x))}" cy="${r2(y(p.median as number))}" r="2" fill="${colour}"/>`);
    }
  }
  for (const p of o.points) {
    parts.push(
      `<text x="${r2(x(p.x))}" y="${top + plotH + 11}" font-size="8" text-anchor="middle" fill="#333333" ${FONT}>${p.x}</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888888" stroke-width="0.7"/>`,
    `<text x="${left + plotW / 2}" y="${height - 4}" font-size="8" text-anchor="middle" fill="#555555" ${FONT}>${escapeXml(o.xLabel)}</text>`,
  );
  return svg(width, height, o.title, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${parts.join('')}</svg>`;
}
