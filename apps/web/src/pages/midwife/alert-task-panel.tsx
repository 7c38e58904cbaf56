import type { AlertTask } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import {
  ACTIONS_TAKEN,
  actionTakenLabel,
  alertSignLabel,
  OUTCOMES,
  outcomeLabel,
  severityLabel,
  taskStateLabel,
} from './alert-labels.ts';
import './alerts.css';

type Mode = 'none' | 'act' | 'close';

/**
 * What the midwife does about one alert: acknowledge it, record an action (phoned, home visit, referred...), close
 * it with the outcome. A closed task shows its outcome and offers nothing more.
 */
export function AlertTaskActions({ task, onChanged }: { task: AlertTask; onChanged: (task: AlertTask) => void }) {
  const [mode, setMode] = useState<Mode>('none');
  const [actionTaken, setActionTaken] = useState<string>('phoned');
  const [outcome, setOutcome] = useState<string>('resolved');
  const [note, setNote] = useState('');
  const send = useAction(async (body: Record<string, unknown>) => {
    const updated = await post<AlertTask>(`/api/alerts/${task.id}/actions`, {
      ...body,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setMode('none');
    setNote('');
    onChanged(updated);
  });
  if (task.state === 'closed') return null;
  const noteField = (
    <label>
      {t`Catatan (boleh kosong)`}
      <input type="text" maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
    </label>
  );
  return (
    <div class="task-actions">
      {mode === 'none' ? (
        <div class="task-buttons">
          {task.state === 'open' ? (
            <button
              type="button"
              class="button"
              disabled={send.busy}
              onClick={() => void send.run({ kind: 'acknowledged' })}
            >
              {t`Sudah dilihat`}
            </button>
          ) : null}
          <button type="button" class="button" onClick={() => setMode('act')}>
            {t`Catat tindakan`}
          </button>
          <button type="button" class="button primary" onClick={() => setMode('close')}>
            {t`Tutup dengan hasil`}
          </button>
        </div>
      ) : null}
      {mode === 'act' ? (
        <form
          class="form task-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send.run({ kind: 'acted', actionTaken });
          }}
        >
          <label>
            {t`Tindakan`}
            <select value={actionTaken} onChange={(e) => setActionTaken(e.currentTarget.value)}>
              {ACTIONS_TAKEN.map((a) => (
                <option key={a} value={a}>
                  {actionTakenLabel(a)}
                </option>
              ))}
            </select>
          </label>
          {noteField}
          <div class="task-buttons">
            <button type="submit" class="button primary" disabled={send.busy}>
              {t`Simpan tindakan`}
            </button>
            <button type="button" class="button" onClick={() => setMode('none')}>
              {t`Batal`}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'close' ? (
        <form
          class="form task-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send.run({ kind: 'closed', outcome });
          }}
        >
          <label>
            {t`Hasil`}
            <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(o)}
                </option>
              ))}
            </select>
          </label>
          {noteField}
          <div class="task-buttons">
            <button type="submit" class="button primary" disabled={send.busy}>
              {t`Tutup tugas`}
            </button>
            <button type="button" class="button" onClick={() => setMode('none')}>
              {t`Batal`}
            </button>
          </div>
        </form>
      ) : null}
      <ProblemMessage error={send.error} />
    </div>
  );
}

/** The last thing done about a task, in one line. */
export function LastActionLine({ task }: { task: AlertTask }) {
  const last = task.lastAction;
  if (!last) return <span class="muted">{t`Belum ada tindakan`}</span>;
  const what =
    last.kind === 'closed'
      ? `${t`Ditutup`}: ${outcomeLabel(last.outcome ?? 'other')}`
      : last.kind === 'acted'
        ? actionTakenLabel(last.actionTaken ?? 'other')
        : t`Sudah dilihat`;
  return (
    <span class="muted">
      {what} · {last.actedByName ?? ''} · {formatDateTime(last.actedAt)}
      {last.note ? ` · “${last.note}”` : ''}
    </span>
  );
}

/** One task: the sign, the mother, how urgent, its state, and what to do. */
export function AlertTaskItem({
  task,
  showMother,
  onChanged,
}: {
  task: AlertTask;
  showMother: boolean;
  onChanged: (task: AlertTask) => void;
}) {
  return (
    <li class={`task task-${task.severity} task-state-${task.state}`} data-testid="alert-task">
      <div class="task-head">
        <span class={`badge badge-${task.severity}`}>{severityLabel(task.severity)}</span>
        <span class="badge task-state">{taskStateLabel(task.state)}</span>
      </div>
      <strong class="task-sign">{alertSignLabel(task.signId)}</strong>
      {showMother ? (
        <a href={`/ibu/${task.motherId}`} class="task-mother">
          {task.motherName}
          {task.dayPostpartum !== null ? ` · ${t`Hari ke-${task.dayPostpartum}`}` : ''}
          {task.village ? ` · ${task.village}` : ''}
        </a>
      ) : null}
      <span class="muted">
        {t`Muncul`} {formatDateTime(task.raisedAt)}
      </span>
      <LastActionLine task={task} />
      <AlertTaskActions task={task} onChanged={onChanged} />
    </li>
  );
}

/**
 * One mother's alerts as tasks, for her page. Mount it on the mother page with `<AlertTaskPanel motherId={id} />`;
 * it loads its own data (GET /api/alerts?motherId=...) and shows nothing to roles that may not see alerts.
 */
export function AlertTaskPanel({ motherId, onChanged }: { motherId: string; onChanged?: () => void }) {
  const tasks = useLoad(
    () => get<{ alerts: AlertTask[] }>(`/api/alerts?motherId=${encodeURIComponent(motherId)}`),
    [motherId],
  );
  const [showClosed, setShowClosed] = useState(false);
  const all = tasks.data?.alerts ?? [];
  const shown = showClosed ? all : all.filter((a) => a.state !== 'closed');
  const closed = all.length - all.filter((a) => a.state !== 'closed').length;
  if (tasks.error === undefined && tasks.data && all.length === 0) return null;
  return (
    <section class="card alert-task-panel" data-testid="alert-task-panel">
      <h2>{t`Tugas dari tanda bahaya`}</h2>
      <ProblemMessage error={tasks.error} />
      {tasks.data && shown.length === 0 ? <p class="muted">{t`Tidak ada tugas terbuka.`}</p> : null}
      <ul class="task-list">
        {shown.map((task) => (
          <AlertTaskItem
            key={task.id}
            task={task}
            showMother={false}
            onChanged={() => {
              tasks.reload();
              onChanged?.();
            }}
          />
        ))}
      </ul>
      {closed > 0 ? (
        <button type="button" class="link-button" onClick={() => setShowClosed(!showClosed)}>
          {showClosed ? t`Sembunyikan tugas yang selesai` : t`Tampilkan ${closed} tugas yang selesai`}
        </button>
      ) : null}
    </section>
  );
}
