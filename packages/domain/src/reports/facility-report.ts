import { periodBounds, type ReportPeriod } from './period.ts';
import { type Spread, spread } from './quantile.ts';

/**
 * The facility report: what happened to the mothers enrolled in a period, from plain rows that the database has
 * already reduced (one row per mother, per mother and day of life, per alert, per companion). No I/O here.
 *
 * The cohort is the mothers enrolled in the period (not voided). Their massage, checklists, expressed milk and
 * weights count whenever they were logged: a mother enrolled on the 30th is followed into the next month. Alerts
 * are those raised in the period. Days of life are 24-hour windows from the delivery (day 1 = the first 24 hours).
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The days of life the charts show (the longest protocol is 14 days). */
export const REPORT_DAYS = 14;
/** The checklist days the report compares. */
export const ADEQUACY_DAYS = [3, 7, 14] as const;

/** The massage plan of a mother, resolved from her current care plan and its protocol. */
export interface ReportProtocol {
  firstDay: number;
  /** The last planned day, after the midwife's extension. */
  lastDay: number;
  /** Sessions a day that count as planned (the protocol's minimum). */
  sessionsPerDayMin: number;
}

export interface ReportMotherRow {
  facilityId: string;
  motherId: string;
  /** ISO 8601; null when the delivery is not recorded (then no day of life can be known). */
  deliveredAt: string | null;
  protocol: ReportProtocol | null;
}

/** Massage sessions given (a safety stop is not a massage) on one day of life. */
export interface ReportMassageDayRow {
  motherId: string;
  day: number;
  done: number;
}

/** Millilitres expressed on one day of life (left + right, every session that day). */
export interface ReportExpressionDayRow {
  motherId: string;
  day: number;
  ml: number;
}

/** A baby's last weight on one day of life, with the birth weight it is compared to. */
export interface ReportWeightDayRow {
  motherId: string;
  babyId: string;
  day: number;
  grams: number;
  birthWeightG: number;
}

/** The latest checklist a household saved about one day of life. */
export interface ReportAdequacyRow {
  motherId: string;
  day: number;
  result: 'adequate' | 'not_adequate' | 'incomplete';
}

export interface ReportAlertRow {
  facilityId: string;
  signId: string;
  severity: 'immediate' | 'soon';
  raisedAt: string;
  /** The first action of any kind (acknowledged, acted, closed); null while nobody acted. */
  firstActionAt: string | null;
  /** The first "closed" action; null while open. */
  closedAt: string | null;
}

/** A companion linked to a mother of the cohort. */
export interface ReportCompanionRow {
  facilityId: string;
  userId: string;
  /** A complete post-test was taken. */
  tookPostTest: boolean;
  /** The latest skill check passed (trainingStatus "competent"). */
  competent: boolean;
}

export interface FacilityReportInput {
  period: ReportPeriod;
  now: Date;
  mothers: readonly ReportMotherRow[];
  massage: readonly ReportMassageDayRow[];
  expression: readonly ReportExpressionDayRow[];
  weights: readonly ReportWeightDayRow[];
  adequacy: readonly ReportAdequacyRow[];
  alerts: readonly ReportAlertRow[];
  companions: readonly ReportCompanionRow[];
}

export interface ProtocolCompletion {
  /** Mothers of the cohort with a massage plan. */
  withPlan: number;
  /** Of those, the mothers whose planned days are all over: only they can have completed it. */
  finished: number;
  /** Of those, the mothers who had every planned session on every planned day. */
  completed: number;
  /** completed / finished; null when nobody finished. */
  share: number | null;
}

export interface AdherenceDistribution {
  /** Mothers with at least one planned day over. */
  n: number;
  below50: number;
  from50to79: number;
  atLeast80: number;
  /** Sessions done / planned, in percent, over the planned days that are over. */
  percent: Spread;
}

export interface AdequacyOnDay {
  day: number;
  /** Mothers whose household saved the checklist for this day. */
  n: number;
  adequate: number;
  notAdequate: number;
  incomplete: number;
  /** adequate / n; null when n = 0. */
  share: number | null;
}

