import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { patch, post } from '../api/client.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useAction } from '../components/use-action.ts';
import { activateLocale, chosenOnThisDevice, locale } from '../i18n/i18n.ts';
import { loggedIn } from '../session.ts';

export function LoginPage() {
  const { route } = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useAction(async () => {
    const user = await post<Me>('/api/auth/login', { login, password });
    // A language picked on this phone wins and is saved to the account; otherwise the account's choice applies.
    if (chosenOnThisDevice()) {
      if (user.locale !== locale.value) patch('/api/auth/me', { locale: locale.value }).catch(() => {});
      loggedIn({ ...user, locale: locale.value });
    } else {
      if (user.locale !== locale.value) await activateLocale(user.locale, false);
      loggedIn(user);
    }
    route('/');
  });

  return (
    <section class="narrow">
      <h1>{t`Masuk`}</h1>
      <p class="muted">{t`Untuk ibu, pendamping, bidan, kader, dan peneliti program pijat oksitosin.`}</p>
      <form class="form" onSubmit={submit}>
        <label>
          {t`Nomor HP atau nama pengguna`}
          <input
            name="login"
            autocomplete="username"
            inputMode="text"
            required
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
            placeholder="0812… / bidan.sari"
          />
        </label>
        <label>
          {t`Kata sandi`}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ProblemMessage error={error} />
        <button class="button primary" type="submit" disabled={busy}>
          {busy ? t`Memeriksa…` : t`Masuk`}
        </button>
      </form>
      <p>
        <a href="/aktivasi">{t`Baru pertama kali? Pakai kode aktivasi dari bidan`}</a>
      </p>
    </section>
  );
}
