import type { CompanionTraining, ParticipantView, TrainingSessionDetail } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useRef, useState } from 'preact/hooks';
import { get, post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { locale } from '../../i18n/i18n.ts';

type Kind = 'walk_in' | 'companion';

/**
 * Registers a participant: a walk-in by name (and phone, when they have one), or a companion who already has an
 * account. After each walk-in the name field is empty and focused again, so a list of names goes in quickly.
 */
export function AddParticipantForm({
  sessionId,
  participants,
  onAdded,
}: {
  sessionId: string;
  participants: readonly ParticipantView[];
  onAdded: (detail: TrainingSessionDetail) => void;
}) {
  const [kind, setKind] = useState<Kind>('walk_in');
  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [userId, setUserId] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const companions = useLoad(() => get<{ companions: CompanionTraining[] }>('/api/training/companions'), []);
  const registered = new Set(participants.map((p) => p.userId).filter((id) => id !== null));
  const available = (companions.data?.companions ?? [])
    .filter((c) => !registered.has(c.userId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, locale.value));

  const add = useAction(async () => {
    const body =
      kind === 'companion'
        ? { id: newId(), userId: userId || available[0]?.userId }
        : { id: newId(), displayName, ...(phone.trim() ? { phone } : {}) };
    const detail = await post<TrainingSessionDetail>(`/api/training/sessions/${sessionId}/participants`, body);
    onAdded(detail);
    setDisplayName('');
    setPhone('');
    setUserId('');
    nameInput.current?.focus();
  });

  return (
    <form class="card form staff-add-participant" onSubmit={add.submit} data-testid="add-participant">
      <h2>{t`Tambah peserta`}</h2>
      <fieldset class="staff-segments">
        <legend>{t`Siapa`}</legend>
        <label class={`staff-segment${kind === 'walk_in' ? ' chosen' : ''}`}>
          <input type="radio" name="kind" checked={kind === 'walk_in'} onChange={() => setKind('walk_in')} />
          {t`Tamu (nama saja)`}
        </label>
        <label class={`staff-segment${kind === 'companion' ? ' chosen' : ''}`}>
          <input type="radio" name="kind" checked={kind === 'companion'} onChange={() => setKind('companion')} />
          {t`Pendamping terdaftar`}
        </label>
      </fieldset>
      {kind === 'walk_in' ? (
        <div class="staff-row">
          <label>
            {t`Nama`}
            <input
              ref={nameInput}
              name="participantName"
              required
              maxLength={100}
              autocomplete="off"
              value={displayName}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
            />
          </label>
          <label>
            {t`Nomor HP (boleh kosong)`}
            <input
              name="participantPhone"
              type="tel"
              autocomplete="off"
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </label>
        </div>
      ) : available.length === 0 ? (
        <p class="muted">
          {companions.loading ? t`Memuat…` : t`Semua pendamping yang punya akun sudah terdaftar di pelatihan ini.`}
        </p>
      ) : (
        <label>
          {t`Pendamping`}
          <select
            name="companion"
            value={userId || available[0]?.userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
          >
            {available.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      <ProblemMessage error={add.error ?? companions.error} />
      <button
        type="submit"
        class="button secondary"
        disabled={add.busy || (kind === 'companion' && available.length === 0)}
        data-testid="add-participant-submit"
      >
        {t`Tambahkan`}
      </button>
    </form>
  );
}
