export interface Ranking {
  /** Ranks in the input order; tied values share the average of their ranks (R's rank(ties.method = "average")). */
  ranks: number[];
  /** Size of every group of equal values, singletons included (R's table(r)). */
  tieSizes: number[];
}

export function averageRanks(values: readonly number[]): Ranking {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    // Ties are exact equality, as in R: 0.3 and 0.1 + 0.2 are different values.
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const averageRank = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) ranks[order[i]!] = averageRank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieSizes };
}

/** sum(t^3 - t) over the tie groups, the tie term of the normal approximations. */
export function tieCorrectionSum(tieSizes: readonly number[]): number {
  let total = 0;
  for (const t of tieSizes) total += t ** 3 - t;
  return total;
}
