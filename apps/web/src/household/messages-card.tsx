import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { formatDateTime } from '../i18n/i18n.ts';
import { messages } from '../offline/household-store.ts';
import './messages-card.css';

const SHOWN = 3;

/** The midwife's messages to this mother's household, newest first; they arrive with sync and stay on the phone. */
export function MessagesCard({ motherId }: { motherId: string }) {
  const [all, setAll] = useState(false);
  const mine = messages.value.filter((m) => m.motherId === motherId);
  if (mine.length === 0) return null;
  const shown = all ? mine : mine.slice(0, SHOWN);
  return (
    <section class="card messages-card" data-testid="household-messages">
      <h2>{t`Pesan dari bidan`}</h2>
      <ul class="plain-list">
        {shown.map((m) => (
          <li key={m.id} data-testid="household-message">
            <p class="message-body">{m.body}</p>
            <p class="muted">
              {m.sentByName ?? t`Bidan`} · {formatDateTime(m.sentAt)}
            </p>
          </li>
        ))}
      </ul>
      {mine.length > SHOWN ? (
        <button type="button" class="link-button" onClick={() => setAll(!all)}>
          {all ? t`Tampilkan lebih sedikit` : t`Lihat semua ${mine.length} pesan`}
        </button>
      ) : null}
    </section>
  );
}
