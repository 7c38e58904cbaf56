// Sums, means and variances the way R's C code computes them: a second pass corrects the mean for
// rounding (R's mean() does this in long double), and the variance is the two-pass sum of squared deviations.

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  const n = values.length;
  const first = sum(values) / n;
  if (!Number.isFinite(first)) return first;
  let correction = 0;
  for (const value of values) correction += value - first;
  return first + correction / n;
}

/** Sample variance with denominator n - 1 (R's var). */
export function variance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return squares / (n - 1);
}

export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Smallest and largest value (without spreading large arrays into Math.min). */
export function extent(values: readonly number[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
