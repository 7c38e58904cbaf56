import type { TrainingResults } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { locale } from '../../i18n/i18n.ts';
import { changeInterval, fixed, meanSd, pClause, signed, testStatistic } from './results-format.ts';

function testName(test: 't' | 'wilcoxon'): string {
  return test === 't' ? t`Uji t berpasangan` : t`Uji peringkat bertanda Wilcoxon`;
}

/**
 * The headline figures of a pre-post comparison: pairs, mean before and after, the mean increase with its 95%
 * interval, the test the analysis plan chose and why, and the effect size.
 */
export function ResultsStatistics({ results, showMeans }: { results: TrainingResults; showMeans: boolean }) {
  const lang = locale.value;
  const { change, test, effectSize, pre, post } = results;
  const interval = change ? changeInterval(change, lang) : null;
  return (
    <dl class="facts staff-facts staff-statistics" data-testid="results-statistics">
      <dt>{t`Pasangan lengkap`}</dt>
      <dd data-testid="results-pairs">{results.counts.pairs}</dd>
      {showMeans && pre && post ? (
        <>
          <dt>{t`Rata-rata (SB)`}</dt>
          <dd>
            {t`tes awal`} {meanSd(pre, lang)} → {t`tes akhir`} {meanSd(post, lang)}
          </dd>
        </>
      ) : null}
      {change ? (
        <>
          <dt>{t`Rata-rata kenaikan nilai`}</dt>
          <dd data-testid="results-change">
            <strong>{signed(change.mean, 1, lang)}</strong>{' '}
            {interval ? t`(IK 95% ${interval.lower} sampai ${interval.upper})` : null}
          </dd>
        </>
      ) : null}
      <dt>{t`Uji statistik`}</dt>
      <dd data-testid="results-test">
        {test ? (
          <>
            <strong>
              {testName(test.test)}: {testStatistic(test, lang)}; {pClause(test.pValue, lang)}
            </strong>
            <br />
            <span class="muted" data-testid="results-test-reason">
              {test.reason[lang]}
            </span>
          </>
        ) : (
          <span class="muted">{results.testNote?.[lang] ?? t`Belum ada uji statistik.`}</span>
        )}
      </dd>
      {effectSize ? (
        <>
          <dt>{t`Besar efek (Hedges g_z)`}</dt>
          <dd data-testid="results-effect">
            {fixed(effectSize.hedgesGz, 2, lang)}{' '}
            {t`(IK 95% ${fixed(effectSize.ciLower, 2, lang)} sampai ${fixed(effectSize.ciUpper, 2, lang)})`}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
