import type { Baby } from '@lancar/contracts';
import { t } from '@lingui/core/macro';

/** For twins: which baby this is about. Nothing to choose for one baby. */
export function BabyPicker({
  babies,
  value,
  onChange,
}: {
  babies: Baby[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  if (babies.length < 2) return null;
  return (
    <fieldset class="choice-row">
      <legend>{t`Bayi yang mana?`}</legend>
      {babies.map((baby) => (
        <button
          key={baby.id}
          type="button"
          class={`choice ${value === baby.id ? 'chosen' : ''}`}
          aria-pressed={value === baby.id}
          onClick={() => onChange(baby.id)}
        >
          {baby.name ?? t`Bayi ${baby.birthOrder}`}
        </button>
      ))}
    </fieldset>
  );
}
