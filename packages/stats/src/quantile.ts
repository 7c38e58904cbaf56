/**
 * R's default quantile (type 7) of an ascending-sorted sample: linear interpolation between the order statistics
 * around 1 + (n - 1) p, written as R writes it ((1 - h) * x[lo] + h * x[hi], skipped when both are equal).
 */
export function quantileType7(sorted: readonly number[], probability: number): number {
  const n = sorted.length;
  const index = 1 + Math.max(n - 1, 0) * probability;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1]!;
  const high = sorted[hi - 1]!;
  if (!(index > lo && high !== low)) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

/** R's median: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  const half = Math.floor((n + 1) / 2);
  if (n % 2 === 1) return sorted[half - 1]!;
  return (sorted[half - 1]! + sorted[half]!) / 2;
}
