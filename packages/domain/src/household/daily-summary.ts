import { dayOfLifeAt, timeOf } from './day-of-life.ts';
import { currentEntries, type FeedData, type HouseholdEntry, isKind } from './entries.ts';
import { isMassageDone } from './schedule.ts';

export interface DaySummary {
  day: number;
  feeds: number;
  feedMinutes: number;
  wetNappies: number;
  dirtyNappies: number;
  expressedMl: { left: number; right: number; total: number };
  sessionsDone: number;
  /** The last weight taken that day, in grams; null when the baby was not weighed. */
  lastWeightG: number | null;
}

export interface DailySummaryInput {
  deliveredAt: Date;
  /** The household's entries; the current view is taken here. */
  entries: readonly HouseholdEntry[];
  /** Feeds, nappies and weights of this baby only; null counts every baby (one baby, or household totals). */
  babyId: string | null;
  /** Days of life to summarise, from day 1; 14 by default (the longest protocol). */
  days?: number;
}

function emptyDay(day: number): DaySummary {
  return {
    day,
    feeds: 0,
    feedMinutes: 0,
    wetNappies: 0,
    dirtyNappies: 0,
    expressedMl: { left: 0, right: 0, total: 0 },
    sessionsDone: 0,
    lastWeightG: null,
  };
}

/**
 * One summary per day of life (24 hours from the delivery, not calendar days). Expressed milk and massage
 * sessions are the mother's and always count; feeds, nappies and weights follow `babyId`.
 */
export function dailySummaries(input: DailySummaryInput): DaySummary[] {
  const summaries = Array.from({ length: input.days ?? 14 }, (_, i) => emptyDay(i + 1));
  const lastWeightAt = new Map<number, number>();
  const forBaby = (e: HouseholdEntry) => input.babyId === null || e.babyId === input.babyId;

  for (const e of currentEntries(input.entries)) {
    const day = dayOfLifeAt(input.deliveredAt, e.occurredAt);
    const s = day === undefined ? undefined : summaries[day - 1];
    if (!s) continue;
    if (isKind(e, 'feed') && forBaby(e)) {
      s.feeds += 1;
      s.feedMinutes += e.data.durationMinutes;
    } else if (isKind(e, 'nappy') && forBaby(e)) {
      if (e.data.wet) s.wetNappies += 1;
      if (e.data.dirty) s.dirtyNappies += 1;
    } else if (isKind(e, 'expression')) {
      s.expressedMl.left += e.data.leftMl;
      s.expressedMl.right += e.data.rightMl;
      s.expressedMl.total += e.data.leftMl + e.data.rightMl;
    } else if (isKind(e, 'massage_session') && isMassageDone(e)) {
      s.sessionsDone += 1;
    } else if (isKind(e, 'weight') && forBaby(e)) {
      const t = timeOf(e.occurredAt);
      if (t >= (lastWeightAt.get(s.day) ?? Number.NEGATIVE_INFINITY)) {
        lastWeightAt.set(s.day, t);
        s.lastWeightG = e.data.grams;
      }
    }
  }
  // Millilitres are logged with decimals; round the sums so 2.1 + 3.2 shows as 5.3, not 5.300000000000001.
  for (const s of summaries) {
    const ml = s.expressedMl;
    s.expressedMl = { left: oneDecimal(ml.left), right: oneDecimal(ml.right), total: oneDecimal(ml.total) };
  }
  return summaries;
}

function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface LastFeed {
  entryId: string;
  at: string;
  side: FeedData['side'];
  /** Whole minutes since the feed started; 0 for a time ahead of `now` (a phone clock running fast). */
  minutesSince: number;
}

/** The home screen's "last feed … ago, on the left": the latest feed of the baby, or null before any. */
export function lastFeed(input: {
  entries: readonly HouseholdEntry[];
  babyId: string | null;
  now: Date;
}): LastFeed | null {
  let latest: HouseholdEntry<'feed'> | undefined;
  for (const e of currentEntries(input.entries)) {
    if (!isKind(e, 'feed') || (input.babyId !== null && e.babyId !== input.babyId)) continue;
    if (!latest || timeOf(e.occurredAt) >= timeOf(latest.occurredAt)) latest = e;
  }
  if (!latest) return null;
  const minutes = Math.floor((input.now.getTime() - timeOf(latest.occurredAt)) / 60_000);
  return { entryId: latest.id, at: latest.occurredAt, side: latest.data.side, minutesSince: Math.max(minutes, 0) };
}
