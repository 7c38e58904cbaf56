import { PROTOCOLS } from '@lancar/content';
import { type Executor, getFacility, listDistrictFacilities, loadReportRows, type ReportRows } from '@lancar/db';
import {
  activeDays,
  DEFAULT_REPORT_TIME_ZONE,
  type DistrictReport,
  districtReport,
  type FacilityReport,
  type FacilityReportInput,
  facilityReport,
  lastActiveDay,
  periodBounds,
  type ReportMotherRow,
  type ReportPeriod,
  startDayOfLife,
  zoneOffsetMinutes,
} from '@lancar/domain';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** A mother's current plan as the days it covers, or null without a plan (or with a protocol no longer known). */
function protocolOf(row: ReportRows['mothers'][number], timeZone: string): ReportMotherRow['protocol'] {
  const protocol = PROTOCOLS.find((p) => p.id === row.protocol_id);
  if (!protocol) return null;
  const offset = row.delivered_at ? zoneOffsetMinutes(timeZone, row.delivered_at) : 0;
  const startDay = row.delivered_at ? startDayOfLife(row.delivered_at, row.starts_on, offset) : null;
  const plan = { extendedToDay: row.extended_to_day, startDay };
  const days = activeDays(protocol, plan);
  return {
    firstDay: days[0] ?? protocol.firstDay,
    lastDay: lastActiveDay(protocol, plan),
    sessionsPerDayMin: protocol.sessionsPerDayMin,
  };
}

function inputOf(
  rows: ReportRows,
  period: ReportPeriod,
  now: Date,
): Omit<FacilityReportInput, 'period' | 'now'> & Pick<FacilityReportInput, 'period' | 'now'> {
  return {
    period,
    now,
    mothers: rows.mothers.map((m) => ({
      facilityId: m.facility_id,
      motherId: m.mother_id,
      deliveredAt: iso(m.delivered_at),
      protocol: protocolOf(m, period.timeZone),
    })),
    massage: rows.massage.map((r) => ({ motherId: r.mother_id, day: r.day, done: r.done })),
    expression: rows.expression.map((r) => ({ motherId: r.mother_id, day: r.day, ml: r.ml })),
    weights: rows.weights.map((r) => ({
      motherId: r.mother_id,
      babyId: r.baby_id,
      day: r.day,
      grams: r.grams,
      birthWeightG: r.birth_weight_g,
    })),
    adequacy: rows.adequacy.map((r) => ({ motherId: r.mother_id, day: r.day, result: r.result })),
    alerts: rows.alerts.map((a) => ({
      facilityId: a.facility_id,
      signId: a.sign_id,
      severity: a.severity,
      raisedAt: a.raised_at.toISOString(),
      firstActionAt: iso(a.first_action_at),
      closedAt: iso(a.closed_at),
    })),
    companions: rows.companions.map((c) => ({
      facilityId: c.facility_id,
      userId: c.user_id,
      tookPostTest: c.took_post_test,
      competent: c.competent,
    })),
  };
}

export interface FacilityReportWithName extends FacilityReport {
  facility: { id: string; name: string; district: string };
}

/** The facility report of one facility for a period of local dates (the facility's time zone, WIB by default). */
export async function loadFacilityReport(
  db: Executor,
  facilityId: string,
  dates: { from: string; to: string },
  now: Date,
): Promise<FacilityReportWithName> {
  const period: ReportPeriod = { ...dates, timeZone: DEFAULT_REPORT_TIME_ZONE };
  const { start, end } = periodBounds(period);
  const [facility, rows] = await Promise.all([
    getFacility(db, facilityId),
    loadReportRows(db, { facilityIds: [facilityId], start, end }),
  ]);
  return {
    ...facilityReport(inputOf(rows, period, now)),
    facility: { id: facilityId, name: facility?.name ?? '', district: facility?.district ?? '' },
  };
}

/** The district view: every facility whose district is `district`, aggregates only. Undefined for an unknown district. */
export async function loadDistrictReport(
  db: Executor,
  district: string,
  dates: { from: string; to: string },
  now: Date,
): Promise<DistrictReport | undefined> {
  const facilities = await listDistrictFacilities(db, district);
  if (facilities.length === 0) return undefined;
  const period: ReportPeriod = { ...dates, timeZone: DEFAULT_REPORT_TIME_ZONE };
  const { start, end } = periodBounds(period);
  const rows = await loadReportRows(db, { facilityIds: facilities.map((f) => f.id), start, end });
  return districtReport({
    ...inputOf(rows, period, now),
    district,
    facilities: facilities.map((f) => ({ id: f.id, name: f.name })),
  });
}
