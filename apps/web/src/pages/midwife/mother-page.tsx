import type {
  ActivationCode,
  CompanionCreated,
  Me,
  MotherDetail,
  TimelineOutput,
  VisitOutput,
} from '@lancar/contracts';
import { dailySummaries, type HouseholdEntry } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, post } from '../../api/client.ts';
import { ActivationCard } from '../../components/activation-card.tsx';
import { BabyList } from '../../components/baby-list.tsx';
import {
  accountStatusLabel,
  dayLabel,
  deliveryModeLabel,
  parityLabel,
  relationshipLabel,
  sexLabel,
} from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { trainingStatusLabel } from '../../household/training/training-labels.ts';
import { formatDate, formatDateTime, formatNumber, formatPhone } from '../../i18n/i18n.ts';
import { AlertTaskPanel } from './alert-task-panel.tsx';
import { AlertsPanel, CarePlanPanel, MessagePanel, RecordsPanel } from './care-panels.tsx';
import { MotherCharts } from './mother-charts.tsx';
import './mother-page.css';
import { TimelinePanel } from './timeline-panel.tsx';
import { VisitsPanel } from './visits-panel.tsx';

const MIDWIFE_VIEW_ROLES = new Set(['midwife', 'facility_admin']);

/**
 * One mother's page for staff: who she is (day postpartum, baby, companions and their training), the postnatal
 * visits with their due windows, a message to the household, small charts, and one timeline of everything.
 */
