import type { Me, MotherDetail } from '@lancar/contracts';
import type { StoolColour } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { BabyPicker } from './baby-picker.tsx';
import { FormShell } from './form-shell.tsx';
import { readTime, TimeField, toLocalInput } from './time-field.tsx';
import { useLogForm } from './use-log-form.ts';

function colourLabel(colour: StoolColour): string {
  switch (colour) {
    case 'meconium':
      return t`Hitam kehijauan, lengket (mekonium)`;
    case 'green_brown':
      return t`Hijau kecokelatan`;
    case 'yellow':
      return t`Kuning, berbiji`;
    case 'pale':
      return t`Pucat atau putih`;
    case 'other':
      return t`Lainnya`;
  }
}

/** One nappy change: wet, dirty or both, and for a dirty one the colour (which tells how feeding is going). */
export function NappyForm({ user, mother, onSaved }: { user: Me; mother: MotherDetail; onSaved: () => void }) {
  const [babyId, setBabyId] = useState<string | undefined>(mother.babies[0]?.id);
  const [wet, setWet] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [colour, setColour] = useState<StoolColour | null>(null);
  const [when, setWhen] = useState(toLocalInput(new Date()));
  const form = useLogForm(
    user.userId,
    () => {
      if (!wet && !dirty) return t`Pilih basah, kotor, atau keduanya.`;
      const at = readTime(when);
      if (typeof at === 'string') return at;
      return {
        kind: 'nappy',
        motherId: mother.id,
        babyId: babyId ?? null,
        occurredAt: at,
        data: { wet, dirty, stoolColour: dirty ? colour : null },
      };
    },
    onSaved,
  );
  return (
    <FormShell title={t`Catat popok`} onSubmit={form.save} message={form.message} busy={form.busy}>
      <BabyPicker babies={mother.babies} value={babyId} onChange={setBabyId} />
      <div class="choice-row">
        <button
          type="button"
          class={`choice big ${wet ? 'chosen' : ''}`}
          aria-pressed={wet}
          data-testid="nappy-wet"
          onClick={() => setWet(!wet)}
        >
          {t`Basah (BAK)`}
        </button>
        <button
          type="button"
          class={`choice big ${dirty ? 'chosen' : ''}`}
          aria-pressed={dirty}
          data-testid="nappy-dirty"
          onClick={() => setDirty(!dirty)}
        >
          {t`Kotor (BAB)`}
        </button>
      </div>
      {dirty ? (
        <fieldset class="stack">
          <legend>{t`Warna BAB`}</legend>
          {(['meconium', 'green_brown', 'yellow', 'pale', 'other'] as const).map((c) => (
            <button
              key={c}
              type="button"
              class={`choice swatch swatch-${c} ${colour === c ? 'chosen' : ''}`}
              aria-pressed={colour === c}
              onClick={() => setColour(c)}
            >
              {colourLabel(c)}
            </button>
          ))}
        </fieldset>
      ) : null}
      <TimeField value={when} onChange={setWhen} />
    </FormShell>
  );
}
