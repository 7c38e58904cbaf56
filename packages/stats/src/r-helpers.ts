// Small R behaviours reproduced exactly.

/** Rounds half to even, as C's nearbyint() in the default rounding mode. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** R's signif(x, digits) (fprec in src/nmath/fprec.c): scale by a power of ten and round half to even. */
export function signif(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = Math.abs(x);
  const e10 = digits - 1 - Math.floor(Math.log10(magnitude));
  if (e10 > 0) {
    const scale = 10 ** e10;
    return (Math.sign(x) * roundHalfEven(magnitude * scale)) / scale;
  }
  const scale = 10 ** -e10;
  return Math.sign(x) * roundHalfEven(magnitude / scale) * scale;
}

/** R's sign(): -1, 0 or 1. */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}
