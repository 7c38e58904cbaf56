import type { Me, Mutation } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { formatDateTime } from '../i18n/i18n.ts';
import { localDate } from '../i18n/local-time.ts';
import { outbox } from '../offline/household-store.ts';
import { exportUnsent, syncNow, syncState } from '../offline/sync-engine.ts';
import { SyncStatus } from '../offline/sync-status.tsx';

function kindLabel(kind: string): string {
  switch (kind) {
    case 'massage_session':
      return t`Sesi pijat`;
    case 'feed':
      return t`Menyusui`;
    case 'expression':
      return t`ASI perah`;
    case 'nappy':
      return t`Popok`;
    case 'weight':
      return t`Berat bayi`;
    case 'mother_state':
      return t`Kondisi ibu`;
    case 'adequacy_check':
      return t`Ceklis harian`;
    case 'danger_report':
      return t`Tanda bahaya`;
    default:
      return t`Penghapusan`;
  }
}

function mutationLabel(mutation: Mutation): string {
  if (mutation.type === 'entry') return kindLabel(mutation.entry.kind);
  if (mutation.type === 'quiz_attempt') return mutation.attempt.phase === 'pre' ? t`Tes awal` : t`Tes akhir`;
  return t`Pelajaran selesai`;
}

function mutationTime(mutation: Mutation): string {
  if (mutation.type === 'entry') return mutation.entry.occurredAt;
  if (mutation.type === 'quiz_attempt') return mutation.attempt.takenAt;
  return mutation.lesson.completedAt;
}

/** What to do about a refused record: a log entry can be recorded again; a test or lesson is redone in /belajar. */
function refusedAdvice(mutation: Mutation): string {
  if (mutation.type === 'entry')
    return t`Catatan ini tidak hilang. Catat lagi dengan isian yang benar, atau tunjukkan kepada bidan.`;
  return t`Catatan ini tidak hilang dan tidak dihitung. Buka Pelatihan untuk mengulanginya, atau tunjukkan kepada bidan.`;
}

/** /kirim: what waits to be sent, what the server refused and why, and the escape hatch: save them to a file. */
export default function SyncPage({ user }: { user: Me }) {
  const items = outbox.value;
  const { problem, serverProblem } = syncState.value;
  const download = async () => {
    const blob = await exportUnsent(user.userId);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `lancar-belum-terkirim-${localDate(new Date())}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <section>
      <p>
        <a href="/">{t`← Beranda`}</a>
      </p>
      <h1>{t`Pengiriman catatan`}</h1>
      <SyncStatus />
      {problem === 'server' ? (
        <div class="notice notice-error" data-testid="sync-server-problem" role="status">
          <strong>{serverProblem?.title ?? t`Server sedang bermasalah`}</strong>
          {serverProblem?.detail ? <p>{serverProblem.detail}</p> : null}
          <p>{t`Catatan tetap tersimpan di HP ini dan dikirim otomatis setelah server pulih.`}</p>
        </div>
      ) : null}
      <button type="button" class="button primary" onClick={() => syncNow(user.userId)}>
        {t`Kirim sekarang`}
      </button>
      {items.length === 0 ? <p class="card">{t`Semua catatan di HP ini sudah diterima server.`}</p> : null}
      {items.length > 0 ? (
        <ul class="plain-list card">
          {items.map((item) => (
            <li key={item.mutationId} data-testid={`outbox-${item.status}`}>
              <strong>{mutationLabel(item.mutation)}</strong> · {formatDateTime(mutationTime(item.mutation))} ·{' '}
              {item.status === 'pending' ? t`menunggu dikirim` : t`ditolak server`}
              {item.problem ? (
                <div class="notice notice-error">
                  <strong>{item.problem.title}</strong>
                  {item.problem.errors?.map((e) => (
                    <p key={e.path}>{e.message}</p>
                  ))}
                  <p>{refusedAdvice(item.mutation)}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? (
        <>
          <button type="button" class="button secondary" onClick={download}>
            {t`Simpan catatan yang belum terkirim ke file`}
          </button>
          <p class="muted">{t`Gunakan ini bila HP akan diganti atau diatur ulang sebelum catatan terkirim.`}</p>
        </>
      ) : null}
    </section>
  );
}
