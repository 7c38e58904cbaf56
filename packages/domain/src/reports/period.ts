/**
 * A report period: two calendar dates (inclusive) in the facility's time zone. Facilities have no time zone column
 * yet; Indonesian facilities default to WIB (Asia/Jakarta, UTC+7, no daylight saving).
 */
export const DEFAULT_REPORT_TIME_ZONE = 'Asia/Jakarta';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ReportPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
  timeZone: string;
}

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The zone's offset from UTC in minutes at an instant (WIB: 420). */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  // Making a formatter is slow (a report asks once per mother); one per zone is kept.
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant a local calendar date starts in a zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const first = utcMidnight - zoneOffsetMinutes(timeZone, new Date(utcMidnight)) * 60_000;
  // Once more with the offset at the guessed instant, for zones whose offset changes around midnight.
  return new Date(utcMidnight - zoneOffsetMinutes(timeZone, new Date(first)) * 60_000);
}

export function addDays(date: string, days: number): string {
  const start = new Date(`${date}T00:00:00Z`);
  return new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Start (inclusive) and end (exclusive) instants of a period; throws a RangeError when `to` is before `from`. */
export function periodBounds(period: ReportPeriod): { start: Date; end: Date } {
  if (period.to < period.from) throw new RangeError(`the period ends (${period.to}) before it starts (${period.from})`);
  return {
    start: startOfLocalDate(period.from, period.timeZone),
    end: startOfLocalDate(addDays(period.to, 1), period.timeZone),
  };
}

/** The local calendar date of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 10);
}

/** "This month" and "last month" as the period picker offers them, for the local date of `now`. */
export function monthPeriod(now: Date, timeZone: string, monthsBack: 0 | 1): ReportPeriod {
  const today = localDate(now, timeZone);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7)) - monthsBack;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const nextFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: first, to: monthsBack === 0 ? today : addDays(nextFirst, -1), timeZone };
}
