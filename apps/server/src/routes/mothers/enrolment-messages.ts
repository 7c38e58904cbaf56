import type { EnrolmentDateIssue, NikIssue } from '@lancar/domain';
import { MOTHER_AGE_MAX_YEARS, MOTHER_AGE_MIN_YEARS } from '@lancar/domain';
import type { Locale } from '../../locale.ts';

type Say = (locale: Locale, params: { nikDate?: string | undefined }) => string;

/** Field messages for the enrolment checks of packages/domain enrolment.ts, in the caller's language. */
const MESSAGES: Record<NikIssue | EnrolmentDateIssue, Say> = {
  'nik-format': (l) =>
    l === 'id'
      ? 'NIK harus tepat 16 angka (lihat KTP atau KK).'
      : 'The NIK must be exactly 16 digits (see the ID card).',
  'nik-date-invalid': (l) =>
    l === 'id'
      ? 'Angka ke-7 sampai ke-12 NIK adalah tanggal lahir (DDMMYY, tanggal perempuan ditambah 40) dan di sini bukan tanggal yang mungkin. Periksa NIK di KTP.'
      : 'Digits 7 to 12 of a NIK are the date of birth (DDMMYY, 40 added to the day for women) and here they are not a possible date. Check the NIK on the ID card.',
  'nik-dob-mismatch': (l, p) =>
    l === 'id'
      ? `Tanggal lahir di NIK (${p.nikDate}) berbeda dengan tanggal lahir yang diisi. Periksa KTP: salah satunya mungkin salah ketik.`
      : `The date of birth in the NIK (${p.nikDate}) differs from the date of birth entered. Check the ID card: one of them may be mistyped.`,
  'nik-not-female': (l) =>
    l === 'id'
      ? 'NIK ini tertulis seperti NIK laki-laki (tanggal lahir tidak ditambah 40). Mungkin NIK suami dari KK? Periksa KTP ibu.'
      : "This NIK is written like a man's (40 not added to the day of birth). Perhaps the husband's NIK from the family card? Check the mother's ID card.",
  'delivery-in-future': (l) =>
    l === 'id'
      ? 'Tanggal dan jam persalinan belum terjadi. Isi waktu persalinan yang sudah lewat (periksa juga jam di perangkat ini).'
      : 'The delivery date and time is in the future. Enter a delivery that has happened (check this device’s clock too).',
  'birth-date-after-delivery': (l) =>
    l === 'id'
      ? 'Tanggal lahir ibu harus sebelum tanggal persalinan.'
      : "The mother's date of birth must be before the delivery.",
  'age-implausible': (l) =>
    l === 'id'
      ? `Usia ibu saat bersalin di luar ${MOTHER_AGE_MIN_YEARS}-${MOTHER_AGE_MAX_YEARS} tahun. Periksa tahun lahirnya.`
      : `The mother's age at delivery is outside ${MOTHER_AGE_MIN_YEARS}-${MOTHER_AGE_MAX_YEARS} years. Check the year of birth.`,
};

export function enrolmentMessage(
  issue: NikIssue | EnrolmentDateIssue,
  locale: Locale,
  params: { nikDate?: string | undefined } = {},
): string {
  return MESSAGES[issue](locale, params);
}
