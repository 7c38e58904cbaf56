import type { MotherDetail, VisitBody, VisitOutput } from '@lancar/contracts';
import { VISIT_LIMITS } from '@lancar/contracts/limits';
import {
  type BreastFinding,
  currentVisits,
  KF_WINDOWS,
  type KfStatus,
  kfCodeAt,
  newId,
  type VisitCode,
  type VisitPlace,
  visitSchedule,
} from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { toLocalInput } from '../../household/log/time-field.tsx';
import { formatDateTime, formatNumber } from '../../i18n/i18n.ts';

export function placeLabel(place: VisitPlace): string {
  switch (place) {
    case 'home':
      return t`di rumah`;
    case 'facility':
      return t`di fasilitas`;
    case 'phone':
      return t`lewat telepon`;
  }
}

export function breastsLabel(finding: BreastFinding): string {
  switch (finding) {
    case 'normal':
      return t`payudara normal`;
    case 'engorged':
      return t`payudara bengkak`;
    case 'red_painful':
      return t`payudara merah dan nyeri`;
  }
}

export function visitCodeLabel(code: VisitCode): string {
  return code === 'other' ? t`Kunjungan lain` : code;
}

function stateLabel(status: KfStatus): string {
  switch (status.state) {
    case 'done':
      return status.inWindow ? t`Sudah` : t`Sudah (di luar jadwal)`;
    case 'due':
      return t`Waktunya sekarang`;
    case 'overdue':
      return t`Terlewat`;
    case 'upcoming':
      return t`Belum waktunya`;
  }
}

const shortDate = (d: Date) => formatDateTime(d.toISOString());

/** What a visit's observations say, in one line. */
export function observationSummary(visit: VisitOutput, mother: MotherDetail): string {
  const o = visit.observations;
  const parts: string[] = [];
  if (o.temperatureC !== null) parts.push(t`suhu ${formatNumber(o.temperatureC)} °C`);
  if (o.bloodPressure) parts.push(t`TD ${o.bloodPressure.systolic}/${o.bloodPressure.diastolic} mmHg`);
  if (o.breasts) parts.push(breastsLabel(o.breasts));
  for (const b of o.babies) {
    const baby = mother.babies.length > 1 ? `${mother.babies.find((x) => x.id === b.babyId)?.name ?? t`bayi`}: ` : '';
    const bits: string[] = [];
    if (b.weightG !== null) bits.push(`${formatNumber(b.weightG)} g`);
    if (b.jaundice !== null) bits.push(b.jaundice ? t`kuning` : t`tidak kuning`);
    if (b.goodLatch !== null) bits.push(b.goodLatch ? t`pelekatan baik` : t`pelekatan belum baik`);
    if (bits.length > 0) parts.push(`${baby}${bits.join(', ')}`);
  }
  return parts.join(' · ');
}

