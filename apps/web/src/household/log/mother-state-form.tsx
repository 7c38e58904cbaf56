import type { Me, MotherDetail } from '@lancar/contracts';
import type { BreastComfort } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { FormShell } from './form-shell.tsx';
import { readTime, TimeField, toLocalInput } from './time-field.tsx';
import { useLogForm } from './use-log-form.ts';

function comfortLabel(comfort: BreastComfort): string {
  switch (comfort) {
    case 'soft':
      return t`Lembut`;
    case 'full':
      return t`Penuh`;
    case 'engorged':
      return t`Bengkak, keras`;
    case 'red_painful':
      return t`Merah dan nyeri`;
  }
}

/** How the mother is: stress, sleep, how her breasts feel, fever. Every item may stay empty. */
export function MotherStateForm({ user, mother, onSaved }: { user: Me; mother: MotherDetail; onSaved: () => void }) {
  const [stress, setStress] = useState<number | null>(null);
  const [sleep, setSleep] = useState('');
  const [comfort, setComfort] = useState<BreastComfort | null>(null);
  const [fever, setFever] = useState<boolean | null>(null);
  const [when, setWhen] = useState(toLocalInput(new Date()));
  const form = useLogForm(
    user.userId,
    () => {
      const sleepHours = sleep.trim() === '' ? null : Number(sleep.replace(',', '.'));
      if (sleepHours !== null && !(sleepHours >= 0 && sleepHours <= 24)) return t`Tidur: 0 sampai 24 jam.`;
      if (stress === null && sleepHours === null && comfort === null && fever === null) return t`Isi minimal satu hal.`;
      const at = readTime(when);
      if (typeof at === 'string') return at;
      return {
        kind: 'mother_state',
        motherId: mother.id,
        babyId: null,
        occurredAt: at,
        data: { stress, sleepHours, breastComfort: comfort, fever },
      };
    },
    onSaved,
  );
  return (
    <FormShell title={t`Kondisi ibu`} onSubmit={form.save} message={form.message} busy={form.busy}>
      <fieldset>
        <legend>{t`Seberapa tegang atau cemas? (0 tenang, 10 sangat cemas)`}</legend>
        <div class="scale">
          {Array.from({ length: 11 }, (_, n) => (
            <button
              key={n}
              type="button"
              class={`choice ${stress === n ? 'chosen' : ''}`}
              aria-pressed={stress === n}
              onClick={() => setStress(n)}
            >
              {n}
            </button>
          ))}
        </div>
      </fieldset>
      <label>
        {t`Tidur dalam 24 jam terakhir (jam)`}
        <input
          name="sleepHours"
          type="number"
          inputMode="decimal"
          min={0}
          max={24}
          step="0.5"
          value={sleep}
          onInput={(e) => setSleep(e.currentTarget.value)}
        />
      </label>
      <fieldset class="choice-row">
        <legend>{t`Payudara terasa`}</legend>
        {(['soft', 'full', 'engorged', 'red_painful'] as const).map((c) => (
          <button
            key={c}
            type="button"
            class={`choice ${comfort === c ? 'chosen' : ''}`}
            aria-pressed={comfort === c}
            onClick={() => setComfort(c)}
          >
            {comfortLabel(c)}
          </button>
        ))}
      </fieldset>
      <fieldset class="choice-row">
        <legend>{t`Demam?`}</legend>
        <button
          type="button"
          class={`choice ${fever === true ? 'chosen' : ''}`}
          aria-pressed={fever === true}
          onClick={() => setFever(true)}
        >
          {t`Ya`}
        </button>
        <button
          type="button"
          class={`choice ${fever === false ? 'chosen' : ''}`}
          aria-pressed={fever === false}
          onClick={() => setFever(false)}
        >
          {t`Tidak`}
        </button>
      </fieldset>
      <TimeField value={when} onChange={setWhen} />
    </FormShell>
  );
}
