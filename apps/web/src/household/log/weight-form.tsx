import type { Me, MotherDetail } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import { weightChangePercent } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../i18n/i18n.ts';
import { BabyPicker } from './baby-picker.tsx';
import { FormShell } from './form-shell.tsx';
import { readTime, TimeField, toLocalInput } from './time-field.tsx';
import { useLogForm } from './use-log-form.ts';

/** The baby's weight in grams, with the change from birth weight shown as it is typed. */
export function WeightForm({ user, mother, onSaved }: { user: Me; mother: MotherDetail; onSaved: () => void }) {
  const [babyId, setBabyId] = useState<string | undefined>(mother.babies[0]?.id);
  const [grams, setGrams] = useState('');
  const [when, setWhen] = useState(toLocalInput(new Date()));
  const baby = mother.babies.find((b) => b.id === babyId);
  const value = Number(grams);
  const valid = Number.isInteger(value) && value >= LIMITS.weightMinG && value <= LIMITS.weightMaxG;
  const change = valid && baby?.birthWeightG ? weightChangePercent(baby.birthWeightG, value) : undefined;
  const form = useLogForm(
    user.userId,
    () => {
      if (!valid) return t`Berat dalam gram, dari ${LIMITS.weightMinG} sampai ${LIMITS.weightMaxG}. Contoh: 3100.`;
      const at = readTime(when);
      if (typeof at === 'string') return at;
      return { kind: 'weight', motherId: mother.id, babyId: babyId ?? null, occurredAt: at, data: { grams: value } };
    },
    onSaved,
  );
  return (
    <FormShell title={t`Catat berat bayi`} onSubmit={form.save} message={form.message} busy={form.busy}>
      <BabyPicker babies={mother.babies} value={babyId} onChange={setBabyId} />
      <label>
        {t`Berat (gram)`}
        <input
          name="grams"
          type="number"
          inputMode="numeric"
          min={LIMITS.weightMinG}
          max={LIMITS.weightMaxG}
          value={grams}
          onInput={(e) => setGrams(e.currentTarget.value)}
        />
      </label>
      {change !== undefined && baby?.birthWeightG ? (
        <p class="card" data-testid="weight-change">
          {t`Berat lahir ${formatNumber(baby.birthWeightG)} g`} ·{' '}
          {change <= 0 ? t`turun ${formatNumber(Math.abs(change))}%` : t`naik ${formatNumber(change)}%`}
        </p>
      ) : null}
      <TimeField value={when} onChange={setWhen} />
    </FormShell>
  );
}
