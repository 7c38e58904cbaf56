import { dayPostpartum } from '../postpartum.ts';
import { dayOfLifeAt, dayOfLifeWindow } from './day-of-life.ts';
import { currentEntries, type HouseholdEntry, isKind } from './entries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** The parts of a massage protocol (content/protocols.json) the schedule needs. */
export interface ScheduleProtocol {
  /** Sessions asked for per day ("1 to 2 a day": sessionsPerDayMin 1, sessionsPerDay 2). */
  sessionsPerDay: number;
  /** Adherence counts this minimum as planned. */
  sessionsPerDayMin: number;
  firstDay: number;
  lastDay: number;
  extendableToDay: number | null;
  /** Local times (HH:MM) for reminders, one per session. */
  suggestedTimes: readonly string[];
}

/** The midwife's choice for one mother. */
export interface ScheduleCarePlan {
  extendedToDay: number | null;
  /**
   * The day of life the midwife's start date falls on (see startDayOfLife); null or absent: the protocol counts
   * from the delivery, as written. A later start moves the whole course: a 3-day protocol started on day 4 runs on
   * days 4-6, and an extension "to day 10" then ends on day 13.
   */
  startDay?: number | null;
}

/** How many days the plan's start date moves the protocol's course (never earlier than the protocol says). */
function startShift(protocol: ScheduleProtocol, plan: ScheduleCarePlan): number {
  return plan.startDay == null ? 0 : Math.max(0, plan.startDay - protocol.firstDay);
}

/** The first day massage is planned: the protocol's first day, moved by the start date when one is set. */
export function firstActiveDay(protocol: ScheduleProtocol, plan: ScheduleCarePlan): number {
  return protocol.firstDay + startShift(protocol, plan);
}

/**
 * The last day massage is planned. The midwife can only lengthen a protocol, and only as far as it allows:
 * an extension shorter than the protocol, or on a protocol that cannot be extended, changes nothing.
 */
export function lastActiveDay(protocol: ScheduleProtocol, plan: ScheduleCarePlan): number {
  const shift = startShift(protocol, plan);
  if (plan.extendedToDay === null || protocol.extendableToDay === null) return protocol.lastDay + shift;
  return Math.min(Math.max(plan.extendedToDay, protocol.lastDay), protocol.extendableToDay) + shift;
}

export function activeDays(protocol: ScheduleProtocol, plan: ScheduleCarePlan): number[] {
  const days: number[] = [];
  for (let d = firstActiveDay(protocol, plan); d <= lastActiveDay(protocol, plan); d++) days.push(d);
  return days;
}

/** Sessions planned on a day of life: the protocol's minimum on active days, none otherwise. */
export function plannedSessions(protocol: ScheduleProtocol, plan: ScheduleCarePlan, day: number): number {
  return day >= firstActiveDay(protocol, plan) && day <= lastActiveDay(protocol, plan) ? protocol.sessionsPerDayMin : 0;
}

/** A session counts as done when the massage was given, even if ended early; a safety stop is not a massage. */
export function isMassageDone(entry: HouseholdEntry): boolean {
  return isKind(entry, 'massage_session') && entry.data.outcome !== 'stopped_safety';
}

function minutesOfDay(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`suggested time must be HH:MM, got "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * When each suggested time falls within a day of life, in order. A day of life is 24 hours long, so every
 * local HH:MM falls in it exactly once. `utcOffsetMinutes` is the phone's offset (WIB 420, WITA 480, WIT 540):
 * suggested times are local clock times, so it decides which instant "08:00" is.
 */
export function suggestedTimesOnDay(
  protocol: Pick<ScheduleProtocol, 'suggestedTimes'>,
  deliveredAt: Date,
  day: number,
  utcOffsetMinutes: number,
): Date[] {
  const start = dayOfLifeWindow(deliveredAt, day).start.getTime();
  const localMsIntoDay = (((start + utcOffsetMinutes * MINUTE_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return protocol.suggestedTimes
    .map((t) => {
      const ahead = (((minutesOfDay(t) * MINUTE_MS - localMsIntoDay) % DAY_MS) + DAY_MS) % DAY_MS;
      return new Date(start + ahead);
    })
    .sort((a, b) => a.getTime() - b.getTime());
}

export interface ScheduleDay {
  day: number;
  /** Sessions counted for adherence (the protocol's minimum). */
  planned: number;
  /** Sessions asked for (the protocol's maximum), for display. */
  target: number;
  done: number;
  /** Planned sessions not done; null until the day is fully in the past. */
  missed: number | null;
}

export interface Adherence {
  /** Sessions done, at most the planned number per day. */
  done: number;
  /** Sessions due so far. */
  due: number;
  /** done / due; null while nothing is due yet. */
  ratio: number | null;
}

export interface MassageProgress {
  /** Today's day of life; undefined before the delivery. */
  today: number | undefined;
  days: ScheduleDay[];
  adherence: Adherence;
}

export interface MassageProgressInput {
  protocol: ScheduleProtocol;
  plan: ScheduleCarePlan;
  deliveredAt: Date;
  /** The household's entries; the current view is taken here, so corrections and voids are respected. */
  entries: readonly HouseholdEntry[];
  now: Date;
  /** The phone's UTC offset in minutes; places the local suggested times (see suggestedTimesOnDay). */
  utcOffsetMinutes: number;
}

/**
 * Planned, done and missed sessions per active day, and adherence so far.
 *
 * "Today" is the day of life that contains `now` (24-hour windows from the delivery, not the calendar date).
 * Adherence sums, over active days up to today, min(done, planned) and divides by the sessions due. A past
 * day's due is its planned number. Today's due is the number of suggested times already passed (at most the
 * planned number), but never less than the sessions already done, so a massage given before its suggested
 * time counts as due and done rather than being ignored.
 */
export function massageProgress(input: MassageProgressInput): MassageProgress {
  const doneByDay = new Map<number, number>();
  for (const entry of currentEntries(input.entries)) {
    if (!isMassageDone(entry)) continue;
    const day = dayOfLifeAt(input.deliveredAt, entry.occurredAt);
    if (day !== undefined) doneByDay.set(day, (doneByDay.get(day) ?? 0) + 1);
  }
  return massageProgressFromCounts({ ...input, doneByDay });
}

/**
 * The same as massageProgress from massage sessions done per day of life already counted (for example by the
 * database for a whole caseload at once).
 */
export function massageProgressFromCounts(
  input: Omit<MassageProgressInput, 'entries'> & { doneByDay: ReadonlyMap<number, number> },
): MassageProgress {
  const { protocol, plan, deliveredAt, now, utcOffsetMinutes, doneByDay } = input;
  const today = dayPostpartum(deliveredAt, now);

  let counted = 0;
  let due = 0;
  const days = activeDays(protocol, plan).map((day): ScheduleDay => {
    const planned = plannedSessions(protocol, plan, day);
    const done = doneByDay.get(day) ?? 0;
    const past = today !== undefined && day < today;
    if (past) {
      counted += Math.min(done, planned);
      due += planned;
    } else if (day === today) {
      const passed = suggestedTimesOnDay(protocol, deliveredAt, day, utcOffsetMinutes).filter(
        (t) => t.getTime() <= now.getTime(),
      ).length;
      const doneToday = Math.min(done, planned);
      counted += doneToday;
      due += Math.max(Math.min(passed, planned), doneToday);
    }
    return {
      day,
      planned,
      target: protocol.sessionsPerDay,
      done,
      missed: past ? Math.max(planned - done, 0) : null,
    };
  });

  return { today, days, adherence: { done: counted, due, ratio: due === 0 ? null : counted / due } };
}
