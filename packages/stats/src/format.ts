// Numbers inside the bilingual explanations. Decimal points follow the statistical convention used in the
// programme's reports (0.05, not 0,05) in both languages.

/** A test statistic to 3 decimals. */
export function formatStatistic(value: number): string {
  return value.toFixed(3);
}

/** A p-value: "< 0.001", 3 decimals below 0.1 (so 0.049 and 0.051 stay apart), otherwise 2 decimals. */
export function formatPValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  if (p < 0.1) return `= ${p.toFixed(3)}`;
  return `= ${p.toFixed(2)}`;
}
