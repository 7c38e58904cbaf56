import { dayPostpartum } from '../postpartum.ts';

/**
 * One timeline of everything about a mother: what the household logged, alerts, the midwife's visits and
 * messages, and her companions' training. Grouped by day postpartum (the 24-hour days midwives count), newest
 * first; what happened before the birth (a companion trained during pregnancy) is grouped by calendar date.
 */
export const TIMELINE_KINDS = [
  'massage_session',
  'feed',
  'nappy',
  'expression',
  'weight',
  'mother_state',
  'adequacy_check',
  'danger_report',
  'alert',
  'visit',
  'message',
  'training',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEvent {
  id: string;
  kind: TimelineKind;
  /** ISO 8601 moment. */
  at: string;
}

export interface TimelineGroup<T extends TimelineEvent> {
  /** 'day:3' or 'date:2026-11-02'. */
  key: string;
  /** Day postpartum, or null for a group by calendar date. */
  day: number | null;
  /** Calendar date (in the given offset) of a group that has no day postpartum. */
  date: string | null;
  items: T[];
}

function localDate(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Groups events by day postpartum, newest day first and newest event first within a day. `kinds` keeps only those
 * kinds (all when absent). `offsetMinutes` is the viewer's offset from UTC, for the dates of groups without a day.
 */
export function groupTimeline<T extends TimelineEvent>(
  events: readonly T[],
  deliveredAt: Date | null,
  offsetMinutes: number,
  kinds?: ReadonlySet<TimelineKind>,
): TimelineGroup<T>[] {
  const groups = new Map<string, TimelineGroup<T> & { sort: number }>();
  for (const event of events) {
    if (kinds && !kinds.has(event.kind)) continue;
    const at = Date.parse(event.at);
    if (Number.isNaN(at)) continue;
    const day = deliveredAt ? dayPostpartum(deliveredAt, new Date(at)) : undefined;
    const date = day === undefined ? localDate(at, offsetMinutes) : null;
    const key = day === undefined ? `date:${date}` : `day:${day}`;
    let group = groups.get(key);
    if (!group) {
      // Days after the birth come before any date before it; within each, newest first.
      group = { key, day: day ?? null, date, items: [], sort: day === undefined ? -1e15 + at : day };
      groups.set(key, group);
    }
    group.items.push(event);
  }
  const newestFirst = (a: T, b: T) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  return [...groups.values()]
    .sort((a, b) => b.sort - a.sort)
    .map(({ sort: _sort, ...group }) => ({ ...group, items: group.items.sort(newestFirst) }));
}

/** How many events of each kind (for the filter buttons). */
export function countByKind(events: readonly TimelineEvent[]): Map<TimelineKind, number> {
  const counts = new Map<TimelineKind, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}
