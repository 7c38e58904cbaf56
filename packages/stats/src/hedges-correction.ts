import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Hedges' small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) with the exact gamma function,
 * written as metafor's .cmicalc does (on the log scale, so large m does not overflow). NaN for m <= 1.
 */
export function hedgesCorrection(m: number): number {
  if (!(m > 1)) return Number.NaN;
  return Math.exp(gammaln(m / 2) - Math.log(Math.sqrt(m / 2)) - gammaln((m - 1) / 2));
}
