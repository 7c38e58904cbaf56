/**
 * The midwife's postnatal visits (kunjungan nifas, KF1-KF4) and their due windows.
 *
 * The windows are the programme's configuration, taken from the Indonesian Ministry of Health schedule for
 * postpartum visits (KF1 6 hours to 2 days, KF2 days 3-7, KF3 days 8-28, KF4 days 29-42). The evidence file names
 * KF/KN visits but does not give the windows, so they live here as one table a programme can review.
 * Days are counted as midwives count them (day 1 = the first 24 hours after the birth, see `dayPostpartum`), so
 * "days 3-7" starts 48 hours after the birth and ends 168 hours after it.
 */
export const KF_CODES = ['KF1', 'KF2', 'KF3', 'KF4'] as const;
export type KfCode = (typeof KF_CODES)[number];
export const VISIT_CODES = [...KF_CODES, 'other'] as const;
export type VisitCode = (typeof VISIT_CODES)[number];
export const VISIT_PLACES = ['home', 'facility', 'phone'] as const;
export type VisitPlace = (typeof VISIT_PLACES)[number];
export const BREAST_FINDINGS = ['normal', 'engorged', 'red_painful'] as const;
export type BreastFinding = (typeof BREAST_FINDINGS)[number];

const HOUR_MS = 3600_000;

export interface KfWindowRule {
  code: KfCode;
  /** Hours after the birth the window opens (inclusive) and closes (exclusive). */
  fromHours: number;
  toHours: number;
  /** The same window in days postpartum, for people: KF2 is "day 3 to day 7". */
  fromDay: number;
  toDay: number;
}

export const KF_WINDOWS: readonly KfWindowRule[] = [
  { code: 'KF1', fromHours: 6, toHours: 48, fromDay: 1, toDay: 2 },
  { code: 'KF2', fromHours: 48, toHours: 7 * 24, fromDay: 3, toDay: 7 },
  { code: 'KF3', fromHours: 7 * 24, toHours: 28 * 24, fromDay: 8, toDay: 28 },
  { code: 'KF4', fromHours: 28 * 24, toHours: 42 * 24, fromDay: 29, toDay: 42 },
];

/** What the midwife observed about one baby during the visit; null = not observed. */
export interface BabyObservation {
  babyId: string;
  weightG: number | null;
  jaundice: boolean | null;
  /** A feed watched during the visit: the baby latched well. */
  goodLatch: boolean | null;
}

/** What the midwife observed during a visit; every item may be left out (null). */
export interface VisitObservations {
  temperatureC: number | null;
  bloodPressure: { systolic: number; diastolic: number } | null;
  breasts: BreastFinding | null;
  babies: BabyObservation[];
}

/** The instants a visit's window opens (inclusive) and closes (exclusive). */
export function kfWindow(deliveredAt: Date, code: KfCode): { start: Date; end: Date } {
  const rule = KF_WINDOWS.find((w) => w.code === code) as KfWindowRule;
  return {
    start: new Date(deliveredAt.getTime() + rule.fromHours * HOUR_MS),
    end: new Date(deliveredAt.getTime() + rule.toHours * HOUR_MS),
  };
}

/**
 * The visit whose window holds a moment (the code a form suggests). The first 6 hours belong to no window; they
 * are counted as KF1, the visit they come closest to.
 */
export function kfCodeAt(deliveredAt: Date, at: Date): KfCode | undefined {
  const hours = (at.getTime() - deliveredAt.getTime()) / HOUR_MS;
  if (hours < 0) return undefined;
  if (hours < KF_WINDOWS[0]!.fromHours) return 'KF1';
  return KF_WINDOWS.find((w) => hours >= w.fromHours && hours < w.toHours)?.code;
}

/** A stored visit as far as the schedule needs it. */
export interface RecordedVisit {
  id: string;
  visitCode: VisitCode;
  visitedAt: string;
  supersedes: string | null;
  voided: boolean;
}

/** The visits that count: not replaced by a correction, and not removed (a removal is a voided correction). */
export function currentVisits<V extends RecordedVisit>(visits: readonly V[]): V[] {
  const replaced = new Set(visits.map((v) => v.supersedes).filter((id): id is string => id !== null));
  return visits.filter((v) => !v.voided && !replaced.has(v.id));
}

/** done: recorded; due: its window is open now; overdue: the window closed without it; upcoming: not open yet. */
export type KfState = 'done' | 'due' | 'overdue' | 'upcoming';

export interface KfStatus {
  code: KfCode;
  start: Date;
  end: Date;
  state: KfState;
  /** The visit that did it (the earliest current one with this code), when done. */
  visitId: string | null;
  visitedAt: string | null;
  /** For a done visit: whether it took place inside its window. */
  inWindow: boolean | null;
}

export interface VisitSchedule {
  items: KfStatus[];
  /** The visit to plan next: the open one, else the next to open; undefined once KF4's window has closed. */
  next: KfStatus | undefined;
}

export function visitSchedule(deliveredAt: Date, visits: readonly RecordedVisit[], now: Date): VisitSchedule {
  const current = currentVisits(visits);
  const items = KF_CODES.map((code): KfStatus => {
    const { start, end } = kfWindow(deliveredAt, code);
    const done = current
      .filter((v) => v.visitCode === code)
      .sort((a, b) => Date.parse(a.visitedAt) - Date.parse(b.visitedAt))[0];
    if (done) {
      const at = Date.parse(done.visitedAt);
      return {
        code,
        start,
        end,
        state: 'done',
        visitId: done.id,
        visitedAt: done.visitedAt,
        inWindow: at >= start.getTime() && at < end.getTime(),
      };
    }
    const state: KfState =
      now.getTime() >= end.getTime() ? 'overdue' : now.getTime() >= start.getTime() ? 'due' : 'upcoming';
    return { code, start, end, state, visitId: null, visitedAt: null, inWindow: null };
  });
  const next = items.find((i) => i.state === 'due') ?? items.find((i) => i.state === 'upcoming');
  return { items, next };
}

/** Why a visit time cannot be right: before the birth, or not yet happened (beyond the allowed clock skew). */
export function visitTimeProblem(
  deliveredAt: Date | null,
  visitedAt: Date,
  now: Date,
  clockSkewMinutes: number,
): 'before_delivery' | 'future' | undefined {
  if (visitedAt.getTime() > now.getTime() + clockSkewMinutes * 60_000) return 'future';
  if (deliveredAt && visitedAt.getTime() < deliveredAt.getTime()) return 'before_delivery';
  return undefined;
}
