/** The automatic test choices treat Shapiro-Wilk p > 0.05 as "looks normal". */
export const NORMALITY_ALPHA = 0.05;

/** The Shapiro-Wilk result an automatic choice was based on. */
export interface NormalityCheck {
  test: 'shapiro-wilk';
  statistic: number;
  pValue: number;
}
