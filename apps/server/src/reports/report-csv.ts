import type { DistrictReport, DistrictRow } from '@lancar/domain';
import { toCsv } from '@lancar/reports';
import type { FacilityReportWithName } from './load-report.ts';
import { signName } from './report-text.ts';

/**
 * The facility report as long-format CSV for spreadsheets and R: one row per figure (section, measure, day, n,
 * value, q1, q3). Column names and measure codes stay English and machine-friendly whatever the language; only
 * `label` (sign names) follows the request's language. Numbers use a dot for decimals, as CSV tools expect.
 */
export const FACILITY_CSV_HEADER = ['section', 'measure', 'day', 'n', 'value', 'q1', 'q3', 'label'] as const;

type Row = [string, string, number | null, number | null, number | string | null, number | null, number | null, string];

export function facilityReportCsv(r: FacilityReportWithName, locale: 'id' | 'en'): string {
  const rows: Row[] = [
    ['period', 'from', null, null, r.period.from, null, null, r.period.timeZone],
    ['period', 'to', null, null, r.period.to, null, null, r.period.timeZone],
    ['mothers', 'enrolled', null, r.mothersEnrolled, r.mothersEnrolled, null, null, ''],
    ['mothers', 'without_delivery_time', null, r.withoutDelivery, r.withoutDelivery, null, null, ''],
    ['protocol', 'with_plan', null, r.protocol.withPlan, r.protocol.withPlan, null, null, ''],
    ['protocol', 'finished', null, r.protocol.finished, r.protocol.finished, null, null, ''],
    ['protocol', 'completed', null, r.protocol.finished, r.protocol.completed, null, null, ''],
    ['protocol', 'completed_share', null, r.protocol.finished, r.protocol.share, null, null, ''],
    ['adherence', 'below_50', null, r.adherence.n, r.adherence.below50, null, null, ''],
    ['adherence', '50_to_79', null, r.adherence.n, r.adherence.from50to79, null, null, ''],
    ['adherence', 'at_least_80', null, r.adherence.n, r.adherence.atLeast80, null, null, ''],
    [
      'adherence',
      'median_percent',
      null,
      r.adherence.percent.n,
      r.adherence.percent.median,
      r.adherence.percent.q1,
      r.adherence.percent.q3,
      '',
    ],
  ];
  for (const a of r.adequacy) {
    rows.push(['adequacy', 'adequate', a.day, a.n, a.adequate, null, null, '']);
    rows.push(['adequacy', 'not_adequate', a.day, a.n, a.notAdequate, null, null, '']);
    rows.push(['adequacy', 'incomplete', a.day, a.n, a.incomplete, null, null, '']);
    rows.push(['adequacy', 'adequate_share', a.day, a.n, a.share, null, null, '']);
  }
  for (const d of r.expressedMlByDay) rows.push(['expressed_ml', 'median', d.day, d.n, d.median, d.q1, d.q3, '']);
  for (const d of r.weightChangeByDay)
    rows.push(['weight_change_percent', 'median', d.day, d.n, d.median, d.q1, d.q3, '']);
  const h = r.alerts.hoursToFirstAction;
  rows.push(['alerts', 'raised', null, r.alerts.raised, r.alerts.raised, null, null, '']);
  rows.push(['alerts', 'acted', null, r.alerts.raised, r.alerts.acted, null, null, '']);
  rows.push(['alerts', 'closed', null, r.alerts.raised, r.alerts.closed, null, null, '']);
  rows.push(['alerts', 'hours_to_first_action', null, h.n, h.median, h.q1, h.q3, '']);
  for (const s of r.alerts.bySign) {
    const label = signName(s.signId, locale);
    const hs = s.hoursToFirstAction;
    rows.push([`alerts:${s.signId}`, 'raised', null, s.raised, s.raised, null, null, label]);
    rows.push([`alerts:${s.signId}`, 'closed', null, s.raised, s.closed, null, null, label]);
    rows.push([`alerts:${s.signId}`, 'hours_to_first_action', null, hs.n, hs.median, hs.q1, hs.q3, label]);
  }
  rows.push(['companions', 'linked', null, r.companions.linked, r.companions.linked, null, null, '']);
  rows.push(['companions', 'trained', null, r.companions.linked, r.companions.trained, null, null, '']);
  rows.push(['companions', 'competent', null, r.companions.linked, r.companions.competent, null, null, '']);
  rows.push(['exclusive_breastfeeding', 'not_recorded', null, null, null, null, null, '']);
  return toCsv(FACILITY_CSV_HEADER, rows);
}

export const DISTRICT_CSV_HEADER = [
  'facility',
  'mothers_enrolled',
  'protocol_finished',
  'protocol_completed',
  'protocol_completed_share',
  'adherence_median_percent',
  'adequate_share_day3',
  'adequate_share_day7',
  'adequate_share_day14',
  'alerts_raised',
  'alerts_closed',
  'median_hours_to_first_action',
  'companions_trained',
  'companions_competent',
] as const;

function districtCells(row: DistrictRow): (string | number | null)[] {
  return [
    row.facilityName,
    row.mothersEnrolled,
    row.protocolFinished,
    row.protocolCompleted,
    row.protocolCompletedShare,
    row.adherenceMedian,
    row.adequateDay3,
    row.adequateDay7,
    row.adequateDay14,
    row.alertsRaised,
    row.alertsClosed,
    row.medianHoursToFirstAction,
    row.companionsTrained,
    row.companionsCompetent,
  ];
}

/** One row per facility and the district total last; "<5" marks a suppressed small cell. */
export function districtReportCsv(r: DistrictReport): string {
  return toCsv(DISTRICT_CSV_HEADER, [
    ...r.facilities.map(districtCells),
    districtCells({ ...r.total, facilityName: `Total: ${r.district}` }),
  ]);
}
