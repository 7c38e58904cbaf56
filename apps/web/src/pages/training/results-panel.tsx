import type { TrainingResults } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { ItemDifficultyTable } from './item-difficulty-table.tsx';
import { hasItemAnswers } from './results-format.ts';
import { ResultsStatistics } from './results-statistics.tsx';
import { ResultsSummaryTable } from './results-summary-table.tsx';

/**
 * Pre-post knowledge results from `url` (a session's or the facility's), with PDF and CSV downloads. `full` adds the
 * summary table, the per-question table and who is left out; `revision` reloads the results after a change.
 */
export function ResultsPanel({
  url,
  title,
  full,
  revision = 0,
}: {
  url: string;
  title: string;
  full: boolean;
  revision?: number;
}) {
  const loaded = useLoad(() => get<TrainingResults>(url), [url, revision]);
  const results = loaded.data;
  return (
    <section class="card staff-results" aria-labelledby="staff-results-title" data-testid="results">
      <h2 id="staff-results-title">{title}</h2>
      <ProblemMessage error={loaded.error} />
      {!results ? (
        loaded.loading ? (
          <p class="muted">{t`Memuat…`}</p>
        ) : null
      ) : (
        <>
          <p class="muted staff-scope-note">
            {t`Nilai ini mengukur pengetahuan tentang pijat oksitosin, bukan produksi ASI. Batas lulus ${results.passMark} ditetapkan oleh program, bukan oleh bukti penelitian.`}
          </p>
          {results.counts.pairs === 0 ? (
            <p>{t`Belum ada pasangan nilai tes awal dan tes akhir.`}</p>
          ) : (
            <>
              {full ? <ResultsSummaryTable results={results} /> : null}
              <ResultsStatistics results={results} showMeans={!full} />
            </>
          )}
          {full ? <LeftOut results={results} /> : null}
          {full ? (
            hasItemAnswers(results) ? (
              <ItemDifficultyTable items={results.items} />
            ) : (
              <p class="muted" data-testid="results-no-items">
                {t`Belum ada lembar lengkap yang diisi per soal; nilai total saja tidak menunjukkan soal mana yang sulit.`}
              </p>
            )
          ) : null}
          <DownloadLinks url={url} />
          <p class="muted staff-small">{t`Dihitung ${formatDateTime(results.generatedAt)}`}</p>
        </>
      )}
    </section>
  );
}

/** Who is not in the pre-post comparison and why, so the n is never mistaken for everyone who came. */
function LeftOut({ results }: { results: TrainingResults }) {
  const { people, noPre, noPost, incomplete } = results.counts;
  const reasons = [
    noPre > 0 ? t`${noPre} tanpa tes awal` : null,
    noPost > 0 ? t`${noPost} tanpa tes akhir` : null,
    incomplete > 0 ? t`${incomplete} dengan lembar belum lengkap` : null,
  ].filter((r): r is string => r !== null);
  return (
    <p data-testid="results-left-out">
      {reasons.length === 0
        ? t`Semua ${people} peserta punya tes awal dan tes akhir lengkap.`
        : t`Dari ${people} peserta, tidak ikut dihitung: ${reasons.join(', ')}.`}
    </p>
  );
}

function DownloadLinks({ url }: { url: string }) {
  return (
    <p class="staff-actions">
      <a class="button secondary" href={`${url}.pdf`} download data-testid="download-pdf">
        {t`Unduh PDF (untuk dicetak)`}
      </a>
      <a class="button secondary" href={`${url}.csv`} download data-testid="download-csv">
        {t`Unduh CSV`}
      </a>
    </p>
  );
}
