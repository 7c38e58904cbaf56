import type { Me, TrainingSessionView } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDate } from '../../i18n/i18n.ts';
import { NewSessionForm } from './new-session-form.tsx';

/** Group trainings of the facility, newest first, and the form to start a new one. */
export function SessionsPanel({ user }: { user: Me }) {
  const list = useLoad(() => get<{ sessions: TrainingSessionView[] }>('/api/training/sessions'), []);
  const [creating, setCreating] = useState(false);
  const sessions = list.data?.sessions ?? [];
  return (
    <section aria-labelledby="staff-sessions-title">
      <div class="title-row">
        <h2 id="staff-sessions-title">{t`Pelatihan kelompok`}</h2>
        {creating ? null : (
          <button type="button" class="button primary" onClick={() => setCreating(true)} data-testid="new-session">
            {t`+ Pelatihan baru`}
          </button>
        )}
      </div>
      {creating ? <NewSessionForm user={user} onCancel={() => setCreating(false)} /> : null}
      <ProblemMessage error={list.error} />
      {list.loading && !list.data ? <p class="muted">{t`Memuat…`}</p> : null}
      {list.data && sessions.length === 0 ? <p class="card muted">{t`Belum ada pelatihan kelompok.`}</p> : null}
      <ul class="case-list" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <a class="case" href={`/pelatihan/sesi/${s.id}`}>
              <span class="case-name">{s.place}</span>
              <span class="muted">
                {formatDate(s.heldOn)} · {t`${s.participants} peserta · ${s.attended} hadir`}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
