import { PROTOCOLS } from '@lancar/content';
import type { CaseloadMother, Me, MotherList } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { accountStatusLabel, dayLabel } from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatNumber, locale } from '../../i18n/i18n.ts';
import { adequacyLabel, agoLabel } from './alert-labels.ts';
import { AlertSummaryCard } from './alert-summary-card.tsx';
import './alerts.css';

type Sort = 'day' | 'alerts' | 'adherence' | 'lastSync';

interface Filters {
  q: string;
  village: string;
  hasOpenAlert: boolean;
  dayMin: string;
  dayMax: string;
  protocol: string;
  sort: Sort;
}

const EMPTY: Filters = { q: '', village: '', hasOpenAlert: false, dayMin: '', dayMax: '', protocol: '', sort: 'day' };

/** The filters as GET /api/mothers query parameters; the server filters, searches and sorts. */
export function caseloadQuery(f: Filters): string {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.village) params.set('village', f.village);
  if (f.hasOpenAlert) params.set('hasOpenAlert', 'true');
  if (f.dayMin) params.set('dayMin', f.dayMin);
  if (f.dayMax) params.set('dayMax', f.dayMax);
  if (f.protocol) params.set('protocol', f.protocol);
  if (f.sort !== 'day') params.set('sort', f.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function AdherenceText({ mother }: { mother: CaseloadMother }) {
  if (mother.massageDue === 0) return <span>{t`Pijat: belum ada jadwal`}</span>;
  const percent = Math.round((mother.adherence ?? 0) * 100);
  return (
    <span class={percent < 50 ? 'warn' : ''}>
      {t`Pijat ${mother.massageDone}/${mother.massageDue}`} ({percent}%)
    </span>
  );
}

function CaseItem({ mother }: { mother: CaseloadMother }) {
  const weight = mother.weightChangePercent;
  return (
    <li>
      <a class="case" href={`/ibu/${mother.id}`}>
        <span class="case-name">{mother.fullName}</span>
        <span class="case-day">{dayLabel(mother.dayPostpartum)}</span>
        <span class="muted">
          {mother.village ?? '–'} ·{' '}
          {mother.babies.map((b) => (b.birthWeightG ? `${formatNumber(b.birthWeightG)} g` : t`bayi`)).join(', ')}
        </span>
        <span class="case-facts">
          <AdherenceText mother={mother} />
          <span class={mother.adequacy === 'not_adequate' ? 'warn' : ''}>
            {adequacyLabel(mother.adequacy)}
            {mother.adequacyDay !== null ? ` (${t`hari ke-${mother.adequacyDay}`})` : ''}
          </span>
          {weight !== null ? (
            <span class={weight < -10 ? 'warn' : ''}>
              {t`Berat`} {weight > 0 ? '+' : ''}
              {formatNumber(weight)}%
            </span>
          ) : null}
          <span>
            {t`Kirim data terakhir`}: {agoLabel(mother.lastSyncAt)}
          </span>
        </span>
        {mother.openAlertCount > 0 ? (
          <span class={`badge badge-${mother.openAlertSeverity}`} data-testid="alert-badge">
            {t`${mother.openAlertCount} tanda bahaya`}
          </span>
        ) : null}
        {mother.accountStatus !== 'active' ? (
          <span class="badge">{accountStatusLabel(mother.accountStatus)}</span>
        ) : null}
      </a>
    </li>
  );
}

/**
 * The midwife's caseload: every mother of her facility with her day, massage adherence, the latest checklist and
 * weight, open alerts and last sync; filters, search and sort. The midwife's home, with the day's summary on top.
 */
export default function Caseload({ user }: { user: Me }) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [showFilters, setShowFilters] = useState(false);
  const q = useDebounced(filters.q, 300);
  const query = caseloadQuery({ ...filters, q });
  // The first page comes with the filters; "show more" appends the next pages of the same query.
  const list = useLoad(() => get<MotherList>(`/api/mothers${query}`), [user.userId, query]);
  const [more, setMore] = useState<{ query: string; mothers: CaseloadMother[]; nextOffset: number | null }>();
  const extra = more?.query === query ? more : undefined;
  const mothers = [...(list.data?.mothers ?? []), ...(extra?.mothers ?? [])];
  const nextOffset = extra ? extra.nextOffset : (list.data?.nextOffset ?? null);
  const showMore = useAction(async () => {
    if (nextOffset === null) return;
    const page = await get<MotherList>(`/api/mothers${query}${query ? '&' : '?'}offset=${nextOffset}`);
    setMore({ query, mothers: [...(extra?.mothers ?? []), ...page.mothers], nextOffset: page.nextOffset });
  });
  const villages = list.data?.villages ?? [];
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const active =
    filters.village !== '' ||
    filters.hasOpenAlert ||
    filters.dayMin !== '' ||
    filters.dayMax !== '' ||
    filters.protocol !== '';
  const staff = user.role === 'midwife' || user.role === 'facility_admin';

  return (
    <section>
      <div class="title-row">
        <h1>{t`Daftar ibu`}</h1>
        {staff ? (
          <a class="button primary" href="/ibu-baru">
            {t`+ Daftarkan ibu`}
          </a>
        ) : null}
      </div>
      {user.role === 'midwife' ? <AlertSummaryCard /> : null}
      <label class="search">
        <span class="visually-hidden">{t`Cari`}</span>
        <input
          type="search"
          placeholder={t`Cari nama, desa, atau nomor HP`}
          value={filters.q}
          onInput={(e) => set('q', e.currentTarget.value)}
        />
      </label>
      <div class="title-row">
        <button
          type="button"
          class="link-button"
          aria-expanded={showFilters}
          onClick={() => setShowFilters(!showFilters)}
        >
          {showFilters ? t`Sembunyikan saringan` : t`Saring dan urutkan`}
          {active ? ` (${t`aktif`})` : ''}
        </button>
        <span class="muted" data-testid="caseload-count">
          {list.data
            ? mothers.length < list.data.total
              ? t`${mothers.length} dari ${list.data.total} ibu`
              : t`${list.data.total} ibu`
            : ''}
        </span>
      </div>
      {showFilters ? (
        <form class="caseload-filters" onSubmit={(e) => e.preventDefault()} data-testid="caseload-filters">
          <label class="wide">
            {t`Urutkan`}
            <select value={filters.sort} onChange={(e) => set('sort', e.currentTarget.value as Sort)}>
              <option value="day">{t`Persalinan terbaru`}</option>
              <option value="alerts">{t`Tanda bahaya dulu`}</option>
              <option value="adherence">{t`Kepatuhan pijat terendah`}</option>
              <option value="lastSync">{t`Paling lama tidak kirim data`}</option>
            </select>
          </label>
          <label>
            {t`Desa`}
            <select value={filters.village} onChange={(e) => set('village', e.currentTarget.value)}>
              <option value="">{t`Semua`}</option>
              {villages.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t`Protokol`}
            <select value={filters.protocol} onChange={(e) => set('protocol', e.currentTarget.value)}>
              <option value="">{t`Semua`}</option>
              {PROTOCOLS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name[locale.value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t`Hari, dari`}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={400}
              value={filters.dayMin}
              onInput={(e) => set('dayMin', e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Hari, sampai`}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={400}
              value={filters.dayMax}
              onInput={(e) => set('dayMax', e.currentTarget.value)}
            />
          </label>
          <label class="check full">
            <input
              type="checkbox"
              checked={filters.hasOpenAlert}
              onChange={(e) => set('hasOpenAlert', e.currentTarget.checked)}
            />
            {t`Hanya yang ada tanda bahaya terbuka`}
          </label>
          {active ? (
            <button type="button" class="button full" onClick={() => setFilters({ ...EMPTY, q: filters.q })}>
              {t`Hapus saringan`}
            </button>
          ) : null}
        </form>
      ) : null}
      <ProblemMessage error={list.error} />
      {list.loading && !list.data ? <p class="muted">{t`Memuat…`}</p> : null}
      {list.data && mothers.length === 0 ? <p class="card muted">{t`Tidak ada ibu yang cocok.`}</p> : null}
      <ul class="case-list">
        {mothers.map((mother) => (
          <CaseItem key={mother.id} mother={mother} />
        ))}
      </ul>
      <ProblemMessage error={showMore.error} />
      {nextOffset !== null ? (
        <button
          type="button"
          class="button caseload-more"
          disabled={showMore.busy}
          onClick={() => void showMore.run()}
          data-testid="caseload-more"
        >
          {showMore.busy ? t`Memuat…` : t`Tampilkan lebih banyak`}
        </button>
      ) : null}
    </section>
  );
}
