import { t } from '@lingui/core/macro';
import { ApiError, OfflineError } from '../api/client.ts';

/** Shows what went wrong in words a person can act on: the server's problem text, or that there is no connection. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof OfflineError && error.reason === 'server') {
    return (
      <div class="notice notice-warn" role="alert">
        <strong>{t`Server Lancar tidak menjawab.`}</strong>{' '}
        {t`Tidak ada yang tersimpan. Coba lagi sebentar lagi; bila terus begini, beri tahu admin.`}
      </div>
    );
  }
  if (error instanceof OfflineError) {
    return (
      <div class="notice notice-warn" role="alert">
        <strong>{t`Tidak ada koneksi internet.`}</strong> {t`Periksa sinyal atau data seluler, lalu coba lagi.`}
      </div>
    );
  }
  if (error instanceof ApiError) {
    const { title, detail, errors } = error.problem;
    return (
      <div class="notice notice-error" role="alert">
        <strong>{title}</strong>
        {detail ? <p>{detail}</p> : null}
        {errors && errors.length > 0 ? (
          <ul>
            {errors.map((e) => (
              <li key={`${e.path}${e.message}`}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div class="notice notice-error" role="alert">
      <strong>{t`Terjadi kesalahan.`}</strong> {t`Muat ulang halaman lalu coba lagi.`}
    </div>
  );
}
