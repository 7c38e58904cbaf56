import { protocolById } from '@lancar/content';
import type { CarePlanOutput, MotherCreated } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import type { ProblemDetails } from '@lancar/contracts/problem';
import { newId, nikParts } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { ApiError, post } from '../../api/client.ts';
import { ActivationCard } from '../../components/activation-card.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDate, formatDateTime, locale } from '../../i18n/i18n.ts';
import { localDate } from '../../i18n/local-time.ts';
import { CarePlanForm } from './care-plan-form.tsx';
import { defaultDelivery } from './delivery-default.ts';

interface BabyDraft {
  id: string;
  sex: 'female' | 'male' | 'unknown';
  weight: string;
}

const today = () => localDate(new Date());

type Candidates = NonNullable<ProblemDetails['candidates']>;

/** What the server asked the midwife to decide before it saves: a NIK already enrolled, a NIK to check, a namesake. */
type Question =
  | { kind: 'nik-exists'; candidates: Candidates }
  | { kind: 'possible-duplicate'; candidates: Candidates }
  | { kind: 'nik-needs-confirmation'; messages: string[] };

function questionOf(error: unknown): Question | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const { type, candidates, errors } = error.problem;
  const kind = type.split('/').pop();
  if ((kind === 'nik-exists' || kind === 'possible-duplicate') && candidates) return { kind, candidates };
  if (kind === 'nik-needs-confirmation') return { kind, messages: (errors ?? []).map((e) => e.message) };
  return undefined;
}

/** The NIK's date of birth as the midwife types it, so a mistyped digit shows before sending. */
function NikHint({ nik }: { nik: string }) {
  const digits = nik.replace(/[\s.-]/g, '');
  if (digits.length === 0) return null;
  if (!/^[0-9]*$/.test(digits)) return <span class="field-hint error-text">{t`NIK hanya berisi angka.`}</span>;
  if (digits.length !== 16) return <span class="field-hint muted">{t`${digits.length} dari 16 angka`}</span>;
  const parts = nikParts(digits);
  if (!parts)
    return (
      <span class="field-hint error-text">{t`Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin.`}</span>
    );
  const date = `${String(parts.day).padStart(2, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.yearTwoDigits).padStart(2, '0')}`;
  return (
    <span class="field-hint muted">
      {parts.female
        ? t`Tanggal lahir menurut NIK: ${date} (perempuan)`
        : t`Tanggal lahir menurut NIK: ${date} (tertulis laki-laki)`}
    </span>
  );
}

