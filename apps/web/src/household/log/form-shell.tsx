import { t } from '@lingui/core/macro';
import type { ComponentChildren } from 'preact';

/** The frame of every log form: a title, the fields, a form-level message, and one big Save button. */
export function FormShell({
  title,
  onSubmit,
  message,
  busy,
  children,
}: {
  title: string;
  onSubmit: (event: Event) => void;
  message: string | undefined;
  busy: boolean;
  children: ComponentChildren;
}) {
  return (
    <section>
      <p>
        <a href="/">{t`← Beranda`}</a>
      </p>
      <h1>{title}</h1>
      <form class="form" onSubmit={onSubmit} noValidate>
        {children}
        {message ? (
          <div class="notice notice-error" role="alert">
            {message}
          </div>
        ) : null}
        <button class="button primary" type="submit" disabled={busy} data-testid="log-save">
          {t`Simpan`}
        </button>
      </form>
    </section>
  );
}
