import type { Me, MotherDetail } from '@lancar/contracts';
import { plural, t } from '@lingui/core/macro';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { BabyList } from '../../components/baby-list.tsx';
import { accountStatusLabel, dayLabel, relationshipLabel } from '../../components/labels.ts';
import { currentMother, selectedMotherId } from '../../household/current-mother.ts';
import { DangerBanner } from '../../household/danger-banner.tsx';
import { homeView } from '../../household/household-view.ts';
import { MessagesCard } from '../../household/messages-card.tsx';
import { TrainingCard } from '../../household/training/training-card.tsx';
import { formatDateTime, formatPhone, locale } from '../../i18n/i18n.ts';
import { householdMothers } from '../../offline/household-profile.ts';
import { entries, plans } from '../../offline/household-store.ts';
import {
  armReminder,
  remindersOn,
  remindersSupported,
  turnRemindersOff,
  turnRemindersOn,
} from '../../offline/reminders.ts';
import { SyncStatus } from '../../offline/sync-status.tsx';

/** Re-renders every minute, so "time since the last feed" and today's sessions stay true while the screen is open. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function since(minutes: number): string {
  if (minutes < 60) return t`${minutes} menit lalu`;
  const hours = Math.floor(minutes / 60);
  return t`${hours} jam ${minutes % 60} menit lalu`;
}

/** Home for a mother, her companions and a cadre: danger signs, today's massage, the last feed, quick logs. */
export function HouseholdHome({ user }: { user: Me }) {
  const mothers = householdMothers.value;
  const mother = currentMother.value;
  const { query } = useLocation();
  const now = useMinuteClock();
  const greeting = user.role === 'mother' ? t`Halo, Ibu ${user.displayName}` : t`Halo, ${user.displayName}`;
  // Companions and cadres learn the massage; the mother is the one massaged.
  const learns = user.role === 'companion' || user.role === 'cadre';

  if (mothers === undefined) return <p class="muted">{t`Memuat…`}</p>;
  if (!mother) {
    return (
      <section>
        <h1>{greeting}</h1>
        <p class="card">{t`Belum ada ibu yang terhubung dengan akun ini. Minta bidan menghubungkan Anda sebagai pendamping.`}</p>
        {learns ? <TrainingCard userId={user.userId} /> : null}
        <CallMidwife user={user} />
      </section>
    );
  }
  const view = homeView(mother, entries.value, plans.value, now);
  return (
    <section>
      <DangerBanner dangers={view.dangers} phone={user.facility.phone} />
      {query.tersimpan ? (
        <p class="notice" role="status">
          {t`Tersimpan di HP ini.`}
        </p>
      ) : null}
      <SyncStatus />
      <h1>{greeting}</h1>
      {mothers.length > 1 ? (
        <div class="choice-row">
          {mothers.map((m) => (
            <button
              key={m.id}
              type="button"
              class={`choice ${m.id === mother.id ? 'chosen' : ''}`}
              onClick={() => (selectedMotherId.value = m.id)}
            >
              {m.fullName}
            </button>
          ))}
        </div>
      ) : null}
      <p class="big-number">{dayLabel(view.day ?? null)}</p>
      <MessagesCard motherId={mother.id} />
      <MassageCard view={view} />
      <div class="card">
        <h2>{t`Menyusui`}</h2>
        {view.lastFeed ? (
          <p data-testid="last-feed">
            {t`Terakhir`}: <strong>{since(view.lastFeed.minutesSince)}</strong> ·{' '}
            {view.lastFeed.side === 'left' ? t`kiri` : view.lastFeed.side === 'right' ? t`kanan` : t`kedua payudara`}
          </p>
        ) : (
          <p class="muted">{t`Belum ada catatan menyusui.`}</p>
        )}
        <p class="muted">{t`Susui bayi sesering ia mau, 8 sampai 12 kali sehari.`}</p>
        <a class="button primary" href="/catat/menyusui">
          {t`Catat menyusui`}
        </a>
      </div>
      <nav class="quick-grid" aria-label={t`Catat`}>
        <a href="/catat/popok">{t`Popok`}</a>
        <a href="/catat/asi-perah">{t`ASI perah`}</a>
        <a href="/catat/berat">{t`Berat bayi`}</a>
        <a href="/catat/kondisi-ibu">{t`Kondisi ibu`}</a>
        <a href="/ceklis">{t`Ceklis ASI cukup`}</a>
        <a href="/tanda-bahaya" class="quick-danger">
          {t`Tanda bahaya`}
        </a>
      </nav>
      <p class="choice-row">
        <a class="button secondary" href="/perkembangan">
          {t`Perkembangan 14 hari`}
        </a>
        <a class="button secondary" href="/riwayat">
          {t`Riwayat catatan`}
        </a>
      </p>
      {learns ? <TrainingCard userId={user.userId} /> : null}
      <CallMidwife user={user} />
      <HouseholdCard mother={mother} own={user.role === 'mother'} />
    </section>
  );
}

