import type { Me, StudyDetail, StudyList } from '@lancar/contracts';
import type { OutcomeMeasure, StratifyBy } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, post } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import { formatDate } from '../../../i18n/i18n.ts';
import { DEFAULT_FORM, type Design, definitionOf, type OutcomeRow, toggle } from './study-form.ts';
import { designLabel, MEASURES, measureLabel, measureTiming, statusLabel } from './study-text.ts';

function NewStudyForm({ user }: { user: Me }) {
  const { route } = useLocation();
  const [title, setTitle] = useState('');
  const [design, setDesign] = useState<Design>(DEFAULT_FORM.design);
  const [outcomes, setOutcomes] = useState<OutcomeRow[]>(DEFAULT_FORM.outcomes);
  const [preDay, setPreDay] = useState(DEFAULT_FORM.preDay);
  const [deliveryModes, setDeliveryModes] = useState(DEFAULT_FORM.deliveryModes);
  const [parities, setParities] = useState(DEFAULT_FORM.parities);
  const [gaMin, setGaMin] = useState(DEFAULT_FORM.gaMin);
  const [gaMax, setGaMax] = useState(DEFAULT_FORM.gaMax);
  const [enrolFrom, setEnrolFrom] = useState(DEFAULT_FORM.enrolFrom);
  const [enrolTo, setEnrolTo] = useState(DEFAULT_FORM.enrolTo);
  const [blockSizes, setBlockSizes] = useState(DEFAULT_FORM.blockSizes);
  const [stratifyBy, setStratifyBy] = useState<StratifyBy>(DEFAULT_FORM.stratifyBy);
  const create = useAction(async () => {
    const definition = definitionOf({
      title,
      design,
      facilityId: user.facility.id,
      outcomes,
      preDay,
      deliveryModes,
      parities,
      gaMin,
      gaMax,
      enrolFrom,
      enrolTo,
      blockSizes,
      stratifyBy,
    });
    const study = await post<StudyDetail>('/api/studies', { definition });
    route(`/studi/${study.id}`);
  });
  const setOutcome = (i: number, change: Partial<OutcomeRow>) =>
    setOutcomes(outcomes.map((o, j) => (j === i ? { ...o, ...change } : o)));

  return (
    <form class="form card" onSubmit={create.submit}>
      <h2>{t`Penelitian baru`}</h2>
      <label>
        {t`Judul`}
        <input required maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t`Desain`}
        <select value={design} onChange={(e) => setDesign(e.currentTarget.value as Design)}>
          {(['pre_post', 'two_group_nonrandomised', 'randomised'] as const).map((d) => (
            <option key={d} value={d}>
              {designLabel(d)}
            </option>
          ))}
        </select>
      </label>
      {design === 'two_group_nonrandomised' ? (
        <p class="muted">
          {t`Tanpa pengacakan, Anda memilih kelompok setiap ibu saat mendaftarkannya. Hasilnya hanya menunjukkan hubungan, bukan sebab-akibat.`}
        </p>
      ) : null}
      <fieldset>
        <legend>{t`Luaran (yang pertama adalah luaran utama)`}</legend>
        {outcomes.map((o, i) => (
          <div class="row" key={`${i}-${o.measure}`}>
            <select
              aria-label={t`Luaran`}
              value={o.measure}
              onChange={(e) => setOutcome(i, { measure: e.currentTarget.value as OutcomeMeasure })}
            >
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {measureLabel(m)}
                </option>
              ))}
            </select>
            {measureTiming(o.measure) === 'day' ? (
              <label>
                {t`Hari ke-`}
                <input
                  type="number"
                  min={1}
                  max={42}
                  value={o.day}
                  onInput={(e) => setOutcome(i, { day: e.currentTarget.value })}
                />
              </label>
            ) : null}
            {i > 0 ? (
              <button
                type="button"
                class="button secondary"
                onClick={() => setOutcomes(outcomes.filter((_, j) => j !== i))}
              >
                {t`Hapus`}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          class="button secondary"
          onClick={() => setOutcomes([...outcomes, { measure: 'weight_change_percent', day: '7' }])}
        >
          {t`Tambah luaran`}
        </button>
      </fieldset>
      <label>
        {t`Hari pengukuran awal (pra); kosongkan bila tidak ada`}
        <input type="number" min={1} max={42} value={preDay} onInput={(e) => setPreDay(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t`Kriteria inklusi`}</legend>
        {(['vaginal', 'caesarean'] as const).map((mode) => (
          <label class="check" key={mode}>
            <input
              type="checkbox"
              checked={deliveryModes.includes(mode)}
              onChange={(e) => setDeliveryModes(toggle(deliveryModes, mode, e.currentTarget.checked))}
            />
            {mode === 'vaginal' ? t`Persalinan normal` : t`Persalinan sesar`}
          </label>
        ))}
        {(['primipara', 'multipara'] as const).map((parity) => (
          <label class="check" key={parity}>
            <input
              type="checkbox"
              checked={parities.includes(parity)}
              onChange={(e) => setParities(toggle(parities, parity, e.currentTarget.checked))}
            />
            {parity === 'primipara' ? t`Primipara` : t`Multipara`}
          </label>
        ))}
        <label>
          {t`Usia kehamilan (minggu), dari–sampai; kosongkan bila semua`}
          <span class="row">
            <input type="number" value={gaMin} onInput={(e) => setGaMin(e.currentTarget.value)} />
            <input type="number" value={gaMax} onInput={(e) => setGaMax(e.currentTarget.value)} />
          </span>
        </label>
        <label>
          {t`Didaftarkan pada hari nifas ke-, dari–sampai`}
          <span class="row">
            <input type="number" value={enrolFrom} onInput={(e) => setEnrolFrom(e.currentTarget.value)} />
            <input type="number" value={enrolTo} onInput={(e) => setEnrolTo(e.currentTarget.value)} />
          </span>
        </label>
      </fieldset>
      {design === 'randomised' ? (
        <fieldset>
          <legend>{t`Pengacakan (blok permutasi, 1:1)`}</legend>
          <label>
            {t`Ukuran blok (dipilih acak), misalnya 4, 6`}
            <input value={blockSizes} onInput={(e) => setBlockSizes(e.currentTarget.value)} />
          </label>
          <label>
            {t`Stratifikasi`}
            <select value={stratifyBy} onChange={(e) => setStratifyBy(e.currentTarget.value as StratifyBy)}>
              <option value="none">{t`Tanpa strata`}</option>
              <option value="parity">{t`Menurut paritas`}</option>
              <option value="facility">{t`Menurut fasilitas`}</option>
              <option value="facility_and_parity">{t`Menurut fasilitas dan paritas`}</option>
            </select>
          </label>
          <p class="muted">
            {t`Urutan alokasi dibuat server dan disembunyikan: kelompok seorang ibu baru terlihat setelah ia didaftarkan.`}
          </p>
        </fieldset>
      ) : null}
      <ProblemMessage error={create.error} />
      <button type="submit" class="button primary" disabled={create.busy}>
        {t`Simpan dan mulai merekrut`}
      </button>
    </form>
  );
}

/** /studi: the facility's studies and a form for a new one. */
export default function StudiesPage({ user }: { user: Me }) {
  const studies = useLoad(() => get<StudyList>('/api/studies'), []);
  return (
    <section>
      <h1>{t`Studi`}</h1>
      <p class="muted">
        {t`Penelitian pada data program: hanya ibu yang setuju untuk penelitian, dan hanya dengan kode (pseudonim).`}
      </p>
      <ProblemMessage error={studies.error} />
      {studies.data && studies.data.studies.length === 0 ? <p>{t`Belum ada penelitian.`}</p> : null}
      <ul class="list">
        {studies.data?.studies.map((s) => (
          <li key={s.id}>
            <a href={`/studi/${s.id}`}>{s.title}</a>{' '}
            <span class="muted">
              {designLabel(s.design)} · {statusLabel(s.status)} · {t`${s.enrolled} ibu`} · {formatDate(s.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <NewStudyForm user={user} />
    </section>
  );
}
