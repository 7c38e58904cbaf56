import type { AuditEvent } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { roleLabel } from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

function actionLabel(action: string): string {
  switch (action) {
    case 'read':
      return t`membuka`;
    case 'list':
      return t`melihat di daftar`;
    case 'create':
      return t`membuat`;
    case 'update':
      return t`mengubah`;
    case 'export':
      return t`mengekspor`;
    case 'login':
      return t`masuk`;
    case 'logout':
      return t`keluar`;
    case 'activate':
      return t`mengaktifkan akun`;
    case 'issue_code':
      return t`membuat kode aktivasi`;
    default:
      return action;
  }
}

function purposeLabel(purpose: string): string {
  switch (purpose) {
    case 'care':
      return t`pelayanan`;
    case 'self':
      return t`data sendiri`;
    case 'household':
      return t`keluarga`;
    case 'administration':
      return t`administrasi`;
    case 'research':
      return t`penelitian`;
    default:
      return t`sistem`;
  }
}

/** Who read or changed what, and why: every access to a mother's data is here. */
export default function AuditPage() {
  const [before, setBefore] = useState<string>();
  const page = useLoad(
    () =>
      get<{ events: AuditEvent[]; nextBefore: string | null }>(
        `/api/audit-events?limit=50${before ? `&before=${before}` : ''}`,
      ),
    [before],
  );
  return (
    <section>
      <h1>{t`Log akses`}</h1>
      <p class="muted">{t`Setiap kali data ibu dibuka atau diubah, tercatat di sini: siapa, kapan, apa, dan untuk apa.`}</p>
      <ProblemMessage error={page.error} />
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th>{t`Waktu`}</th>
              <th>{t`Siapa`}</th>
              <th>{t`Apa`}</th>
              <th>{t`Untuk`}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.actorName ?? t`sistem`}
                  {e.actorRole ? ` (${roleLabel(e.actorRole)})` : ''}
                </td>
                <td>
                  {actionLabel(e.action)}{' '}
                  {e.subjectType === 'mother' ? t`catatan ibu` : e.subjectType === 'user' ? t`akun` : e.subjectType}
                </td>
                <td>{purposeLabel(e.purpose)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="row">
        {before ? (
          <button type="button" class="button secondary" onClick={() => setBefore(undefined)}>
            {t`Terbaru`}
          </button>
        ) : null}
        {page.data?.nextBefore ? (
          <button type="button" class="button secondary" onClick={() => setBefore(page.data?.nextBefore ?? undefined)}>
            {t`Lebih lama`}
          </button>
        ) : null}
      </div>
    </section>
  );
}
