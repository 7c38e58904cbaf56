import type { MetaAnalysisOutput, PooledOutput, PrismaSuppliedInput, ReviewDetailOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, patch } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import { formatNumber, locale } from '../../../i18n/i18n.ts';
import { designLabel } from './labels.ts';
import { reviewPath } from './literature-api.ts';

const OUTCOMES = [
  'milk-volume',
  'milk-volume-change',
  'milk-flow-adequate',
  'time-to-colostrum',
  'prolactin',
  'infant-weight',
  'breastfeeding-self-efficacy',
  'latch',
];

type Measure = 'MD' | 'SMD' | 'RR' | 'OR';

/** Meta-analysis of the included studies' extractions (forest plot inline) and the PRISMA 2020 diagram. */
export function AnalysisPanel({ review, onChanged }: { review: ReviewDetailOutput; onChanged: () => void }) {
  const [outcome, setOutcome] = useState('milk-flow-adequate');
  const [measure, setMeasure] = useState<Measure>('RR');
  const [method, setMethod] = useState<'FE' | 'DL' | 'REML'>('REML');
  const [subgroup, setSubgroup] = useState<'' | 'design' | 'combination'>('design');
  const [derived, setDerived] = useState<'include' | 'exclude'>('include');
  const [result, setResult] = useState<{ meta: MetaAnalysisOutput; forest: string | null }>();
  const run = useAction(async () => {
    setResult(undefined);
    const query = new URLSearchParams({ outcome, measure, method, derived, ...(subgroup ? { subgroup } : {}) });
    const meta = await get<MetaAnalysisOutput>(reviewPath(review.id, `/meta-analysis?${query}`));
    const forest = meta.overall ? await get<string>(reviewPath(review.id, `/forest.svg?${query}`)) : null;
    setResult({ meta, forest });
  });
  return (
    <section>
      <form class="form card" onSubmit={run.submit}>
        <h2>{t`Meta-analisis`}</h2>
        <p class="muted">
          {t`Dari ekstraksi studi yang disertakan pada tahap teks lengkap. Hasil dengan angka turunan dapat dikeluarkan sebagai analisis sensitivitas.`}
        </p>
        <div class="row">
          <label>
            {t`Luaran`}
            <input list="literature-outcomes" value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />
            <datalist id="literature-outcomes">
              {OUTCOMES.map((item) => (
                <option key={item} value={item} />
              ))}
            </datalist>
          </label>
          <label>
            {t`Ukuran efek`}
            <select value={measure} onChange={(e) => setMeasure(e.currentTarget.value as Measure)}>
              <option value="MD">{t`MD (beda rerata)`}</option>
              <option value="SMD">{t`SMD (Hedges g)`}</option>
              <option value="RR">{t`RR (rasio risiko)`}</option>
              <option value="OR">{t`OR (rasio odds)`}</option>
            </select>
          </label>
          <label>
            {t`Model`}
            <select value={method} onChange={(e) => setMethod(e.currentTarget.value as 'FE' | 'DL' | 'REML')}>
              <option value="REML">{t`Efek acak (REML)`}</option>
              <option value="DL">{t`Efek acak (DerSimonian-Laird)`}</option>
              <option value="FE">{t`Efek tetap`}</option>
            </select>
          </label>
          <label>
            {t`Subkelompok`}
            <select
              value={subgroup}
              onChange={(e) => setSubgroup(e.currentTarget.value as '' | 'design' | 'combination')}
            >
              <option value="">{t`Tanpa`}</option>
              <option value="design">{t`Desain`}</option>
              <option value="combination">{t`Pijat saja atau kombinasi`}</option>
            </select>
          </label>
          <label>
            {t`Angka turunan`}
            <select value={derived} onChange={(e) => setDerived(e.currentTarget.value as 'include' | 'exclude')}>
              <option value="include">{t`Sertakan`}</option>
              <option value="exclude">{t`Keluarkan`}</option>
            </select>
          </label>
        </div>
        <ProblemMessage error={run.error} />
        <button class="button primary" type="submit" disabled={run.busy}>
          {t`Hitung`}
        </button>
      </form>
      {result ? <MetaResult meta={result.meta} forest={result.forest} /> : null}
      <Prisma review={review} onChanged={onChanged} />
    </section>
  );
}

