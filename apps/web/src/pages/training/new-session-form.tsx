import type { Me, TrainingSessionView } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { localDate } from '../../i18n/local-time.ts';

/** A new group training: date, place, who leads it. Saving opens the session to register participants. */
export function NewSessionForm({ user, onCancel }: { user: Me; onCancel: () => void }) {
  const { route } = useLocation();
  const [heldOn, setHeldOn] = useState(() => localDate(new Date()));
  const [place, setPlace] = useState('');
  const [facilitators, setFacilitators] = useState(user.displayName);
  const [notes, setNotes] = useState('');
  const { submit, busy, error } = useAction(async () => {
    const id = newId();
    await post<TrainingSessionView>('/api/training/sessions', {
      id,
      heldOn,
      place,
      facilitators,
      ...(notes.trim() ? { notes } : {}),
    });
    route(`/pelatihan/sesi/${id}`);
  });
  return (
    <form class="form card" onSubmit={submit} aria-labelledby="staff-new-session-title" data-testid="new-session-form">
      <h3 id="staff-new-session-title">{t`Pelatihan kelompok baru`}</h3>
      <div class="staff-row">
        <label>
          {t`Tanggal`}
          <input name="heldOn" type="date" required value={heldOn} onInput={(e) => setHeldOn(e.currentTarget.value)} />
        </label>
        <label>
          {t`Tempat`}
          <input
            name="place"
            required
            maxLength={200}
            placeholder={t`misalnya Posyandu Melati, Desa Sukamaju`}
            value={place}
            onInput={(e) => setPlace(e.currentTarget.value)}
          />
        </label>
      </div>
      <label>
        {t`Fasilitator`}
        <input
          name="facilitators"
          required
          maxLength={300}
          value={facilitators}
          onInput={(e) => setFacilitators(e.currentTarget.value)}
        />
      </label>
      <label>
        {t`Catatan (boleh kosong)`}
        <textarea
          name="notes"
          rows={2}
          maxLength={1000}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </label>
      <ProblemMessage error={error} />
      <div class="staff-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t`Buat pelatihan`}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t`Batal`}
        </button>
      </div>
    </form>
  );
}
