import type {
  EligibleMotherList,
  StudyAnalysis,
  StudyDetail,
  StudyEnrolment,
  StudyEnrolmentList,
} from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, patch, post } from '../../../api/client.ts';
import { deliveryModeLabel, parityLabel } from '../../../components/labels.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import { formatDateTime } from '../../../i18n/i18n.ts';
import { AnalysisView } from './analysis-view.tsx';
import { bi, designLabel, statusLabel } from './study-text.ts';

/** /studi/:id: who can be enrolled, enrolling (the arm is shown only then), enrolments, downloads and analysis. */
export default function StudyPage({ id }: { id: string }) {
  const base = `/api/studies/${id}`;
  const study = useLoad(() => get<StudyDetail>(base), [id]);
  const eligible = useLoad(() => get<EligibleMotherList>(`${base}/eligible`), [id]);
  const enrolments = useLoad(() => get<StudyEnrolmentList>(`${base}/enrolments`), [id]);
  const analysis = useLoad(() => get<StudyAnalysis>(`${base}/analysis`), [id]);
  const [revealed, setRevealed] = useState<StudyEnrolment | null>(null);
  const [chosenArm, setChosenArm] = useState<Record<string, string>>({});
  const definition = study.data?.definition;
  const chooseArm = definition?.design === 'two_group_nonrandomised';
  const enrol = useAction(async (pseudonym: string) => {
    setRevealed(null);
    const armId = chooseArm ? (chosenArm[pseudonym] ?? definition?.arms[0]?.id) : undefined;
    const enrolment = await post<StudyEnrolment>(`${base}/enrolments`, {
      pseudonym,
      ...(armId ? { armId } : {}),
    });
    setRevealed(enrolment);
    study.reload();
    eligible.reload();
    enrolments.reload();
    analysis.reload();
  });

  const setStatus = useAction(async (status: 'recruiting' | 'closed') => {
    if (status === 'closed' && !window.confirm(t`Tutup pendaftaran? Penelitian yang ditutup tidak bisa dibuka lagi.`))
      return;
    await patch<StudyDetail>(base, { status });
    study.reload();
  });

  return (
    <section>
      <p class="no-print">
        <a href="/studi">{t`← Semua studi`}</a>
      </p>
      <ProblemMessage error={study.error} />
      {study.data && definition ? (
        <>
          <h1>{definition.title}</h1>
          <p class="muted">
            {designLabel(definition.design)} · {statusLabel(study.data.status)} · {t`${study.data.enrolled} ibu`}
          </p>
          <p class="no-print">
            {study.data.status === 'draft' ? (
              <button
                type="button"
                class="button secondary"
                disabled={setStatus.busy}
                onClick={() => void setStatus.run('recruiting')}
              >
                {t`Mulai merekrut`}
              </button>
            ) : null}{' '}
            {study.data.status !== 'closed' ? (
              <button
                type="button"
                class="button secondary"
                disabled={setStatus.busy}
                onClick={() => void setStatus.run('closed')}
              >
                {t`Tutup pendaftaran`}
              </button>
            ) : null}
          </p>
          <ProblemMessage error={setStatus.error} />
          <ul>
            {study.data.arms.map((arm) => (
              <li key={arm.armId ?? 'all'}>
                {bi(arm.label)}: {arm.enrolled}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div class="card no-print">
        <h2>{t`Ibu yang memenuhi kriteria`}</h2>
        {definition?.design === 'randomised' ? (
          <p class="muted">
            {t`Kelompok setiap ibu ditentukan oleh urutan alokasi tersembunyi dan baru ditampilkan setelah ia didaftarkan.`}
          </p>
        ) : null}
        {revealed ? (
          <div class="notice" role="status" data-testid="revealed-arm">
            <strong>
              {revealed.armLabel
                ? t`${revealed.pseudonym} didaftarkan ke kelompok: ${bi(revealed.armLabel)}`
                : t`${revealed.pseudonym} didaftarkan.`}
            </strong>
          </div>
        ) : null}
        <ProblemMessage error={enrol.error ?? eligible.error} />
        {eligible.data && eligible.data.mothers.length === 0 ? (
          <p>{t`Tidak ada ibu yang memenuhi kriteria saat ini.`}</p>
        ) : null}
        <div class="table-scroll">
          <table class="table">
            <tbody>
              {eligible.data?.mothers.map((m) => (
                <tr key={m.pseudonym}>
                  <td>
                    <code>{m.pseudonym}</code>
                  </td>
                  <td>{m.dayPostpartum === null ? '–' : t`Hari ke-${m.dayPostpartum}`}</td>
                  <td>{parityLabel(m.parity)}</td>
                  <td>{deliveryModeLabel(m.deliveryMode)}</td>
                  <td>
                    {chooseArm ? (
                      <select
                        aria-label={t`Kelompok`}
                        value={chosenArm[m.pseudonym] ?? definition?.arms[0]?.id}
                        onChange={(e) => setChosenArm({ ...chosenArm, [m.pseudonym]: e.currentTarget.value })}
                      >
                        {definition?.arms.map((a) => (
                          <option key={a.id} value={a.id}>
                            {bi(a.label)}
                          </option>
                        ))}
                      </select>
                    ) : null}{' '}
                    <button
                      type="button"
                      class="button secondary"
                      disabled={enrol.busy}
                      onClick={() => void enrol.run(m.pseudonym)}
                    >
                      {t`Daftarkan`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div class="card no-print">
        <h2>{t`Peserta terdaftar`}</h2>
        <ProblemMessage error={enrolments.error} />
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th>{t`Kode`}</th>
                <th>{t`Kelompok`}</th>
                <th>{t`Didaftarkan`}</th>
              </tr>
            </thead>
            <tbody>
              {enrolments.data?.enrolments.map((e) => (
                <tr key={e.pseudonym}>
                  <td>
                    <code>{e.pseudonym}</code>
                  </td>
                  <td>{e.armLabel ? bi(e.armLabel) : '–'}</td>
                  <td>{formatDateTime(e.enrolledAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div class="card no-print">
        <h2>{t`Unduh data`}</h2>
        <p class="muted">{t`Hanya kode peserta (pseudonim). Setiap unduhan dicatat di log akses.`}</p>
        <ul>
          <li>
            <a href={`${base}/dataset.xlsx`} download>
              {t`XLSX: buku kode, format lebar dan panjang`}
            </a>
          </li>
          <li>
            <a href={`${base}/dataset.csv?shape=wide`} download>
              {t`CSV lebar (satu baris per peserta)`}
            </a>
          </li>
          <li>
            <a href={`${base}/dataset.csv?shape=long`} download>
              {t`CSV panjang (satu baris per pengukuran)`}
            </a>
          </li>
          <li>
            <a href={`${base}/codebook.csv`} download>
              {t`Buku kode (CSV)`}
            </a>
          </li>
        </ul>
      </div>

      <ProblemMessage error={analysis.error} />
      {analysis.data ? <AnalysisView analysis={analysis.data} /> : null}
    </section>
  );
}
