/**
 * Checks on an enrolment that need more than a field's own format: the NIK's structure against the date of birth,
 * dates that cannot be true, the start of the massage protocol, and names compared for duplicates. Pure: the caller
 * passes the clock.
 *
 * A NIK (Nomor Induk Kependudukan) is 16 digits: 6 for the region (province, regency, district), 6 for the date of
 * birth as DDMMYY, with 40 added to the day for women, and a 4-digit serial number.
 */
import { ageInYears } from './postpartum.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NikParts {
  /** Day of the month of the date of birth (1-31), after taking away the 40 added for women. */
  day: number;
  month: number;
  /** Last two digits of the year of birth (the NIK does not say the century). */
  yearTwoDigits: number;
  /** The day was written with 40 added, as for women. */
  female: boolean;
}

/** The date of birth a NIK holds, or undefined when it is not 16 digits or the date part cannot be a date. */
export function nikParts(nik: string): NikParts | undefined {
  if (!/^[0-9]{16}$/.test(nik)) return undefined;
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearTwoDigits = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (day < 1 || month < 1 || month > 12) return undefined;
  // 29 February is allowed in any year: the century is unknown, so the leap year cannot be ruled out here.
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  if (day > daysInMonth) return undefined;
  return { day, month, yearTwoDigits, female };
}

export type NikIssue =
  /** Not 16 digits. */
  | 'nik-format'
  /** 16 digits, but digits 7-12 are not a date (DDMMYY, women DD+40). */
  | 'nik-date-invalid'
  /** The NIK's date differs from the date of birth given: one of them is probably mistyped. */
  | 'nik-dob-mismatch'
  /** The day is not raised by 40: the NIK of a man (often the husband's, copied from the family card). */
  | 'nik-not-female';

export interface NikCheck {
  /** Refused: the NIK cannot be right. */
  errors: NikIssue[];
  /** Shown to the midwife, who may confirm after checking the KTP (the NIK or the birth date may be the wrong one). */
  warnings: NikIssue[];
  /** The date the NIK holds, DD-MM-YY, for the message. */
  nikDate?: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Errors are what no real NIK can be. Disagreement with the stated date of birth and a man's NIK are warnings:
 * a KTP's recorded birth date sometimes differs from the one a mother gives, and a few NIKs were issued with
 * mistakes, so the midwife checks the card and may confirm rather than having to leave the NIK out.
 */
export function checkNik(nik: string, dateOfBirth: string | undefined): NikCheck {
  if (!/^[0-9]{16}$/.test(nik)) return { errors: ['nik-format'], warnings: [] };
  const parts = nikParts(nik);
  if (!parts) return { errors: ['nik-date-invalid'], warnings: [] };
  const nikDate = `${two(parts.day)}-${two(parts.month)}-${two(parts.yearTwoDigits)}`;
  const warnings: NikIssue[] = [];
  if (!parts.female) warnings.push('nik-not-female');
  if (dateOfBirth) {
    const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
    if (d !== parts.day || m !== parts.month || y % 100 !== parts.yearTwoDigits) warnings.push('nik-dob-mismatch');
  }
  return { errors: [], warnings, nikDate };
}

export type EnrolmentDateIssue =
  /** The delivery is later than now (beyond the allowed clock difference). */
  | 'delivery-in-future'
  /** The date of birth is not before the delivery. */
  | 'birth-date-after-delivery'
  /** Age at delivery outside 10-60 years: almost certainly a typing mistake in the year. */
  | 'age-implausible';

export const MOTHER_AGE_MIN_YEARS = 10;
export const MOTHER_AGE_MAX_YEARS = 60;

export function checkEnrolmentDates(input: {
  deliveredAt: Date;
  dateOfBirth: string | undefined;
  now: Date;
  clockSkewMinutes: number;
}): { path: 'deliveredAt' | 'dateOfBirth'; issue: EnrolmentDateIssue }[] {
  const issues: { path: 'deliveredAt' | 'dateOfBirth'; issue: EnrolmentDateIssue }[] = [];
  if (input.deliveredAt.getTime() > input.now.getTime() + input.clockSkewMinutes * 60_000)
    issues.push({ path: 'deliveredAt', issue: 'delivery-in-future' });
  if (input.dateOfBirth) {
    if (Date.parse(`${input.dateOfBirth}T00:00:00Z`) >= input.deliveredAt.getTime()) {
      issues.push({ path: 'dateOfBirth', issue: 'birth-date-after-delivery' });
    } else {
      const age = ageInYears(input.dateOfBirth, input.deliveredAt);
      if (age < MOTHER_AGE_MIN_YEARS || age > MOTHER_AGE_MAX_YEARS)
        issues.push({ path: 'dateOfBirth', issue: 'age-implausible' });
    }
  }
  return issues;
}

/** A protocol may start on the day of delivery and up to this many days later (the postpartum period). */
export const PROTOCOL_START_MAX_DAYS = 42;

/** The calendar date (YYYY-MM-DD) of a moment at a UTC offset in minutes (WIB 420). */
export function localDateAtOffset(moment: Date, utcOffsetMinutes: number): string {
  return new Date(moment.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Why a protocol start date is refused: before the delivery's local date, or too long after it. */
export function checkProtocolStart(
  startsOn: string,
  deliveredAt: Date,
  utcOffsetMinutes: number,
): 'before-delivery' | 'too-late' | undefined {
  const days = daysBetweenDates(localDateAtOffset(deliveredAt, utcOffsetMinutes), startsOn);
  if (days < 0) return 'before-delivery';
  if (days > PROTOCOL_START_MAX_DAYS) return 'too-late';
  return undefined;
}

/**
 * The day of life on which a protocol starting on a calendar date begins: the delivery's own date is day 1, the
 * next date day 2, and so on (a day of life runs from the delivery time, so "day 3" is the one that begins on the
 * third calendar date). Without a start date the protocol counts from delivery.
 */
export function startDayOfLife(deliveredAt: Date, startsOn: string | null, utcOffsetMinutes: number): number | null {
  if (!startsOn) return null;
  return Math.max(1, daysBetweenDates(localDateAtOffset(deliveredAt, utcOffsetMinutes), startsOn) + 1);
}

/**
 * A name as compared for duplicates: letters only, case, accents, punctuation and spacing ignored
 * ("Siti  Aminah", "SITI AMINAH" and "siti aminah." are the same name).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
