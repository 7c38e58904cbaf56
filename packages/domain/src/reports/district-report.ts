import {
  type FacilityReport,
  type FacilityReportInput,
  facilityReport,
  type ReportAlertRow,
  type ReportCompanionRow,
  type ReportMotherRow,
} from './facility-report.ts';
import type { ReportPeriod } from './period.ts';

/**
 * The district view: a few figures per facility and for the district as a whole, for system administrators. No
 * identities, and small cells suppressed: a count of 1 to 4, or a share or median resting on 1 to 4 people, is shown
 * as "<5" so that nobody can be recognised in a small facility. Zero stays zero (nobody to recognise).
 */
export const SMALL_CELL = '<5';
export const SMALL_CELL_MAX = 4;

export type Count = number | typeof SMALL_CELL;
/** A share (0-1) or a median; null when there is nothing to compute it from. */
export type Figure = number | typeof SMALL_CELL | null;

export interface DistrictRow {
  /** Null for the district total. */
  facilityId: string | null;
  facilityName: string;
  mothersEnrolled: Count;
  protocolFinished: Count;
  protocolCompleted: Count;
  protocolCompletedShare: Figure;
  /** Median adherence in percent. */
  adherenceMedian: Figure;
  adequateDay3: Figure;
  adequateDay7: Figure;
  adequateDay14: Figure;
  alertsRaised: Count;
  alertsClosed: Count;
  medianHoursToFirstAction: Figure;
  companionsTrained: Count;
  companionsCompetent: Count;
}

export interface DistrictReport {
  district: string;
  period: ReportPeriod;
  generatedAt: string;
  facilities: DistrictRow[];
  total: DistrictRow;
  /** The rule used, for the page and the file: counts 1-4 shown as "<5". */
  suppression: { smallCellMax: number; shownAs: typeof SMALL_CELL };
}

export interface DistrictReportInput extends Omit<FacilityReportInput, 'mothers' | 'alerts' | 'companions'> {
  district: string;
  facilities: readonly { id: string; name: string }[];
  mothers: readonly ReportMotherRow[];
  alerts: readonly ReportAlertRow[];
  companions: readonly ReportCompanionRow[];
}

const small = (n: number) => n >= 1 && n <= SMALL_CELL_MAX;

export function suppressCount(n: number): Count {
  return small(n) ? SMALL_CELL : n;
}

/** A share suppressed when its numerator or its denominator is a small cell. */
export function suppressShare(part: number, whole: number): Figure {
  if (whole === 0) return null;
  if (small(part) || small(whole)) return SMALL_CELL;
  return part / whole;
}

/** A median suppressed when it rests on 1 to 4 values. */
export function suppressMedian(n: number, median: number | null): Figure {
  if (n === 0 || median === null) return null;
  return small(n) ? SMALL_CELL : median;
}

function rowOf(facilityId: string | null, facilityName: string, r: FacilityReport): DistrictRow {
  const day = (d: number) => {
    const a = r.adequacy.find((x) => x.day === d);
    return a ? suppressShare(a.adequate, a.n) : null;
  };
  return {
    facilityId,
    facilityName,
    mothersEnrolled: suppressCount(r.mothersEnrolled),
    protocolFinished: suppressCount(r.protocol.finished),
    protocolCompleted: suppressCount(r.protocol.completed),
    protocolCompletedShare: suppressShare(r.protocol.completed, r.protocol.finished),
    adherenceMedian: suppressMedian(r.adherence.n, r.adherence.percent.median),
    adequateDay3: day(3),
    adequateDay7: day(7),
    adequateDay14: day(14),
    alertsRaised: suppressCount(r.alerts.raised),
    alertsClosed: suppressCount(r.alerts.closed),
    medianHoursToFirstAction: suppressMedian(r.alerts.hoursToFirstAction.n, r.alerts.hoursToFirstAction.median),
    companionsTrained: suppressCount(r.companions.trained),
    companionsCompetent: suppressCount(r.companions.competent),
  };
}

/**
 * One row per facility of the district (in the order given) and the district total, computed over all of the
 * district's mothers together (a median of medians would be wrong).
 */
export function districtReport(input: DistrictReportInput): DistrictReport {
  // Group every row by facility once (a district can hold many facilities and many rows).
  const facilityOf = new Map(input.mothers.map((m) => [m.motherId, m.facilityId]));
  const groups = new Map(
    input.facilities.map((f) => [
      f.id,
      {
        mothers: [] as ReportMotherRow[],
        massage: [] as FacilityReportInput['massage'][number][],
        expression: [] as FacilityReportInput['expression'][number][],
        weights: [] as FacilityReportInput['weights'][number][],
        adequacy: [] as FacilityReportInput['adequacy'][number][],
        alerts: [] as ReportAlertRow[],
        companions: [] as ReportCompanionRow[],
      },
    ]),
  );
  const groupOfMother = (motherId: string) => groups.get(facilityOf.get(motherId) ?? '');
  for (const m of input.mothers) groups.get(m.facilityId)?.mothers.push(m);
  for (const r of input.massage) groupOfMother(r.motherId)?.massage.push(r);
  for (const r of input.expression) groupOfMother(r.motherId)?.expression.push(r);
  for (const r of input.weights) groupOfMother(r.motherId)?.weights.push(r);
  for (const r of input.adequacy) groupOfMother(r.motherId)?.adequacy.push(r);
  for (const a of input.alerts) groups.get(a.facilityId)?.alerts.push(a);
  for (const c of input.companions) groups.get(c.facilityId)?.companions.push(c);

  const perFacility = input.facilities.map((f) => {
    const group = groups.get(f.id);
    const report = facilityReport({ period: input.period, now: input.now, ...(group as NonNullable<typeof group>) });
    return rowOf(f.id, f.name, report);
  });
  const all = [...groups.values()];
  const total = facilityReport({
    period: input.period,
    now: input.now,
    mothers: all.flatMap((g) => g.mothers),
    massage: all.flatMap((g) => g.massage),
    expression: all.flatMap((g) => g.expression),
    weights: all.flatMap((g) => g.weights),
    adequacy: all.flatMap((g) => g.adequacy),
    alerts: all.flatMap((g) => g.alerts),
    companions: all.flatMap((g) => g.companions),
  });
  return {
    district: input.district,
    period: input.period,
    generatedAt: input.now.toISOString(),
    facilities: perFacility,
    total: rowOf(null, input.district, total),
    suppression: { smallCellMax: SMALL_CELL_MAX, shownAs: SMALL_CELL },
  };
}
