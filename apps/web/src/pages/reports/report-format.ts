import type { Locale } from '../../i18n/i18n.ts';

/**
 * Numbers of the reports as people in each language write them (Indonesian uses a decimal comma). Pure: the locale
 * is passed in, so the formatting is tested without a browser.
 */
const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

export function fixed(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A share 0-1 as a whole percentage ("67%"), "–" when there is none, "<5" kept as it is. */
export function percent(share: number | string | null, locale: Locale): string {
  if (share === null) return '–';
  if (typeof share === 'string') return share;
  return `${fixed(share * 100, 0, locale)}%`;
}

/** A median with its interquartile range: "20,0 (15,0–25,0)"; "–" without values. */
export function medianIqr(
  s: { median: number | null; q1: number | null; q3: number | null },
  digits: number,
  locale: Locale,
): string {
  if (s.median === null) return '–';
  const range =
    s.q1 === null || s.q3 === null ? '' : ` (${fixed(s.q1, digits, locale)}–${fixed(s.q3, digits, locale)})`;
  return `${fixed(s.median, digits, locale)}${range}`;
}

/** A district cell: a number, "<5" for a suppressed small cell, "–" for nothing. */
export function cell(value: number | string | null, locale: Locale, digits = 0): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return fixed(value, digits, locale);
}
