import type { ScoreSummary, TrainingResults } from '@lancar/contracts';
import type { Locale } from '../../i18n/i18n.ts';

/**
 * Numbers of the training results as people in each language write them (Indonesian uses a decimal comma). Pure:
 * the locale is passed in, so the formatting is tested without a browser; words stay in the components.
 */

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** Exactly `digits` decimals: 47,8 / 8,79. */
export function fixed(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Up to `digits` decimals, none when the number is whole: a median of 50 or 52,5. */
export function upTo(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** A signed number with a real minus sign, so "+3" and "−3" read the same width: +32,2 / −4,0 / 0,0. */
export function signed(value: number, digits: number, locale: Locale): string {
  // Rounded first, so a change of −0,04 shown with one decimal is "0,0", not "−0,0".
  const rounded = Number(value.toFixed(digits));
  const text = fixed(Math.abs(rounded), digits, locale);
  if (rounded === 0) return text;
  return rounded > 0 ? `+${text}` : `−${text}`;
}

/** p as journals print it: "< 0,001" below one in a thousand, otherwise three decimals (0,023). */
export function pValue(p: number, locale: Locale): string {
  return p < 0.001 ? `< ${fixed(0.001, 3, locale)}` : fixed(p, 3, locale);
}

/** "p < 0,001" or "p = 0,023". */
export function pClause(p: number, locale: Locale): string {
  return p < 0.001 ? `p ${pValue(p, locale)}` : `p = ${pValue(p, locale)}`;
}

/** "47,8 (8,79)": mean with one decimal, SD with two; a dash when one score gives no SD. */
export function meanSd(summary: ScoreSummary, locale: Locale): string {
  return `${fixed(summary.mean, 1, locale)} (${summary.sd === null ? '–' : fixed(summary.sd, 2, locale)})`;
}

/** "50 (30–65)". */
export function medianRange(summary: ScoreSummary, locale: Locale): string {
  return `${upTo(summary.median, 1, locale)} (${upTo(summary.min, 1, locale)}–${upTo(summary.max, 1, locale)})`;
}

/** The bounds of the mean change's confidence interval with two decimals, or null when one pair gives none. */
export function changeInterval(
  change: NonNullable<TrainingResults['change']>,
  locale: Locale,
): { lower: string; upper: string } | null {
  if (change.ciLower === null || change.ciUpper === null) return null;
  return { lower: fixed(change.ciLower, 2, locale), upper: fixed(change.ciUpper, 2, locale) };
}

/** The test statistic as R names it: "t(24) = 23,22" for the t-test, "V = 12" for Wilcoxon's signed-rank test. */
export function testStatistic(test: NonNullable<TrainingResults['test']>, locale: Locale): string {
  return test.test === 't'
    ? `t(${test.df === null ? '' : upTo(test.df, 2, locale)}) = ${fixed(test.statistic, 2, locale)}`
    : `V = ${upTo(test.statistic, 1, locale)}`;
}

/** A share (0–1) as a whole percentage: "67%"; a dash when nobody answered. */
export function percent(share: number | null, locale: Locale): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A change between two shares in whole percentage points: "+22", "−5", "0"; a dash when either is missing. */
export function percentagePoints(change: number | null, locale: Locale): string {
  if (change === null) return '–';
  return signed(Math.round(change * 100), 0, locale);
}

/** Whether any sheet was entered item by item: total scores alone say nothing about which question was hard. */
export function hasItemAnswers(results: Pick<TrainingResults, 'items'>): boolean {
  return results.items.some((item) => item.pre.n > 0 || item.post.n > 0);
}

/** People whose scores are not in the pre-post comparison, by reason. */
export function leftOut(results: Pick<TrainingResults, 'counts'>): number {
  const { noPre, noPost, incomplete } = results.counts;
  return noPre + noPost + incomplete;
}
