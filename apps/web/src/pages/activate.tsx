import type { ActivationPreview, Me } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../api/client.ts';
import { roleLabel } from '../components/labels.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useAction } from '../components/use-action.ts';
import { loggedIn } from '../session.ts';

/** First login on a phone: the code from the midwife (typed or scanned as a QR link), then a password of one's own. */
export function ActivatePage() {
  const { route, query } = useLocation();
  const [code, setCode] = useState(query.kode ?? '');
  const [preview, setPreview] = useState<ActivationPreview>();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<string>();

  const check = useAction(async () => {
    setPreview(await post<ActivationPreview>('/api/auth/activation/check', { code }));
  });

  const activate = useAction(async () => {
    setLocalError(undefined);
    if (password.length < LIMITS.passwordMin) {
      setLocalError(t`Kata sandi minimal ${LIMITS.passwordMin} karakter.`);
      return;
    }
    if (password !== repeat) {
      setLocalError(t`Kedua kata sandi belum sama.`);
      return;
    }
    loggedIn(await post<Me>('/api/auth/activation', { code, password }));
    route('/');
  });

  if (!preview) {
    return (
      <section class="narrow">
        <h1>{t`Aktivasi akun`}</h1>
        <p class="muted">{t`Masukkan kode 8 huruf/angka dari bidan Anda, misalnya ACD4-7FGH.`}</p>
        <form class="form" onSubmit={check.submit}>
          <label>
            {t`Kode aktivasi`}
            <input
              name="code"
              class="code-input"
              autocomplete="one-time-code"
              autocapitalize="characters"
              required
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </label>
          <ProblemMessage error={check.error} />
          <button class="button primary" type="submit" disabled={check.busy}>
            {t`Periksa kode`}
          </button>
        </form>
        <p>
          <a href="/masuk">{t`Sudah punya kata sandi? Masuk`}</a>
        </p>
      </section>
    );
  }

  return (
    <section class="narrow">
      <h1>{t`Buat kata sandi`}</h1>
      <div class="card">
        <p>
          {t`Akun untuk`} <strong>{preview.displayName}</strong> ({roleLabel(preview.role)})
        </p>
        <p class="muted">{preview.facilityName}</p>
      </div>
      <form class="form" onSubmit={activate.submit}>
        <label>
          {t`Kata sandi baru`}
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            minLength={LIMITS.passwordMin}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <label>
          {t`Ulangi kata sandi`}
          <input
            name="repeat"
            type="password"
            autocomplete="new-password"
            required
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </label>
        <p class="muted">{t`Minimal 8 karakter. Jangan pakai 12345678 atau tanggal lahir.`}</p>
        {localError ? (
          <div class="notice notice-error" role="alert">
            {localError}
          </div>
        ) : null}
        <ProblemMessage error={activate.error} />
        <button class="button primary" type="submit" disabled={activate.busy}>
          {t`Simpan dan masuk`}
        </button>
      </form>
    </section>
  );
}
