import { timeOf } from './day-of-life.ts';
import { type HouseholdEntry, isKind } from './entries.ts';

/**
 * Change from birth weight in percent, rounded to one decimal (half away from zero): -7.3 means the baby
 * weighs 7.3% less than at birth. For display and alerts; decisions use `lostMoreThan`, which does not round.
 */
export function weightChangePercent(birthWeightG: number, currentG: number): number {
  if (!(birthWeightG > 0)) throw new RangeError(`birth weight must be positive, got ${birthWeightG}`);
  const diff = currentG - birthWeightG;
  const tenths = Math.round((Math.abs(diff) * 1000) / birthWeightG);
  // `|| 0` turns -0 into 0, so an unchanged weight reads as 0 everywhere.
  return (Math.sign(diff) * tenths) / 10 || 0;
}

/** True when the baby has lost more than `maxLossPercent` of birth weight. Compared in grams, so exactly 10% is not "more than 10%". */
export function lostMoreThan(birthWeightG: number, currentG: number, maxLossPercent: number): boolean {
  return (birthWeightG - currentG) * 100 > maxLossPercent * birthWeightG;
}

/** The baby's most recent weight entry, optionally only those taken before `before`. */
export function latestWeight(
  entries: readonly HouseholdEntry[],
  babyId: string,
  before?: Date,
): HouseholdEntry<'weight'> | undefined {
  let latest: HouseholdEntry<'weight'> | undefined;
  for (const e of entries) {
    if (!isKind(e, 'weight') || e.babyId !== babyId) continue;
    const t = timeOf(e.occurredAt);
    if (before && t >= before.getTime()) continue;
    // `>=` keeps the later of two entries with the same time: the one recorded last.
    if (!latest || t >= timeOf(latest.occurredAt)) latest = e;
  }
  return latest;
}
