// Quantile of the standard normal distribution by Wichura's algorithm AS 241 (PPND16, Applied Statistics 1988,
// 37, 477-484), the algorithm of R's qnorm, accurate to about 1 part in 10^16. The @stdlib quantile loses
// about 9 digits in the far tail (qnorm(1e-10)), which is why R's algorithm is used here.

function rational(r: number, numerator: readonly number[], denominator: readonly number[]): number {
  let top = 0;
  let bottom = 0;
  for (const coefficient of numerator) top = top * r + coefficient;
  for (const coefficient of denominator) bottom = bottom * r + coefficient;
  return top / bottom;
}

// Coefficients from the highest power down, as Horner's rule consumes them (AS 241's 20-digit values as doubles).
const CENTRAL_NUMERATOR = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513,
  133.14166789178438, 3.3871328727963665,
];
const CENTRAL_DENOMINATOR = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579,
  42.31333070160091, 1,
];
const INTERMEDIATE_NUMERATOR = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
];
const INTERMEDIATE_DENOMINATOR = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
  1.6763848301838038, 2.053191626637759, 1,
];
const TAIL_NUMERATOR = [
  2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487,
  1.7848265399172913, 5.463784911164114, 6.657904643501103,
];
const TAIL_DENOMINATOR = [
  2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133, 0.014875361290850615,
  0.1369298809227358, 0.599832206555888, 1,
];

/** z with P(Z <= z) = p (R's qnorm(p)). */
export function standardNormalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q * rational(r, CENTRAL_NUMERATOR, CENTRAL_DENOMINATOR);
  }
  // Closer than 0.075 to 0 or 1: work with r = sqrt(-log(min(p, 1 - p))).
  let r = Math.sqrt(-Math.log(q > 0 ? 1 - p : p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = rational(r, INTERMEDIATE_NUMERATOR, INTERMEDIATE_DENOMINATOR);
  } else {
    r -= 5;
    value = rational(r, TAIL_NUMERATOR, TAIL_DENOMINATOR);
  }
  return q < 0 ? -value : value;
}
