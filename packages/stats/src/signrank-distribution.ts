// Exact null distribution of the Wilcoxon signed-rank statistic V, as R's psignrank/qsignrank (src/nmath/signrank.c):
// counts of the subsets of {1..n} with each rank sum, each subset having probability 2^-n.

const countsCache = new Map<number, Float64Array>();

/** counts[k] = number of subsets of {1, ..., n} whose sum is k, for k = 0 .. n(n+1)/2. */
function signRankCounts(n: number): Float64Array {
  const cached = countsCache.get(n);
  if (cached) return cached;
  const total = (n * (n + 1)) / 2;
  const counts = new Float64Array(total + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    const reachable = (rank * (rank + 1)) / 2;
    for (let k = reachable; k >= rank; k--) counts[k]! += counts[k - rank]!;
  }
  countsCache.set(n, counts);
  return counts;
}

/** P(V <= x) (or P(V > x) with lowerTail = false), summing the shorter tail as R does. */
export function pSignRank(x: number, n: number, lowerTail = true): number {
  let q = Math.floor(x + 1e-7);
  if (q < 0) return lowerTail ? 0 : 1;
  const total = (n * (n + 1)) / 2;
  if (q >= total) return lowerTail ? 1 : 0;
  const counts = signRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let lower = lowerTail;
  if (q <= total / 2) {
    for (let i = 0; i <= q; i++) p += counts[i]! * f;
  } else {
    q = total - q;
    for (let i = 0; i < q; i++) p += counts[i]! * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** Smallest q with P(V <= q) >= p (R's qsignrank, lower tail). */
export function qSignRank(p: number, n: number): number {
  const total = (n * (n + 1)) / 2;
  if (p === 0) return 0;
  if (p === 1) return total;
  const counts = signRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let cumulative = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      cumulative += counts[q]! * f;
      if (cumulative >= target) return q;
      q++;
    }
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    cumulative += counts[q]! * f;
    if (cumulative > target) return total - q;
    q++;
  }
}