function CandidateList({ candidates }: { candidates: Candidates }) {
  return (
    <ul class="plain-list" data-testid="duplicate-candidates">
      {candidates.map((c) => (
        <li key={c.id}>
          <strong>{c.fullName}</strong>
          <span class="muted">
            {' · '}
            {c.village ?? t`desa belum diisi`} · {t`lahir ${formatDate(c.dateOfBirth)}`} ·{' '}
            {t`bersalin ${formatDateTime(c.deliveredAt)}`}
          </span>
          <div>
            <a class="button secondary" href={`/ibu/${c.id}`}>
              {t`Buka data ibu yang sudah ada`}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The server's question and the midwife's choices; nothing is saved until she chooses. */
function QuestionPanel({
  question,
  busy,
  run,
}: {
  question: Question;
  busy: boolean;
  run: (confirm?: { nik?: boolean; notDuplicate?: boolean }) => Promise<void>;
}) {
  if (question.kind === 'nik-exists') {
    return (
      <div class="notice notice-error" role="alert" data-testid="duplicate-question">
        <strong>{t`Ibu dengan NIK ini sudah terdaftar di fasilitas ini.`}</strong>
        <p>{t`Satu NIK hanya untuk satu ibu. Buka data yang sudah ada, atau periksa lagi NIK yang diketik. Belum ada yang disimpan.`}</p>
        <CandidateList candidates={question.candidates} />
      </div>
    );
  }
  if (question.kind === 'possible-duplicate') {
    return (
      <div class="notice notice-warn" role="alert" data-testid="duplicate-question">
        <strong>{t`Mungkin ibu ini sudah terdaftar.`}</strong>
        <p>{t`Ada ibu dengan nama dan tanggal lahir yang sama di fasilitas ini. Belum ada yang disimpan.`}</p>
        <CandidateList candidates={question.candidates} />
        <p>
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            onClick={() => void run({ notDuplicate: true })}
          >
            {t`Ini orang lain, tetap daftarkan`}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div class="notice notice-warn" role="alert" data-testid="nik-question">
      <strong>{t`Periksa NIK dengan KTP sekali lagi.`}</strong>
      <ul>
        {question.messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <p>{t`Perbaiki NIK atau tanggal lahir lalu daftarkan lagi, atau jika keduanya sudah sesuai KTP:`}</p>
      <p>
        <button type="button" class="button secondary" disabled={busy} onClick={() => void run({ nik: true })}>
          {t`NIK sudah sesuai KTP, tetap simpan`}
        </button>
      </p>
    </div>
  );
}

/** Enrolment of a mother and her baby (or twins), with consent; hands out her activation code at the end. */
export default function EnrolMother() {
  const [id] = useState(newId);
  const [fullName, setFullName] = useState('');
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const [village, setVillage] = useState('');
  const [address, setAddress] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [firstDelivery] = useState(() => defaultDelivery(new Date()));
  const [deliveryDate, setDeliveryDate] = useState(firstDelivery.date);
  const [deliveryTime, setDeliveryTime] = useState(firstDelivery.time);
  const [mode, setMode] = useState('');
  const [parity, setParity] = useState('');
  const [weeks, setWeeks] = useState('');
  const [babies, setBabies] = useState<BabyDraft[]>([{ id: newId(), sex: 'unknown', weight: '' }]);
  const [consentCare, setConsentCare] = useState(false);
  const [consentResearch, setConsentResearch] = useState(false);
  const [created, setCreated] = useState<MotherCreated>();
  const [plan, setPlan] = useState<CarePlanOutput>();
  const [confirmNikWarnings, setConfirmNikWarnings] = useState(false);

  const updateBaby = (index: number, change: Partial<BabyDraft>) =>
    setBabies((list) => list.map((b, i) => (i === index ? { ...b, ...change } : b)));

  const { submit, run, busy, error } = useAction(async (confirm: { nik?: boolean; notDuplicate?: boolean } = {}) => {
    const nikConfirmed = confirmNikWarnings || confirm.nik === true;
    if (confirm.nik) setConfirmNikWarnings(true);
    const body = {
      id,
      fullName,
      ...(nik.trim() ? { nik } : {}),
      ...(phone.trim() ? { phone } : {}),
      ...(village.trim() ? { village } : {}),
      ...(address.trim() ? { address } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      deliveredAt: new Date(`${deliveryDate}T${deliveryTime}`).toISOString(),
      ...(mode ? { deliveryMode: mode } : {}),
      ...(parity ? { parity } : {}),
      ...(weeks ? { gestationalAgeWeeks: Number(weeks) } : {}),
      consentCare,
      consentResearch,
      babies: babies.map((b) => ({ id: b.id, sex: b.sex, ...(b.weight ? { birthWeightG: Number(b.weight) } : {}) })),
      ...(nikConfirmed ? { confirmNikWarnings: true } : {}),
      ...(confirm.notDuplicate ? { confirmNotDuplicate: true } : {}),
    };
    setCreated(await post<MotherCreated>('/api/mothers', body));
  });

  const question = questionOf(error);

  if (created) {
    return (
      <section>
        <h1>{t`Ibu terdaftar`}</h1>
        <p>
          <strong>{created.mother.fullName}</strong>
        </p>
        {created.activation ? (
          <ActivationCard activation={created.activation} name={created.mother.fullName} />
        ) : (
          <p class="card">{t`Ibu tidak punya nomor HP, jadi tidak ada kode aktivasi. Pendamping tetap bisa ditambahkan.`}</p>
        )}
        {created.mother.deliveredAt ? (
          <section class="card">
            <h2>{t`Protokol pijat dan tanggal mulai`}</h2>
            {plan ? (
              <p class="notice" role="status" data-testid="plan-assigned">
                {t`Protokol ditetapkan:`} {protocolById(plan.protocolId)?.name[locale.value] ?? plan.protocolId} ·{' '}
                {t`mulai ${formatDate(plan.startsOn ?? created.mother.deliveredAt)}`}
              </p>
            ) : (
              <CarePlanForm
                motherId={created.mother.id}
                deliveredAt={created.mother.deliveredAt}
                onAssigned={setPlan}
              />
            )}
          </section>
        ) : null}
        <p>
          <a class="button secondary" href={`/ibu/${created.mother.id}`}>
            {t`Buka catatan ibu dan tambah pendamping`}
          </a>
        </p>
      </section>
    );
  }

  return (
    <section>
      <h1>{t`Daftarkan ibu`}</h1>
      <form class="form" onSubmit={submit}>
        <fieldset class="card">
          <legend>{t`Ibu`}</legend>
          <label>
            {t`Nama lengkap`}
            <input
              name="fullName"
              required
              maxLength={LIMITS.nameMax}
              value={fullName}
              onInput={(e) => setFullName(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`NIK (boleh kosong)`}
            <input
              name="nik"
              inputMode="numeric"
              autoComplete="off"
              maxLength={32}
              value={nik}
              onInput={(e) => {
                setNik(e.currentTarget.value);
                setConfirmNikWarnings(false);
              }}
              placeholder={t`16 angka dari KTP`}
            />
            <NikHint nik={nik} />
          </label>
          <label>
            {t`Nomor HP (untuk masuk ke aplikasi)`}
            <input
              name="phone"
              type="tel"
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
              placeholder="0812…"
            />
          </label>
          <label>
            {t`Desa/kelurahan`}
            <input
              name="village"
              maxLength={LIMITS.villageMax}
              value={village}
              onInput={(e) => setVillage(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Alamat (boleh kosong)`}
            <input
              name="address"
              maxLength={LIMITS.addressMax}
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Tanggal lahir ibu`}
            <input
              name="dateOfBirth"
              type="date"
              max={today()}
              value={dateOfBirth}
              onInput={(e) => {
                setDateOfBirth(e.currentTarget.value);
                setConfirmNikWarnings(false);
              }}
            />
          </label>
        </fieldset>
        <fieldset class="card">
          <legend>{t`Persalinan`}</legend>
          <div class="row">
            <label>
              {t`Tanggal`}
              <input
                name="deliveryDate"
                type="date"
                required
                max={today()}
                value={deliveryDate}
                onInput={(e) => setDeliveryDate(e.currentTarget.value)}
              />
            </label>
            <label>
              {t`Jam`}
              <input
                name="deliveryTime"
                type="time"
                required
                value={deliveryTime}
                onInput={(e) => setDeliveryTime(e.currentTarget.value)}
              />
            </label>
          </div>
          <label>
            {t`Cara persalinan`}
            <select name="deliveryMode" value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
              <option value="">{t`Belum diisi`}</option>
              <option value="vaginal">{t`Normal (pervaginam)`}</option>
              <option value="caesarean">{t`Sesar`}</option>
            </select>
          </label>
          <label>
            {t`Paritas`}
            <select name="parity" value={parity} onChange={(e) => setParity(e.currentTarget.value)}>
              <option value="">{t`Belum diisi`}</option>
              <option value="primipara">{t`Anak pertama (primipara)`}</option>
              <option value="multipara">{t`Bukan anak pertama (multipara)`}</option>
            </select>
          </label>
          <label>
            {t`Usia kehamilan (minggu)`}
            <input
              name="gestationalAgeWeeks"
              type="number"
              inputMode="numeric"
              min={LIMITS.gestationalWeeksMin}
              max={LIMITS.gestationalWeeksMax}
              value={weeks}
              onInput={(e) => setWeeks(e.currentTarget.value)}
            />
          </label>
        </fieldset>
        {babies.map((baby, index) => (
          <fieldset class="card" key={baby.id}>
            <legend>{babies.length > 1 ? t`Bayi ${index + 1}` : t`Bayi`}</legend>
            <label>
              {t`Jenis kelamin`}
              <select
                name={`babySex${index}`}
                value={baby.sex}
                onChange={(e) => updateBaby(index, { sex: e.currentTarget.value as BabyDraft['sex'] })}
              >
                <option value="unknown">{t`Belum diisi`}</option>
                <option value="female">{t`Perempuan`}</option>
                <option value="male">{t`Laki-laki`}</option>
              </select>
            </label>
            <label>
              {t`Berat lahir (gram)`}
              <input
                name={`babyWeight${index}`}
                type="number"
                inputMode="numeric"
                min={LIMITS.birthWeightMinG}
                max={LIMITS.birthWeightMaxG}
                value={baby.weight}
                onInput={(e) => updateBaby(index, { weight: e.currentTarget.value })}
              />
            </label>
          </fieldset>
        ))}
        {babies.length < LIMITS.babiesMax ? (
          <button
            type="button"
            class="button secondary"
            onClick={() => setBabies((list) => [...list, { id: newId(), sex: 'unknown', weight: '' }])}
          >
            {t`+ Bayi kembar`}
          </button>
        ) : null}
        <fieldset class="card">
          <legend>{t`Persetujuan`}</legend>
          <label class="check">
            <input
              name="consentCare"
              type="checkbox"
              required
              checked={consentCare}
              onChange={(e) => setConsentCare(e.currentTarget.checked)}
            />
            {t`Ibu setuju datanya dicatat untuk pendampingan menyusui oleh fasilitas ini.`}
          </label>
          <label class="check">
            <input
              name="consentResearch"
              type="checkbox"
              checked={consentResearch}
              onChange={(e) => setConsentResearch(e.currentTarget.checked)}
            />
            {t`Ibu juga setuju datanya dipakai untuk penelitian tanpa nama (boleh menolak).`}
          </label>
        </fieldset>
        {question ? <QuestionPanel question={question} busy={busy} run={run} /> : <ProblemMessage error={error} />}
        <button class="button primary" type="submit" disabled={busy}>
          {busy ? t`Menyimpan…` : t`Daftarkan`}
        </button>
      </form>
    </section>
  );
}
