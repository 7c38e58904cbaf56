import { dayPostpartum } from '../postpartum.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Day-of-life arithmetic for the household rules. Days are 24-hour windows counted from the delivery time
 * (day 1 = the first 24 hours), as midwives count them, never calendar days: a baby born at 22:15 has its
 * day 2 from 22:15 the next evening. Windows are absolute instants, so the phone's time zone plays no part.
 */

/** The instants a day of life starts (inclusive) and ends (exclusive). */
export function dayOfLifeWindow(deliveredAt: Date, day: number): { start: Date; end: Date } {
  const start = deliveredAt.getTime() + (day - 1) * DAY_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

/** The day of life something happened on; undefined before the delivery or for an unreadable time. */
export function dayOfLifeAt(deliveredAt: Date, occurredAt: string): number | undefined {
  const at = new Date(occurredAt);
  if (Number.isNaN(at.getTime())) return undefined;
  return dayPostpartum(deliveredAt, at);
}

/** A day is over once its whole window lies in the past: only then can "too few" be judged. */
export function isDayOver(deliveredAt: Date, day: number, now: Date): boolean {
  return dayOfLifeWindow(deliveredAt, day).end.getTime() <= now.getTime();
}

/** A threshold table row: on days fromDay..toDay (toDay null = every later day) at least `min`. */
export interface DayThresholdRow {
  fromDay: number;
  toDay: number | null;
  min: number;
}

/** The minimum a table asks for on a day, undefined when no row covers it. */
export function thresholdForDay(rows: readonly DayThresholdRow[], day: number): number | undefined {
  return rows.find((r) => r.fromDay <= day && (r.toDay === null || day <= r.toDay))?.min;
}

/** Milliseconds since the epoch of an entry's time, for sorting; unreadable times sort first. */
export function timeOf(occurredAt: string): number {
  const t = Date.parse(occurredAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
