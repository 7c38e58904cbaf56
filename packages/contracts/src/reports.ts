import { z } from 'zod';
import { IsoDate, text } from './common.ts';

export type {
  AdequacyOnDay,
  AlertSignRow,
  Count,
  DaySpread,
  DistrictReport,
  DistrictRow,
  FacilityReport,
  Figure,
  ReportPeriod,
  Spread,
} from '@lancar/domain';

/** The longest period a report covers: a year (a facility's annual report). */
export const REPORT_MAX_DAYS = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

const period = {
  from: IsoDate,
  to: IsoDate,
};

function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  const span = dayNumber(q.to) - dayNumber(q.from);
  if (span < 0)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'the period ends before it starts / tanggal akhir sebelum tanggal awal',
    });
  else if (span + 1 > REPORT_MAX_DAYS)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a report covers at most ${REPORT_MAX_DAYS} days / laporan paling panjang ${REPORT_MAX_DAYS} hari`,
    });
}

/** GET /api/reports/facility(.pdf|.csv): the enrolment period, local dates of the facility, both inclusive. */
export const FacilityReportQuery = z.strictObject(period).superRefine(checkPeriod);
export type FacilityReportQuery = z.infer<typeof FacilityReportQuery>;

/** GET /api/reports/district(.csv): a district as written on its facilities (facility.district). */
export const DistrictReportQuery = z.strictObject({ district: text(120), ...period }).superRefine(checkPeriod);
export type DistrictReportQuery = z.infer<typeof DistrictReportQuery>;