export interface DaySpread extends Spread {
  day: number;
}

export interface AlertSignRow {
  signId: string;
  severity: 'immediate' | 'soon';
  raised: number;
  acted: number;
  closed: number;
  /** Hours from the alert to the first action; median over alerts with an action. */
  hoursToFirstAction: Spread;
}

export interface AlertSummary {
  raised: number;
  /** With any action (acknowledged, acted or closed). */
  acted: number;
  closed: number;
  hoursToFirstAction: Spread;
  bySign: AlertSignRow[];
}

export interface CompanionSummary {
  /** Companions linked to the cohort's mothers. */
  linked: number;
  /** Took a complete post-test. */
  trained: number;
  /** Their latest skill check passed. */
  competent: number;
}

export interface FacilityReport {
  period: ReportPeriod;
  generatedAt: string;
  mothersEnrolled: number;
  /** Mothers without a recorded delivery time: left out of everything by day of life. */
  withoutDelivery: number;
  protocol: ProtocolCompletion;
  adherence: AdherenceDistribution;
  adequacy: AdequacyOnDay[];
  /** Millilitres expressed per day of life, over mothers who logged expressed milk that day. */
  expressedMlByDay: DaySpread[];
  /** Change from birth weight in percent, per day of life, over babies weighed that day. */
  weightChangeByDay: DaySpread[];
  alerts: AlertSummary;
  companions: CompanionSummary;
  /**
   * Whether the records say if a baby was exclusively breastfed at the end of follow-up. They do not: a feed
   * records the side and minutes only (no formula or other drinks), and neither the checklist nor any other
   * record asks. The report says so instead of guessing from a proxy.
   */
  exclusiveBreastfeeding: { recorded: false };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const time = (iso: string) => Date.parse(iso);

function byMother<T extends { motherId: string }>(rows: readonly T[], ids: ReadonlySet<string>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    if (!ids.has(row.motherId)) continue;
    const list = map.get(row.motherId);
    if (list) list.push(row);
    else map.set(row.motherId, [row]);
  }
  return map;
}

/** Whether a whole day of life lies in the past at `now`. */
function dayOver(deliveredAt: string, day: number, now: Date): boolean {
  return time(deliveredAt) + day * DAY_MS <= now.getTime();
}

function massageOf(input: FacilityReportInput, cohort: readonly ReportMotherRow[]) {
  const ids = new Set(cohort.map((m) => m.motherId));
  const doneBy = new Map<string, Map<number, number>>();
  for (const [motherId, rows] of byMother(input.massage, ids)) {
    doneBy.set(motherId, new Map(rows.map((r) => [r.day, r.done])));
  }
  const protocol: ProtocolCompletion = { withPlan: 0, finished: 0, completed: 0, share: null };
  const ratios: number[] = [];
  for (const mother of cohort) {
    const plan = mother.protocol;
    if (!plan) continue;
    protocol.withPlan += 1;
    if (mother.deliveredAt === null) continue;
    const done = doneBy.get(mother.motherId) ?? new Map<number, number>();
    let planned = 0;
    let counted = 0;
    let everyDay = true;
    for (let day = plan.firstDay; day <= plan.lastDay; day++) {
      if (!dayOver(mother.deliveredAt, day, input.now)) {
        everyDay = false;
        continue;
      }
      const given = done.get(day) ?? 0;
      planned += plan.sessionsPerDayMin;
      counted += Math.min(given, plan.sessionsPerDayMin);
      if (given < plan.sessionsPerDayMin) everyDay = false;
    }
    if (dayOver(mother.deliveredAt, plan.lastDay, input.now)) {
      protocol.finished += 1;
      if (everyDay) protocol.completed += 1;
    }
    if (planned > 0) ratios.push((counted / planned) * 100);
  }
  protocol.share = share(protocol.completed, protocol.finished);
  const adherence: AdherenceDistribution = {
    n: ratios.length,
    below50: ratios.filter((r) => r < 50).length,
    from50to79: ratios.filter((r) => r >= 50 && r < 80).length,
    atLeast80: ratios.filter((r) => r >= 80).length,
    percent: spread(ratios),
  };
  return { protocol, adherence };
}

