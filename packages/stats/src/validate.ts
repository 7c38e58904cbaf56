import { StatsInputError } from './errors.ts';

// R silently drops NA values; here a NaN or an infinite value is almost always a data-entry mistake,
// so every public function refuses it with the position of the first bad value.
export function assertFiniteValues(values: readonly number[], label: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new StatsInputError(`${label}[${i}] is ${String(value)}: every value must be a finite number`);
    }
  }
}

export function assertMinLength(values: readonly number[], min: number, label: string): void {
  if (values.length < min) {
    throw new StatsInputError(`${label} needs at least ${min} values (got ${values.length})`);
  }
}

export function assertSameLength(first: readonly number[], second: readonly number[], labels: [string, string]): void {
  if (first.length !== second.length) {
    throw new StatsInputError(
      `${labels[0]} and ${labels[1]} must have the same length (got ${first.length} and ${second.length})`,
    );
  }
}

export function assertConfLevel(confLevel: number): void {
  if (!(Number.isFinite(confLevel) && confLevel > 0 && confLevel < 1)) {
    throw new StatsInputError(`confLevel must be a number between 0 and 1 (got ${String(confLevel)})`);
  }
}

/** Checks two paired samples and returns the differences after - before (R's `x - y` for `t.test(after, before)`). */
export function pairedDifferences(before: readonly number[], after: readonly number[]): number[] {
  assertSameLength(before, after, ['before', 'after']);
  assertFiniteValues(before, 'before');
  assertFiniteValues(after, 'after');
  if (after.length < 2) throw new StatsInputError(`A paired comparison needs at least 2 pairs (got ${after.length})`);
  return after.map((value, i) => value - before[i]!);
}
