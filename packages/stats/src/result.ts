/** A sentence in Indonesian and English, for the explanations shown to midwives and researchers. */
export interface Bilingual {
  id: string;
  en: string;
}

/** The JSON-friendly shape every hypothesis test returns. */
export interface TestResult {
  /** Short identifier of the test ('t', 'wilcoxon', 'welch', 'student', 'mann-whitney', 'chi-square', 'fisher'). */
  test: string;
  /** R's method line, e.g. "Wilcoxon signed rank exact test", to quote in a report. */
  method: string;
  statistic: number;
  pValue: number;
  df?: number;
  n?: number;
  estimate?: number;
  ciLower?: number;
  ciUpper?: number;
  confLevel?: number;
  exact?: boolean;
  effectSize?: number;
  reason?: Bilingual;
}
