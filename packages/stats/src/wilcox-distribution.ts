// Exact null distribution of the Mann-Whitney statistic W for sample sizes m and n, as R's pwilcox/qwilcox
// (src/nmath/wilcox.c). The counts are the coefficients of the Gaussian binomial [m + n choose m]_q, built as
// prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i); every intermediate product is itself a Gaussian binomial.

const countsCache = new Map<string, Float64Array>();

/** counts[k] = number of arrangements with W = k, for k = 0 .. m n. */
function wilcoxCounts(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const key = `${small},${large}`;
  const cached = countsCache.get(key);
  if (cached) return cached;
  const size = small * large;
  const counts = new Float64Array(size + 1);
  counts[0] = 1;
  for (let i = 1; i <= small; i++) {
    const up = large + i;
    for (let k = size; k >= up; k--) counts[k]! -= counts[k - up]!;
    for (let k = i; k <= size; k++) counts[k]! += counts[k - i]!;
  }
  countsCache.set(key, counts);
  return counts;
}

function totalOf(counts: Float64Array): number {
  let total = 0;
  for (const count of counts) total += count;
  return total;
}

/** P(W <= x) (or P(W > x) with lowerTail = false), summing the shorter tail as R does. */
export function pWilcox(x: number, m: number, n: number, lowerTail = true): number {
  let q = Math.floor(x + 1e-7);
  if (q < 0) return lowerTail ? 0 : 1;
  if (q >= m * n) return lowerTail ? 1 : 0;
  const counts = wilcoxCounts(m, n);
  const c = totalOf(counts);
  let p = 0;
  let lower = lowerTail;
  if (q <= (m * n) / 2) {
    for (let i = 0; i <= q; i++) p += counts[i]! / c;
  } else {
    q = m * n - q;
    for (let i = 0; i < q; i++) p += counts[i]! / c;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** Smallest q with P(W <= q) >= p (R's qwilcox, lower tail). */
export function qWilcox(p: number, m: number, n: number): number {
  if (p === 0) return 0;
  if (p === 1) return m * n;
  const counts = wilcoxCounts(m, n);
  const c = totalOf(counts);
  let cumulative = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      cumulative += counts[q]! / c;
      if (cumulative >= target) return q;
      q++;
    }
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    cumulative += counts[q]! / c;
    if (cumulative > target) return m * n - q;
    q++;
  }
}