function adequacyOf(input: FacilityReportInput, ids: ReadonlySet<string>): AdequacyOnDay[] {
  return ADEQUACY_DAYS.map((day) => {
    const results = new Map<string, ReportAdequacyRow['result']>();
    for (const row of input.adequacy)
      if (row.day === day && ids.has(row.motherId)) results.set(row.motherId, row.result);
    const values = [...results.values()];
    const adequate = values.filter((r) => r === 'adequate').length;
    return {
      day,
      n: values.length,
      adequate,
      notAdequate: values.filter((r) => r === 'not_adequate').length,
      incomplete: values.filter((r) => r === 'incomplete').length,
      share: share(adequate, values.length),
    };
  });
}

function byDay(rows: readonly { day: number; value: number }[]): DaySpread[] {
  return Array.from({ length: REPORT_DAYS }, (_, i) => {
    const day = i + 1;
    return { day, ...spread(rows.filter((r) => r.day === day).map((r) => r.value)) };
  });
}

function alertsOf(rows: readonly ReportAlertRow[], start: Date, end: Date): AlertSummary {
  const inPeriod = rows.filter((a) => {
    const t = time(a.raisedAt);
    return t >= start.getTime() && t < end.getTime();
  });
  const hours = (a: ReportAlertRow) =>
    a.firstActionAt === null ? Number.NaN : Math.max(time(a.firstActionAt) - time(a.raisedAt), 0) / HOUR_MS;
  const summarise = (list: readonly ReportAlertRow[]) => ({
    raised: list.length,
    acted: list.filter((a) => a.firstActionAt !== null).length,
    closed: list.filter((a) => a.closedAt !== null).length,
    hoursToFirstAction: spread(list.map(hours)),
  });
  const signs = new Map<string, ReportAlertRow[]>();
  for (const a of inPeriod) signs.set(a.signId, [...(signs.get(a.signId) ?? []), a]);
  const bySign = [...signs.entries()]
    .map(([signId, list]) => ({ signId, severity: (list[0] as ReportAlertRow).severity, ...summarise(list) }))
    .sort((a, b) => b.raised - a.raised || a.signId.localeCompare(b.signId));
  return { ...summarise(inPeriod), bySign };
}

/**
 * The report for the mothers and alerts given. The caller passes the mothers enrolled in the period and the rows
 * about them (rows of other mothers are ignored), and the alerts of the facility (those raised outside the period
 * are ignored).
 */
export function facilityReport(input: FacilityReportInput): FacilityReport {
  const { start, end } = periodBounds(input.period);
  const cohort = input.mothers;
  const delivered = new Set(cohort.filter((m) => m.deliveredAt !== null).map((m) => m.motherId));
  const { protocol, adherence } = massageOf(input, cohort);
  const companionIds = new Set<string>();
  const companions = input.companions.filter((c) => !companionIds.has(c.userId) && companionIds.add(c.userId));
  return {
    period: input.period,
    generatedAt: input.now.toISOString(),
    mothersEnrolled: cohort.length,
    withoutDelivery: cohort.length - delivered.size,
    protocol,
    adherence,
    adequacy: adequacyOf(input, delivered),
    expressedMlByDay: byDay(
      input.expression.filter((r) => delivered.has(r.motherId)).map((r) => ({ day: r.day, value: r.ml })),
    ),
    weightChangeByDay: byDay(
      input.weights
        .filter((r) => delivered.has(r.motherId) && r.birthWeightG > 0)
        .map((r) => ({ day: r.day, value: ((r.grams - r.birthWeightG) * 100) / r.birthWeightG })),
    ),
    alerts: alertsOf(input.alerts, start, end),
    companions: {
      linked: companions.length,
      trained: companions.filter((c) => c.tookPostTest).length,
      competent: companions.filter((c) => c.competent).length,
    },
    exclusiveBreastfeeding: { recorded: false },
  };
}
