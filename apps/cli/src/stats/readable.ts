import type { Language } from './language.ts';

/** Numbers as a report prints them: 4 significant digits, p-values below 0.001 as "< 0.001". */
export function formatValue(value: number, language: Language): string {
  if (!Number.isFinite(value)) return String(value);
  const text =
    Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-4)
      ? value.toExponential(3)
      : String(Number(value.toPrecision(4)));
  return language === 'id' ? text.replace('.', ',') : text;
}

export function formatP(p: number, language: Language): string {
  return p < 0.001 ? `< ${formatValue(0.001, language)}` : formatValue(p, language);
}

const LABELS: Record<string, { id: string; en: string }> = {
  test: { id: 'Uji', en: 'Test' },
  method: { id: 'Metode (R)', en: 'Method (R)' },
  n: { id: 'n', en: 'n' },
  statistic: { id: 'Statistik', en: 'Statistic' },
  df: { id: 'Derajat bebas', en: 'Degrees of freedom' },
  pValue: { id: 'Nilai p', en: 'p-value' },
  estimate: { id: 'Estimasi', en: 'Estimate' },
  ci: { id: 'IK 95%', en: '95% CI' },
  exact: { id: 'p eksak', en: 'Exact p' },
  effectSize: { id: 'Ukuran efek', en: 'Effect size' },
  reason: { id: 'Alasan', en: 'Reason' },
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
};

export const label = (key: string, language: Language) => LABELS[key]?.[language] ?? key;

/** Two aligned columns, one "label  value" per line. */
export function table(lines: readonly (readonly [string, string])[]): string {
  const width = Math.max(...lines.map(([name]) => name.length));
  return `${lines.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}