function MassageCard({ view }: { view: ReturnType<typeof homeView> }) {
  const progress = view.progress;
  const today = progress?.days.find((d) => d.day === progress.today);
  const ratio = progress?.adherence.ratio;
  const missed = progress?.days.reduce((sum, d) => sum + (d.missed ?? 0), 0) ?? 0;
  return (
    <div class="card massage-card">
      <h2>{t`Pijat oksitosin`}</h2>
      <p class="muted">{view.protocol.name[locale.value]}</p>
      {today ? (
        <p data-testid="massage-today">
          {t`Hari ini`}: <strong>{plural(today.done, { one: '# sesi selesai', other: '# sesi selesai' })}</strong>{' '}
          {t`dari ${today.planned} direncanakan`}
          {today.target > today.planned ? ` (${t`boleh sampai ${today.target}`})` : ''}
        </p>
      ) : (
        <p>
          {progress?.today !== undefined &&
          progress.days.length > 0 &&
          progress.today > (progress.days.at(-1)?.day ?? 0)
            ? t`Program pijat sudah selesai.`
            : t`Tidak ada pijat terjadwal hari ini.`}
        </p>
      )}
      {missed > 0 ? (
        <p class="muted" data-testid="massage-missed">
          {plural(missed, {
            one: 'Terlewat: # sesi pada hari sebelumnya',
            other: 'Terlewat: # sesi pada hari sebelumnya',
          })}
        </p>
      ) : null}
      {progress && progress.adherence.due > 0 ? (
        <p class="muted" data-testid="adherence">
          {t`Sejauh ini ${progress.adherence.done} dari ${progress.adherence.due} sesi`}
          {ratio !== null && ratio !== undefined ? ` (${Math.round(ratio * 100)}%)` : ''}
        </p>
      ) : null}
      <a class="button primary" href="/pijat" data-testid="start-massage">
        {t`Mulai pijat`}
      </a>
      <Reminders upcoming={view.upcoming} />
    </div>
  );
}

function Reminders({ upcoming }: { upcoming: Date[] }) {
  const times = upcoming.map((at) =>
    at.toLocaleTimeString(locale.value === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' }),
  );
  useEffect(() => {
    const next = upcoming[0];
    armReminder(
      next ? { at: next, title: t`Waktunya pijat oksitosin`, body: t`Sesi pijat sesuai rencana bidan.` } : undefined,
    );
  }, [upcoming.map((d) => d.getTime()).join(','), remindersOn.value]);
  if (!remindersSupported()) return null;
  return remindersOn.value ? (
    <p class="muted">
      {times.length > 0 ? t`Pengingat pijat berikutnya: ${times.join(', ')}` : t`Pengingat pijat aktif.`}{' '}
      <button type="button" class="link-button" onClick={turnRemindersOff}>
        {t`Matikan pengingat`}
      </button>
    </p>
  ) : (
    <button type="button" class="link-button" onClick={() => void turnRemindersOn()}>
      {t`Ingatkan saya pada jam pijat`}
    </button>
  );
}

function CallMidwife({ user }: { user: Me }) {
  const phone = user.facility.phone;
  return (
    <div class="card call-card">
      <p>
        <strong>{t`Ada tanda bahaya atau pertanyaan? Hubungi bidan.`}</strong>
      </p>
      <p class="muted">{user.facility.name}</p>
      {phone ? (
        <a class="button primary call-button" href={`tel:+${phone}`}>
          {t`Telepon`} <span class="nowrap">{formatPhone(phone)}</span>
        </a>
      ) : (
        <p>{t`Nomor fasilitas belum diisi. Tanyakan kepada bidan Anda.`}</p>
      )}
    </div>
  );
}

function HouseholdCard({ mother, own }: { mother: MotherDetail; own: boolean }) {
  return (
    <article class="card">
      <h2>{own ? t`Ibu dan bayi` : mother.fullName}</h2>
      <p class="muted">{t`Melahirkan ${formatDateTime(mother.deliveredAt)}`}</p>
      <h3>{plural(mother.babies.length, { one: 'Bayi', other: 'Bayi' })}</h3>
      <BabyList babies={mother.babies} />
      <h3>{t`Pendamping`}</h3>
      {mother.companions.length === 0 ? (
        <p class="muted">{t`Belum ada pendamping. Bidan dapat menambahkan suami atau keluarga.`}</p>
      ) : (
        <ul class="plain-list">
          {mother.companions.map((c) => (
            <li key={c.linkId}>
              {c.displayName} · {relationshipLabel(c.relationship)} · {accountStatusLabel(c.accountStatus)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
