import { LESSONS } from '@lancar/content/training';
import type { CompanionTraining } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDate, locale } from '../../i18n/i18n.ts';
import { type CompanionFilter, countByStatus, filterCompanions } from './companion-filter.ts';
import { StatusBadge } from './status-badge.tsx';

function filterLabel(filter: CompanionFilter): string {
  switch (filter) {
    case 'all':
      return t`Semua`;
    case 'passed_test':
      return t`Perlu uji keterampilan`;
    case 'learning':
      return t`Sedang belajar`;
    case 'not_started':
      return t`Belum mulai`;
    case 'competent':
      return t`Kompeten`;
  }
}

const FILTERS: readonly CompanionFilter[] = ['all', 'passed_test', 'learning', 'not_started', 'competent'];

/** The facility's companions and cadres with their training status, filterable, each opening their own page. */
export function CompanionsPanel() {
  const list = useLoad(() => get<{ companions: CompanionTraining[] }>('/api/training/companions'), []);
  const [filter, setFilter] = useState<CompanionFilter>('all');
  const companions = list.data?.companions ?? [];
  const counts = countByStatus(companions);
  const shown = filterCompanions(companions, filter, locale.value);
  return (
    <section aria-labelledby="staff-companions-title">
      <h2 id="staff-companions-title">{t`Pendamping dan kader`}</h2>
      <fieldset class="staff-filters">
        <legend class="visually-hidden">{t`Saring menurut status pelatihan`}</legend>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            class={`choice staff-filter${filter === f ? ' chosen' : ''}`}
            aria-pressed={filter === f}
            data-filter={f}
            onClick={() => setFilter(f)}
          >
            {filterLabel(f)} <span class="staff-count">{counts[f]}</span>
          </button>
        ))}
      </fieldset>
      <ProblemMessage error={list.error} />
      {list.loading && !list.data ? <p class="muted">{t`Memuat…`}</p> : null}
      {list.data && shown.length === 0 ? <p class="card muted">{t`Tidak ada pendamping dengan status ini.`}</p> : null}
      <ul class="case-list" data-testid="companion-list">
        {shown.map((c) => (
          <li key={c.userId}>
            <CompanionCard companion={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CompanionCard({ companion: c }: { companion: CompanionTraining }) {
  const lessons = LESSONS.filter((l) => c.lessonsDone.includes(l.id)).length;
  return (
    <a class="case staff-companion" href={`/pelatihan/pendamping/${c.userId}`}>
      <span class="case-name">{c.displayName}</span>
      <StatusBadge status={c.status} />
      <span class="muted">
        {c.preScore === null && c.postScore === null
          ? t`Belum ada nilai tes`
          : `${t`Tes awal`} ${c.preScore ?? '–'} · ${t`Tes akhir`} ${c.postScore ?? '–'}`}{' '}
        · {t`${lessons} dari ${LESSONS.length} materi`}
      </span>
      {c.lastSkillCheck ? (
        <span class="muted">
          {c.lastSkillCheck.passed
            ? t`Uji keterampilan ${formatDate(c.lastSkillCheck.observedAt)}: lulus`
            : t`Uji keterampilan ${formatDate(c.lastSkillCheck.observedAt)}: belum lulus`}
        </span>
      ) : null}
    </a>
  );
}
