import { plural, t } from '@lingui/core/macro';
import { formatDateTime } from '../i18n/i18n.ts';
import { outbox } from './household-store.ts';
import { syncState } from './sync-engine.ts';

/** One honest line about sync: what waits to be sent, what was refused, and when the last sync worked. */
export function SyncStatus() {
  const pending = outbox.value.filter((o) => o.status === 'pending').length;
  const rejected = outbox.value.filter((o) => o.status === 'rejected').length;
  const { syncing, lastSyncAt, problem, serverProblem } = syncState.value;
  return (
    <a
      href="/kirim"
      class={`sync-status ${rejected > 0 ? 'sync-attention' : pending > 0 ? 'sync-waiting' : ''}`}
      data-testid="sync-status"
    >
      {rejected > 0 ? (
        <strong>{plural(rejected, { one: '# catatan perlu diperiksa', other: '# catatan perlu diperiksa' })}</strong>
      ) : pending > 0 ? (
        <span>{plural(pending, { one: '# catatan menunggu dikirim', other: '# catatan menunggu dikirim' })}</span>
      ) : (
        <span>{t`Semua catatan sudah terkirim`}</span>
      )}
      <span class="muted">
        {syncing
          ? ` · ${t`mengirim…`}`
          : problem === 'offline'
            ? ` · ${t`tidak ada koneksi`}`
            : problem === 'login'
              ? ` · ${t`masuk lagi untuk mengirim`}`
              : problem === 'server'
                ? ` · ${serverProblem?.title ?? t`server bermasalah`}`
                : lastSyncAt
                  ? ` · ${t`terakhir ${formatDateTime(lastSyncAt)}`}`
                  : ''}
      </span>
    </a>
  );
}
