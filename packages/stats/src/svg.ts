// Small helpers for building SVG as plain strings (no DOM), shared by the forest and funnel plots.

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates rounded to 0.01 px keep the markup short and stable. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`)
    .join('');
}

/** An element; `children` is already-built markup (use text() for text content). */
export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

export function text(content: string): string {
  return escapeXml(content);
}

/** Maps [domainMin, domainMax] onto [rangeMin, rangeMax]. */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) {
  const span = domainMax - domainMin || 1;
  return (value: number) => rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin);
}

/** About `count` round tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rawStep = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rawStep) ?? 10) * power;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.round(value / step) * step);
  }
  return ticks;
}

/** Tick values for a ratio axis drawn on the log scale (0.1, 0.2, 0.5, 1, 2, 5, 10, ...), as log values. */
export function ratioTicks(minLog: number, maxLog: number): number[] {
  const candidates: number[] = [];
  for (let power = -4; power <= 4; power++) {
    for (const factor of [1, 2, 5]) candidates.push(factor * 10 ** power);
  }
  const inside = candidates.map(Math.log).filter((value) => value >= minLog - 1e-12 && value <= maxLog + 1e-12);
  if (inside.length >= 3) return inside;
  return niceTicks(minLog, maxLog);
}

/** A number for display with fixed decimals; -0 shown as 0. */
export function formatFixed(value: number, digits: number): string {
  const formatted = value.toFixed(digits);
  return /^-0\.?0*$/.test(formatted) ? formatted.slice(1) : formatted;
}