function MetaResult({ meta, forest }: { meta: MetaAnalysisOutput; forest: string | null }) {
  const show = (value: number) => formatNumber(Number((meta.logScale ? Math.exp(value) : value).toFixed(2)));
  const pooled = (p: PooledOutput | null) =>
    p
      ? `${show(p.estimate)} [${show(p.ciLower)}; ${show(p.ciUpper)}], I² ${Math.round(p.I2)}%`
      : t`kurang dari 2 studi`;
  const language = locale.value;
  return (
    <section class="card">
      <h3>{t`Hasil`}</h3>
      <p>
        {t`Gabungan (${meta.studies.length} studi)`}: {pooled(meta.overall)}
      </p>
      {meta.subgroups.length > 0 ? (
        <ul>
          {meta.subgroups.map((subgroup) => (
            <li key={subgroup.group}>
              {designLabel(subgroup.group)} (k = {subgroup.k}): {pooled(subgroup.pooled)}
            </li>
          ))}
        </ul>
      ) : null}
      {meta.studies.some((study) => study.usesDerived) ? (
        <p class="notice notice-warn">
          {t`Sebagian studi memakai angka turunan (bukan yang dilaporkan): ${meta.studies
            .filter((study) => study.usesDerived)
            .map((study) => study.label)
            .join(', ')}.`}
        </p>
      ) : null}
      {forest ? (
        // The SVG comes from Lancar's own server, built from escaped text.
        <div class="table-scroll" dangerouslySetInnerHTML={{ __html: forest }} />
      ) : null}
      {meta.leftOut.length > 0 ? (
        <>
          <h4>{t`Tidak digabung`}</h4>
          <ul>
            {meta.leftOut.map((item, index) => (
              <li key={`${item.referenceId}-${index}`}>
                {item.label}: {item.reason[language]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const SUPPLIED: { key: keyof PrismaSuppliedInput; label: () => string }[] = [
  { key: 'automationIneligible', label: () => t`Dikeluarkan oleh alat otomatis` },
  { key: 'removedOtherReasons', label: () => t`Dikeluarkan karena alasan lain` },
  { key: 'reportsNotRetrieved', label: () => t`Laporan tidak diperoleh` },
  { key: 'studiesIncluded', label: () => t`Jumlah studi disertakan (bila satu studi punya beberapa laporan)` },
];

function Prisma({ review, onChanged }: { review: ReviewDetailOutput; onChanged: () => void }) {
  const svg = useLoad(() => get<string>(reviewPath(review.id, '/prisma.svg')), [review, locale.value]);
  const [numbers, setNumbers] = useState<PrismaSuppliedInput>(review.prisma);
  const save = useAction(async () => {
    await patch(reviewPath(review.id), { prisma: numbers });
    onChanged();
  });
  return (
    <section class="card">
      <h2>{t`Diagram alur PRISMA 2020`}</h2>
      <ProblemMessage error={svg.error} />
      {svg.data ? <div class="table-scroll" dangerouslySetInnerHTML={{ __html: svg.data }} /> : null}
      <form class="form" onSubmit={save.submit}>
        <p class="muted">{t`Angka yang tidak bisa dihitung aplikasi:`}</p>
        <div class="row">
          {SUPPLIED.map(({ key, label }) => (
            <label key={key}>
              {label()}
              <input
                type="number"
                min={0}
                step={1}
                value={numbers[key] ?? ''}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  const next = { ...numbers };
                  if (value === '') delete next[key];
                  else next[key] = Number(value);
                  setNumbers(next);
                }}
              />
            </label>
          ))}
        </div>
        <ProblemMessage error={save.error} />
        <button class="button" type="submit" disabled={save.busy}>
          {t`Simpan angka`}
        </button>
      </form>
    </section>
  );
}
