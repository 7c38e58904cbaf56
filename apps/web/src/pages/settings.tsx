import type { Me, SessionInfo } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, post } from '../api/client.ts';
import { LanguageSwitch } from '../components/layout.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';
import { formatDateTime } from '../i18n/i18n.ts';

function deviceName(agent: string | null): string {
  if (!agent) return t`Perangkat tidak dikenal`;
  if (/Android/i.test(agent)) return 'Android';
  if (/iPhone|iPad/i.test(agent)) return 'iPhone/iPad';
  if (/Windows/i.test(agent)) return 'Windows';
  if (/Mac OS/i.test(agent)) return 'Mac';
  if (/Linux/i.test(agent)) return 'Linux';
  return agent.slice(0, 40);
}

/** Language, and the devices where this account is logged in (log out a lost or shared phone). */
export function SettingsPage({ user }: { user: Me }) {
  const sessions = useLoad(() => get<{ sessions: SessionInfo[] }>('/api/auth/sessions'), [user.userId]);
  const [message, setMessage] = useState<string>();
  const logoutOthers = useAction(async () => {
    const { ended } = await post<{ ended: number }>('/api/auth/logout-others');
    setMessage(t`${ended} perangkat lain sudah dikeluarkan.`);
    sessions.reload();
  });
  return (
    <section>
      <h1>{t`Akun`}</h1>
      <div class="card">
        <p>
          <strong>{user.displayName}</strong>
        </p>
        <p class="muted">{user.facility.name}</p>
        <p>
          {t`Bahasa`}: <LanguageSwitch />
        </p>
      </div>
      <h2>{t`Perangkat yang sedang masuk`}</h2>
      <ProblemMessage error={logoutOthers.error ?? sessions.error} />
      <ul class="plain-list card">
        {sessions.data?.sessions.map((s) => (
          <li key={s.id}>
            {deviceName(s.device)} · {t`terakhir dipakai ${formatDateTime(s.lastSeenAt)}`}
            {s.current ? <strong> · {t`perangkat ini`}</strong> : null}
          </li>
        ))}
      </ul>
      {message ? (
        <p class="notice" role="status">
          {message}
        </p>
      ) : null}
      <button type="button" class="button secondary" onClick={() => logoutOthers.run()}>
        {t`Keluarkan semua perangkat lain`}
      </button>
      <p class="muted">{t`Gunakan ini jika HP hilang atau dipakai orang lain.`}</p>
    </section>
  );
}
