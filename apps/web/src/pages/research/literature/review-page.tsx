import type { ReviewDetailOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { AnalysisPanel } from './analysis-panel.tsx';
import { ExtractionPanel } from './extraction-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import { reviewPath } from './literature-api.ts';
import { ScreeningPanel } from './screening-panel.tsx';

type Tab = 'import' | 'screening' | 'extraction' | 'analysis';

/** /tinjauan/:id: one review, step by step: import, screening, extraction, meta-analysis and PRISMA (printable). */
export default function ReviewPage({ id }: { id: string }) {
  const review = useLoad(() => get<ReviewDetailOutput>(reviewPath(id)), [id]);
  const [tab, setTab] = useState<Tab>('screening');
  const tabs: { key: Tab; label: string }[] = [
    { key: 'import', label: t`Impor` },
    { key: 'screening', label: t`Penyaringan` },
    { key: 'extraction', label: t`Ekstraksi` },
    { key: 'analysis', label: t`Meta-analisis & PRISMA` },
  ];
  const data = review.data;
  const ta = data?.screening.title_abstract;
  return (
    <section>
      <p class="no-print">
        <a href="/tinjauan">← {t`Semua tinjauan`}</a>
      </p>
      <ProblemMessage error={review.error} />
      {data ? (
        <>
          <div class="title-row">
            <h1>{data.title}</h1>
            <button type="button" class="button no-print" onClick={() => window.print()}>
              {t`Cetak`}
            </button>
          </div>
          {data.question ? <p>{data.question}</p> : null}
          <p class="muted">
            {t`${data.references} rujukan dari ${data.sources.length} sumber; ${data.duplicates} duplikat; ${data.extracted} diekstraksi.`}{' '}
            {ta
              ? t`Judul/abstrak: ${ta.agreed_include + ta.resolved_include} disertakan, ${ta.agreed_exclude + ta.resolved_exclude} dikeluarkan, ${ta.conflict} konflik, ${ta.unscreened + ta.awaiting_second} belum selesai.`
              : null}
          </p>
          <nav class="tabs no-print" aria-label={t`Langkah tinjauan`}>
            {tabs.map((item) => (
              <a
                key={item.key}
                href={`#${item.key}`}
                class={tab === item.key ? 'active' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setTab(item.key);
                }}
              >
                {item.label}
              </a>
            ))}
          </nav>
          {tab === 'import' ? <ImportPanel reviewId={id} onImported={review.reload} /> : null}
          {tab === 'screening' ? <ScreeningPanel reviewId={id} onChanged={review.reload} /> : null}
          {tab === 'extraction' ? <ExtractionPanel reviewId={id} onChanged={review.reload} /> : null}
          {tab === 'analysis' ? <AnalysisPanel review={data} onChanged={review.reload} /> : null}
        </>
      ) : null}
    </section>
  );
}
