import { dangerSignById, defaultProtocol, protocolById } from '@lancar/content';
import type { MessageOutput, MotherDetail } from '@lancar/contracts';
import { VISIT_LIMITS } from '@lancar/contracts/limits';
import { type DaySummary, newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDate, formatDateTime, formatNumber, locale } from '../../i18n/i18n.ts';
import { CarePlanForm } from './care-plan-form.tsx';

/** Danger signs found in the household's records, most urgent first. */
export function AlertsPanel({ mother }: { mother: MotherDetail }) {
  if (mother.alerts.length === 0) return null;
  return (
    <section class="card alerts-panel" data-testid="alerts">
      <h2>{t`Tanda bahaya dari catatan keluarga`}</h2>
      <ul class="plain-list">
        {mother.alerts.map((alert) => {
          const sign = dangerSignById(alert.signId);
          return (
            <li key={alert.id} class={`alert-${alert.severity}`}>
              <strong>{alert.severity === 'immediate' ? t`Segera` : t`Sesegera mungkin`}</strong> ·{' '}
              {sign ? sign.label[locale.value] : alert.signId} ·{' '}
              <span class="muted">{formatDateTime(alert.raisedAt)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The massage protocol: which one, from which date, until which day; phones get a change on sync. */
export function CarePlanPanel({
  mother,
  canManage,
  onChanged,
}: {
  mother: MotherDetail;
  canManage: boolean;
  onChanged: () => void;
}) {
  const current = mother.carePlan ? protocolById(mother.carePlan.protocolId) : undefined;
  const startsOn = mother.carePlan?.startsOn;
  return (
    <section class="card">
      <h2>{t`Protokol pijat`}</h2>
      <p>
        {current
          ? current.name[locale.value]
          : `${defaultProtocol().name[locale.value]} (${t`bawaan, belum ditetapkan`})`}
        {startsOn ? ` · ${t`mulai ${formatDate(startsOn)}`}` : ''}
        {mother.carePlan?.extendedToDay ? ` · ${t`diperpanjang sampai hari ${mother.carePlan.extendedToDay}`}` : ''}
      </p>
      {canManage && mother.deliveredAt ? (
        <CarePlanForm
          motherId={mother.id}
          deliveredAt={mother.deliveredAt}
          current={mother.carePlan}
          onAssigned={() => onChanged()}
        />
      ) : null}
    </section>
  );
}

/** Fourteen days of what the household logged, one row per day of life with something logged, for the midwife. */
export function RecordsPanel({ days, logged }: { days: readonly DaySummary[]; logged: number }) {
  return (
    <section class="card">
      <h2>{t`Catatan keluarga per hari`}</h2>
      <p class="muted">{t`${logged} catatan`}</p>
      <div class="table-scroll">
        <table class="table" data-testid="records">
          <thead>
            <tr>
              <th>{t`Hari`}</th>
              <th>{t`Pijat`}</th>
              <th>{t`Menyusui`}</th>
              <th>{t`BAK`}</th>
              <th>{t`BAB`}</th>
              <th>{t`ASI perah (ml)`}</th>
              <th>{t`Berat (g)`}</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter(
                (d) =>
                  d.sessionsDone + d.feeds + d.wetNappies + d.dirtyNappies + d.expressedMl.total > 0 ||
                  d.lastWeightG !== null,
              )
              .map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td>{d.sessionsDone}</td>
                  <td>{d.feeds}</td>
                  <td>{d.wetNappies}</td>
                  <td>{d.dirtyNappies}</td>
                  <td>{formatNumber(d.expressedMl.total)}</td>
                  <td>{d.lastWeightG === null ? '–' : formatNumber(d.lastWeightG)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A short message to the household: it appears in their app after their phone syncs. */
export function MessagePanel({
  motherId,
  sent,
  canSend,
  onSent,
}: {
  motherId: string;
  sent: readonly MessageOutput[];
  canSend: boolean;
  onSent: () => void;
}) {
  const [body, setBody] = useState('');
  const [done, setDone] = useState(false);
  const send = useAction(async () => {
    await post<MessageOutput>(`/api/mothers/${motherId}/messages`, { id: newId(), body });
    setBody('');
    setDone(true);
    onSent();
  });
  const recent = sent.slice(0, 3);
  return (
    <section class="card" data-testid="messages">
      <h2>{t`Pesan untuk keluarga`}</h2>
      {canSend ? (
        <form class="form" onSubmit={send.submit}>
          <label>
            {t`Pesan singkat (muncul di aplikasi keluarga setelah HP mereka tersambung)`}
            <textarea
              name="message"
              rows={3}
              required
              maxLength={VISIT_LIMITS.messageMax}
              value={body}
              onInput={(e) => {
                setBody(e.currentTarget.value);
                setDone(false);
              }}
            />
          </label>
          <p class="muted small">{t`${body.length} dari ${VISIT_LIMITS.messageMax} karakter`}</p>
          {done ? (
            <p class="notice" role="status">
              {t`Pesan terkirim. Keluarga melihatnya setelah HP mereka sinkron.`}
            </p>
          ) : null}
          <ProblemMessage error={send.error} />
          <button
            type="submit"
            class="button secondary"
            disabled={send.busy || body.trim() === ''}
            data-testid="send-message"
          >
            {t`Kirim pesan`}
          </button>
        </form>
      ) : null}
      {recent.length > 0 ? (
        <ul class="plain-list">
          {recent.map((m) => (
            <li key={m.id}>
              <p class="message-body">{m.body}</p>
              <p class="muted">
                {m.sentByName ?? ''} · {formatDateTime(m.sentAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t`Belum ada pesan.`}</p>
      )}
    </section>
  );
}
