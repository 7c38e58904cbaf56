/**
 * Medians and quartiles for reports, as R computes them by default (quantile type 7: linear interpolation between
 * the order statistics around 1 + (n - 1) p). packages/stats has the same function, but the domain package imports
 * nothing internal, so reports carry this small copy; its test checks it against the R figures of
 * packages/stats/golden/descriptives.json.
 */
export function quantile7(sorted: readonly number[], probability: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must be 0 to 1, got ${probability}`);
  const index = 1 + (n - 1) * probability;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1] as number;
  const high = sorted[hi - 1] as number;
  if (!(index > lo && high !== low)) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

/** Median and quartiles of a group; every figure is null when the group is empty (never NaN). */
export interface Spread {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { n: 0, median: null, q1: null, q3: null };
  const sorted = [...finite].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile7(sorted, 0.5),
    q1: quantile7(sorted, 0.25),
    q3: quantile7(sorted, 0.75),
  };
}
