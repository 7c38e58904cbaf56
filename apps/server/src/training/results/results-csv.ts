import type { TrainingResults } from '@lancar/contracts';
import { toCsv } from '@lancar/reports';
import type { Locale } from '../../locale.ts';
import { sourceWord, statusWord } from './report-text.ts';

/**
 * One row per participant, for SPSS, R or Excel. Column names stay English and machine-friendly whatever the
 * language; status and source are coded values so an analysis script does not depend on the language either.
 */
export function resultsCsv(results: TrainingResults, locale: Locale): string {
  const header = ['name', 'source', 'pre_score', 'post_score', 'change', 'status', 'status_label', 'item_bank_version'];
  return toCsv(
    header,
    results.rows.map((row) => [
      row.name,
      row.source ?? '',
      row.pre,
      row.post,
      row.change,
      row.status,
      `${statusWord(row.status, locale)}${row.source ? ` (${sourceWord(row.source, locale)})` : ''}`,
      results.itemBankVersion,
    ]),
  );
}
