// Small helpers for SVG as plain strings (no DOM). @lancar/stats keeps its own copy private, so these mirror it.

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

/** An element; `children` is already-built markup (escape text content with escapeXml). */
export function element(name: string, attrs: Attributes, children?: string): string {
  const rendered = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`)
    .join('');
  return children === undefined ? `<${name}${rendered}/>` : `<${name}${rendered}>${children}</${name}>`;
}
