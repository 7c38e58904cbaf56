import type { ProblemDetails } from '@lancar/contracts/problem';
import { t } from '@lingui/core/macro';
import type { RecordState } from './training-records.ts';

/**
 * Says plainly where a record is: still on this phone waiting for a connection, or refused by the server (with the
 * server's reason and a link to /kirim, where refused records are kept and can be saved to a file). Nothing for a
 * record the server has.
 */
export function RecordStateNote({ state, problem }: { state: RecordState; problem: ProblemDetails | null }) {
  if (state === 'synced') return null;
  if (state === 'pending') {
    return <p class="muted training-pending">{t`Tersimpan di HP ini, menunggu dikirim ke server.`}</p>;
  }
  return (
    <div class="notice notice-error" role="alert" data-testid="training-rejected">
      <strong>{t`Ditolak server`}</strong>
      {problem ? <p>{problem.title}</p> : null}
      {problem?.errors?.map((e) => (
        <p key={e.path}>{e.message}</p>
      ))}
      <p>
        {t`Hasil ini tidak dihitung.`} <a href="/kirim">{t`Lihat pengiriman catatan`}</a>
      </p>
    </div>
  );
}