/** The KF1-KF4 schedule, the form to record a visit (or correct one), and the visits so far. */
export function VisitsPanel({
  mother,
  visits,
  canRecord,
  onChanged,
}: {
  mother: MotherDetail;
  visits: readonly VisitOutput[];
  canRecord: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<VisitOutput | null | undefined>(undefined);
  const now = new Date();
  const deliveredAt = mother.deliveredAt ? new Date(mother.deliveredAt) : null;
  const schedule = deliveredAt ? visitSchedule(deliveredAt, visits, now) : null;
  const current = currentVisits(visits)
    .slice()
    .sort((a, b) => b.visitedAt.localeCompare(a.visitedAt));
  const remove = useAction(async (visit: VisitOutput) => {
    if (!window.confirm(t`Hapus kunjungan ini? Catatan lama tetap tersimpan sebagai riwayat.`)) return;
    await post<VisitOutput>(`/api/mothers/${mother.id}/visits`, {
      id: newId(),
      visitCode: visit.visitCode,
      visitedAt: visit.visitedAt,
      place: visit.place,
      observations: visit.observations,
      notes: visit.notes,
      supersedes: visit.id,
      voided: true,
    } satisfies VisitBody);
    onChanged();
  });

  return (
    <section class="card" data-testid="visits">
      <h2>{t`Kunjungan nifas (KF)`}</h2>
      {schedule ? (
        <>
          {schedule.next ? (
            <p data-testid="next-visit">
              <strong>
                {t`Berikutnya: ${schedule.next.code}`} ·{' '}
                {schedule.next.state === 'due' ? t`waktunya sekarang` : t`belum waktunya`}
              </strong>
              <br />
              <span class="muted">{t`${shortDate(schedule.next.start)} sampai ${shortDate(schedule.next.end)}`}</span>
            </p>
          ) : (
            <p class="muted">{t`Masa nifas (42 hari) sudah lewat.`}</p>
          )}
          <ul class="plain-list kf-list">
            {schedule.items.map((item) => {
              const rule = KF_WINDOWS.find((w) => w.code === item.code);
              return (
                <li key={item.code} class={`kf kf-${item.state}`} data-testid={`kf-${item.code}`}>
                  <strong>{item.code}</strong>
                  <span class="muted">
                    {item.code === 'KF1' ? t`6 jam–hari ke-2` : t`hari ke-${rule?.fromDay ?? ''}–${rule?.toDay ?? ''}`}
                  </span>
                  <span class={`badge kf-badge-${item.state}`}>{stateLabel(item)}</span>
                  {item.visitedAt ? <span class="muted">{formatDateTime(item.visitedAt)}</span> : null}
                </li>
              );
            })}
          </ul>
          <p class="muted small">
            {t`Jadwal KF mengikuti konfigurasi program (jadwal Kemenkes): KF1 6 jam–2 hari, KF2 hari ke-3–7, KF3 hari ke-8–28, KF4 hari ke-29–42.`}
          </p>
        </>
      ) : (
        <p class="muted">{t`Waktu persalinan belum diisi: jadwal KF tidak bisa dihitung.`}</p>
      )}

      {canRecord ? (
        editing === undefined ? (
          <button type="button" class="button primary" data-testid="record-visit" onClick={() => setEditing(null)}>
            {t`Catat kunjungan`}
          </button>
        ) : (
          <VisitForm
            key={editing?.id ?? 'new'}
            mother={mother}
            correcting={editing}
            suggested={schedule?.next?.code}
            onDone={(saved) => {
              setEditing(undefined);
              if (saved) onChanged();
            }}
          />
        )
      ) : null}

      <h3>{t`Kunjungan yang tercatat`}</h3>
      <ProblemMessage error={remove.error} />
      {current.length === 0 ? <p class="muted">{t`Belum ada kunjungan.`}</p> : null}
      <ul class="plain-list visit-list" data-testid="visit-list">
        {current.map((visit) => (
          <li key={visit.id} data-testid="visit-item">
            <p>
              <strong>{visitCodeLabel(visit.visitCode)}</strong> · {formatDateTime(visit.visitedAt)} ·{' '}
              {placeLabel(visit.place)}
              {visit.supersedes ? <span class="muted"> · {t`dikoreksi`}</span> : null}
            </p>
            {observationSummary(visit, mother) ? <p>{observationSummary(visit, mother)}</p> : null}
            {visit.notes ? <p class="visit-notes">{visit.notes}</p> : null}
            <p class="muted">
              {visit.recordedByName ?? ''}
              {canRecord ? (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={() => setEditing(visit)}>
                    {t`Koreksi`}
                  </button>{' '}
                  <button type="button" class="link-button" onClick={() => void remove.run(visit)}>
                    {t`Hapus`}
                  </button>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type TriState = '' | 'yes' | 'no';
const fromTri = (v: TriState): boolean | null => (v === '' ? null : v === 'yes');
const toTri = (v: boolean | null | undefined): TriState => (v === null || v === undefined ? '' : v ? 'yes' : 'no');
const numberOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v.replace(',', '.')));

function VisitForm({
  mother,
  correcting,
  suggested,
  onDone,
}: {
  mother: MotherDetail;
  correcting: VisitOutput | null;
  suggested: VisitCode | undefined;
  onDone: (saved: boolean) => void;
}) {
  const o = correcting?.observations;
  const deliveredAt = mother.deliveredAt ? new Date(mother.deliveredAt) : null;
  const [visitedAt, setVisitedAt] = useState(toLocalInput(correcting ? new Date(correcting.visitedAt) : new Date()));
  const codeFor = (local: string): VisitCode => {
    const at = new Date(local);
    return (deliveredAt && !Number.isNaN(at.getTime()) ? kfCodeAt(deliveredAt, at) : undefined) ?? suggested ?? 'other';
  };
  const [code, setCode] = useState<VisitCode>(correcting?.visitCode ?? codeFor(visitedAt));
  const [codeTouched, setCodeTouched] = useState(correcting !== null);
  const [place, setPlace] = useState<VisitPlace>(correcting?.place ?? 'home');
  const [temperature, setTemperature] = useState(o?.temperatureC?.toString() ?? '');
  const [systolic, setSystolic] = useState(o?.bloodPressure?.systolic.toString() ?? '');
  const [diastolic, setDiastolic] = useState(o?.bloodPressure?.diastolic.toString() ?? '');
  const [breasts, setBreasts] = useState<BreastFinding | ''>(o?.breasts ?? '');
  const [babies, setBabies] = useState(
    mother.babies.map((b) => {
      const seen = o?.babies.find((x) => x.babyId === b.id);
      return {
        babyId: b.id,
        weight: seen?.weightG?.toString() ?? '',
        jaundice: toTri(seen?.jaundice),
        latch: toTri(seen?.goodLatch),
      };
    }),
  );
  const [notes, setNotes] = useState(correcting?.notes ?? '');
  const [localError, setLocalError] = useState<string>();

  const save = useAction(async () => {
    setLocalError(undefined);
    const at = new Date(visitedAt);
    if (Number.isNaN(at.getTime())) {
      setLocalError(t`Isi waktu kunjungan.`);
      return;
    }
    const bpGiven = systolic.trim() !== '' || diastolic.trim() !== '';
    if (bpGiven && (systolic.trim() === '' || diastolic.trim() === '')) {
      setLocalError(t`Isi tekanan darah sistolik dan diastolik, atau kosongkan keduanya.`);
      return;
    }
    const body: VisitBody = {
      id: newId(),
      visitCode: code,
      visitedAt: at.toISOString(),
      place,
      observations: {
        temperatureC: numberOrNull(temperature),
        bloodPressure: bpGiven ? { systolic: Number(systolic), diastolic: Number(diastolic) } : null,
        breasts: breasts === '' ? null : breasts,
        babies: babies
          .map((b) => ({
            babyId: b.babyId,
            weightG: numberOrNull(b.weight),
            jaundice: fromTri(b.jaundice),
            goodLatch: fromTri(b.latch),
          }))
          .filter((b) => b.weightG !== null || b.jaundice !== null || b.goodLatch !== null),
      },
      notes: notes.trim() === '' ? null : notes,
      supersedes: correcting?.id ?? null,
      voided: false,
    };
    await post<VisitOutput>(`/api/mothers/${mother.id}/visits`, body);
    onDone(true);
  });

  const setBaby = (index: number, change: Partial<(typeof babies)[number]>) =>
    setBabies(babies.map((b, i) => (i === index ? { ...b, ...change } : b)));
  const tri = (name: string, value: TriState, onChange: (v: TriState) => void, label: string) => (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as TriState)}>
        <option value="">{t`Tidak diperiksa`}</option>
        <option value="yes">{t`Ya`}</option>
        <option value="no">{t`Tidak`}</option>
      </select>
    </label>
  );

  return (
    <form class="form visit-form" onSubmit={save.submit} data-testid="visit-form">
      <h3>{correcting ? t`Koreksi kunjungan ${visitCodeLabel(correcting.visitCode)}` : t`Catat kunjungan`}</h3>
      <div class="form-row">
        <label>
          {t`Waktu kunjungan`}
          <input
            name="visitedAt"
            type="datetime-local"
            required
            max={toLocalInput(new Date())}
            value={visitedAt}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setVisitedAt(value);
              if (!codeTouched) setCode(codeFor(value));
            }}
          />
        </label>
        <label>
          {t`Kunjungan`}
          <select
            name="visitCode"
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value as VisitCode);
              setCodeTouched(true);
            }}
          >
            {(['KF1', 'KF2', 'KF3', 'KF4', 'other'] as const).map((c) => (
              <option key={c} value={c}>
                {visitCodeLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t`Tempat`}
          <select name="place" value={place} onChange={(e) => setPlace(e.currentTarget.value as VisitPlace)}>
            <option value="home">{t`Rumah`}</option>
            <option value="facility">{t`Fasilitas kesehatan`}</option>
            <option value="phone">{t`Telepon`}</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t`Ibu`}</legend>
        <div class="form-row">
          <label>
            {t`Suhu (°C, boleh kosong)`}
            <input
              name="temperatureC"
              type="number"
              inputMode="decimal"
              step="0.1"
              min={VISIT_LIMITS.temperatureMinC}
              max={VISIT_LIMITS.temperatureMaxC}
              value={temperature}
              onInput={(e) => setTemperature(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Sistolik (mmHg)`}
            <input
              name="systolic"
              type="number"
              inputMode="numeric"
              min={VISIT_LIMITS.systolicMin}
              max={VISIT_LIMITS.systolicMax}
              value={systolic}
              onInput={(e) => setSystolic(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Diastolik (mmHg)`}
            <input
              name="diastolic"
              type="number"
              inputMode="numeric"
              min={VISIT_LIMITS.diastolicMin}
              max={VISIT_LIMITS.diastolicMax}
              value={diastolic}
              onInput={(e) => setDiastolic(e.currentTarget.value)}
            />
          </label>
        </div>
        <label>
          {t`Payudara`}
          <select
            name="breasts"
            value={breasts}
            onChange={(e) => setBreasts(e.currentTarget.value as BreastFinding | '')}
          >
            <option value="">{t`Tidak diperiksa`}</option>
            <option value="normal">{t`Normal`}</option>
            <option value="engorged">{t`Bengkak`}</option>
            <option value="red_painful">{t`Merah dan nyeri`}</option>
          </select>
        </label>
      </fieldset>
      {babies.map((b, index) => {
        const baby = mother.babies.find((x) => x.id === b.babyId);
        return (
          <fieldset key={b.babyId}>
            <legend>{mother.babies.length > 1 ? (baby?.name ?? t`Bayi ${index + 1}`) : t`Bayi`}</legend>
            <div class="form-row">
              <label>
                {t`Berat (gram, boleh kosong)`}
                <input
                  name={`weight-${index}`}
                  type="number"
                  inputMode="numeric"
                  min="300"
                  max="7000"
                  value={b.weight}
                  onInput={(e) => setBaby(index, { weight: e.currentTarget.value })}
                />
              </label>
              {tri(`jaundice-${index}`, b.jaundice, (v) => setBaby(index, { jaundice: v }), t`Kuning (ikterus)`)}
              {tri(`latch-${index}`, b.latch, (v) => setBaby(index, { latch: v }), t`Menyusu diamati: pelekatan baik`)}
            </div>
          </fieldset>
        );
      })}
      <label>
        {t`Catatan`}
        <textarea
          name="notes"
          rows={3}
          maxLength={VISIT_LIMITS.notesMax}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </label>
      {localError ? (
        <p class="notice notice-error" role="alert">
          {localError}
        </p>
      ) : null}
      <ProblemMessage error={save.error} />
      <div class="choice-row">
        <button type="submit" class="button primary" disabled={save.busy} data-testid="save-visit">
          {correcting ? t`Simpan koreksi` : t`Simpan kunjungan`}
        </button>
        <button type="button" class="button secondary" onClick={() => onDone(false)}>
          {t`Batal`}
        </button>
      </div>
    </form>
  );
}