export default function MotherPage({ user, id }: { user: Me; id: string }) {
  const record = useLoad(() => get<MotherDetail>(`/api/mothers/${id}`), [id]);
  const staff = MIDWIFE_VIEW_ROLES.has(user.role);
  const timeline = useLoad(
    () => (staff ? get<TimelineOutput>(`/api/mothers/${id}/timeline`) : Promise.resolve(undefined)),
    [id],
  );
  const visits = useLoad(
    () => (staff ? get<{ visits: VisitOutput[] }>(`/api/mothers/${id}/visits`) : Promise.resolve(undefined)),
    [id],
  );
  const [card, setCard] = useState<{ activation: ActivationCode; name: string }>();
  const canManage = user.role === 'midwife' || user.role === 'facility_admin';
  const isMidwife = user.role === 'midwife';

  const issue = useAction(async (userId: string, name: string) => {
    setCard({ activation: await post<ActivationCode>(`/api/users/${userId}/activation-code`), name });
  });

  if (record.loading) return <p class="muted">{t`Memuat…`}</p>;
  const mother = record.data;
  if (!mother) return <ProblemMessage error={record.error} />;

  const items = timeline.data?.items ?? [];
  const entries = items.flatMap((i) => ('entry' in i ? [i.entry as unknown as HouseholdEntry] : []));
  const deliveredAt = mother.deliveredAt ? new Date(mother.deliveredAt) : null;
  const summaryDays = deliveredAt ? dailySummaries({ deliveredAt, entries, babyId: null, days: 14 }) : [];
  const perBaby = deliveredAt
    ? mother.babies.map((b) => ({
        babyId: b.id,
        days: dailySummaries({ deliveredAt, entries, babyId: b.id, days: 14 }),
      }))
    : [];
  const today = mother.dayPostpartum !== null && mother.dayPostpartum <= 14 ? mother.dayPostpartum : null;
  const messages = items.flatMap((i) => (i.kind === 'message' ? [i.message] : []));
  const refresh = () => {
    timeline.reload();
    visits.reload();
  };

  return (
    <section class="mother-page">
      <p>
        <a href="/">{t`← Daftar ibu`}</a>
      </p>
      <header class="card mother-header" data-testid="mother-header">
        <div class="mother-title">
          <h1>{mother.fullName}</h1>
          <a class="button secondary" href={`/api/mothers/${mother.id}/fhir`} download data-testid="fhir-link">
            {t`Unduh FHIR`}
          </a>
        </div>
        <p class="big-number">{dayLabel(mother.dayPostpartum)}</p>
        <p class="muted">
          {t`Melahirkan ${formatDateTime(mother.deliveredAt)}`} · {deliveryModeLabel(mother.deliveryMode)}
        </p>
        <p class="muted" data-testid="mother-account">
          {t`Akun ibu`}: <strong>{accountStatusLabel(mother.accountStatus)}</strong>
          {mother.phone ? ` · ${formatPhone(mother.phone)}` : ''}
        </p>
        <ul class="plain-list header-babies">
          {mother.babies.map((b) => (
            <li key={b.id}>
              <strong>{b.name ?? t`Bayi`}</strong> · {sexLabel(b.sex)}
              {b.birthWeightG ? ` · ${t`berat lahir ${formatNumber(b.birthWeightG)} g`}` : ''}
            </li>
          ))}
        </ul>
        <h2 class="header-sub">{t`Pendamping`}</h2>
        <ul class="plain-list" data-testid="header-companions">
          {mother.companions.length === 0 ? <li class="muted">{t`Belum ada pendamping.`}</li> : null}
          {mother.companions.map((c) => {
            const training = timeline.data?.companions.find((x) => x.linkId === c.linkId)?.training;
            return (
              <li key={c.linkId}>
                {c.displayName} · {relationshipLabel(c.relationship)}{' '}
                {training ? (
                  <a class={`badge training-${training.status}`} href={`/pelatihan/pendamping/${c.userId}`}>
                    {trainingStatusLabel(training.status)}
                    {training.postScore !== null ? ` · ${t`nilai ${training.postScore}`}` : ''}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      </header>
      {staff ? <AlertTaskPanel motherId={mother.id} onChanged={timeline.reload} /> : <AlertsPanel mother={mother} />}
      {card ? <ActivationCard activation={card.activation} name={card.name} /> : null}
      <ProblemMessage error={issue.error} />
      <ProblemMessage error={timeline.error ?? visits.error} />
      <div class="mother-grid">
        <div class="mother-col">
          {staff ? (
            <VisitsPanel mother={mother} visits={visits.data?.visits ?? []} canRecord={isMidwife} onChanged={refresh} />
          ) : null}
          {staff ? (
            <MessagePanel motherId={mother.id} sent={messages} canSend={isMidwife} onSent={timeline.reload} />
          ) : null}
          <CarePlanPanel mother={mother} canManage={canManage} onChanged={record.reload} />
          <details class="card mother-details">
            <summary>{t`Data ibu dan akun`}</summary>
            <dl class="facts">
              <dt>{t`Melahirkan`}</dt>
              <dd>{formatDateTime(mother.deliveredAt)}</dd>
              <dt>{t`Cara persalinan`}</dt>
              <dd>{deliveryModeLabel(mother.deliveryMode)}</dd>
              <dt>{t`Paritas`}</dt>
              <dd>{parityLabel(mother.parity)}</dd>
              <dt>{t`Usia kehamilan`}</dt>
              <dd>{mother.gestationalAgeWeeks ? t`${mother.gestationalAgeWeeks} minggu` : '–'}</dd>
              <dt>{t`Tanggal lahir ibu`}</dt>
              <dd>{formatDate(mother.dateOfBirth)}</dd>
              <dt>{t`Nomor HP`}</dt>
              <dd>{formatPhone(mother.phone)}</dd>
              <dt>{t`Desa/alamat`}</dt>
              <dd>{[mother.village, mother.address].filter(Boolean).join(', ') || '–'}</dd>
              <dt>NIK</dt>
              <dd>{mother.nik ?? '–'}</dd>
              <dt>{t`Persetujuan penelitian`}</dt>
              <dd>{mother.consentResearch ? t`Ya (kode ${mother.pseudonym})` : t`Tidak`}</dd>
              <dt>{t`Akun ibu`}</dt>
              <dd>
                {accountStatusLabel(mother.accountStatus)}
                {canManage && mother.userId && mother.accountStatus !== 'disabled' ? (
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => issue.run(mother.userId ?? '', mother.fullName)}
                  >
                    {mother.accountStatus === 'pending' ? t`Buat kode aktivasi` : t`Buat kode baru (lupa kata sandi)`}
                  </button>
                ) : null}
              </dd>
            </dl>
            <h3>{t`Bayi`}</h3>
            <BabyList babies={mother.babies} />
          </details>
          <section class="card">
            <h2>{t`Akun pendamping`}</h2>
            <ul class="plain-list">
              {mother.companions.length === 0 ? <li class="muted">{t`Belum ada pendamping.`}</li> : null}
              {mother.companions.map((c) => (
                <li key={c.linkId}>
                  {c.displayName} · {relationshipLabel(c.relationship)} · {formatPhone(c.phone)} ·{' '}
                  {accountStatusLabel(c.accountStatus)}
                  {canManage && c.accountStatus !== 'disabled' ? (
                    <button type="button" class="link-button" onClick={() => issue.run(c.userId, c.displayName)}>
                      {c.accountStatus === 'pending' ? t`Buat kode aktivasi` : t`Kode baru`}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          {canManage ? (
            <AddCompanion
              motherId={mother.id}
              onAdded={(created, name) => {
                if (created.activation) setCard({ activation: created.activation, name });
                record.reload();
                timeline.reload();
              }}
            />
          ) : null}
        </div>
        <div class="mother-col">
          {staff && deliveredAt ? (
            <MotherCharts mother={mother} days={summaryDays} perBaby={perBaby} today={today} />
          ) : null}
          {staff ? (
            timeline.loading && !timeline.data ? (
              <p class="muted">{t`Memuat linimasa…`}</p>
            ) : (
              <TimelinePanel mother={mother} items={items} />
            )
          ) : null}
          {staff && deliveredAt && timeline.data ? <RecordsPanel days={summaryDays} logged={entries.length} /> : null}
        </div>
      </div>
    </section>
  );
}

function AddCompanion({
  motherId,
  onAdded,
}: {
  motherId: string;
  onAdded: (created: CompanionCreated, name: string) => void;
}) {
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [relationship, setRelationship] = useState('husband');
  const { submit, busy, error } = useAction(async () => {
    const created = await post<CompanionCreated>(`/api/mothers/${motherId}/companions`, {
      displayName,
      phone,
      relationship,
    });
    onAdded(created, displayName);
    setDisplayName('');
    setPhone('');
  });
  return (
    <form class="form card" onSubmit={submit}>
      <h3>{t`Tambah pendamping`}</h3>
      <label>
        {t`Nama`}
        <input
          name="companionName"
          required
          value={displayName}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
        />
      </label>
      <label>
        {t`Nomor HP`}
        <input
          name="companionPhone"
          type="tel"
          required
          value={phone}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
      </label>
      <label>
        {t`Hubungan`}
        <select name="relationship" value={relationship} onChange={(e) => setRelationship(e.currentTarget.value)}>
          <option value="husband">{t`Suami`}</option>
          <option value="family">{t`Keluarga`}</option>
          <option value="cadre">{t`Kader`}</option>
          <option value="other">{t`Lainnya`}</option>
        </select>
      </label>
      <ProblemMessage error={error} />
      <button class="button primary" type="submit" disabled={busy}>
        {t`Tambah dan buat kode aktivasi`}
      </button>
    </form>
  );
}
