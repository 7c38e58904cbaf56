import type { AlertTask, Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AlertSummaryCard } from './alert-summary-card.tsx';
import { AlertTaskItem } from './alert-task-panel.tsx';
import './alerts.css';

type Filter = 'open' | 'acknowledged' | 'closed';

/** The facility's alerts as tasks: new, in progress, done; newest first. */
export default function TasksPage({ user }: { user: Me }) {
  const [filter, setFilter] = useState<Filter>('open');
  const tasks = useLoad(() => get<{ alerts: AlertTask[] }>(`/api/alerts?state=${filter}`), [filter, user.userId]);
  const [round, setRound] = useState(0);
  const filters: { id: Filter; label: string }[] = [
    { id: 'open', label: t`Baru` },
    { id: 'acknowledged', label: t`Ditangani` },
    { id: 'closed', label: t`Selesai` },
  ];
  return (
    <section>
      <h1>{t`Tugas`}</h1>
      <AlertSummaryCard key={round} linkToTasks={false} />
      <fieldset class="segmented">
        <legend class="visually-hidden">{t`Tampilkan`}</legend>
        {filters.map((f) => (
          <button
            key={f.id}
            type="button"
            class={`button${filter === f.id ? ' primary' : ''}`}
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
      </fieldset>
      <ProblemMessage error={tasks.error} />
      {tasks.loading ? <p class="muted">{t`Memuat…`}</p> : null}
      {tasks.data && tasks.data.alerts.length === 0 ? <p class="card muted">{t`Tidak ada tugas di sini.`}</p> : null}
      <ul class="task-list">
        {(tasks.data?.alerts ?? []).map((task) => (
          <AlertTaskItem
            key={task.id}
            task={task}
            showMother
            onChanged={() => {
              tasks.reload();
              setRound((r) => r + 1);
            }}
          />
        ))}
      </ul>
    </section>
  );
}
