import type { Me, MotherDetail } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { FormShell } from './form-shell.tsx';
import { readTime, TimeField, toLocalInput } from './time-field.tsx';
import { useLogForm } from './use-log-form.ts';

function readMl(value: string): number | undefined {
  if (value.trim() === '') return 0;
  const ml = Number(value.replace(',', '.'));
  return Number.isFinite(ml) && ml >= 0 && ml <= LIMITS.expressedMlMax ? ml : undefined;
}

/** Expressed milk in millilitres per breast. Early volumes are small and that is normal: no "low" label here. */
export function ExpressionForm({ user, mother, onSaved }: { user: Me; mother: MotherDetail; onSaved: () => void }) {
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [when, setWhen] = useState(toLocalInput(new Date()));
  const form = useLogForm(
    user.userId,
    () => {
      const leftMl = readMl(left);
      const rightMl = readMl(right);
      if (leftMl === undefined || rightMl === undefined)
        return t`Isi angka ml dari 0 sampai ${LIMITS.expressedMlMax} untuk tiap payudara.`;
      if (leftMl + rightMl === 0) return t`Isi ml minimal untuk satu payudara.`;
      const at = readTime(when);
      if (typeof at === 'string') return at;
      return { kind: 'expression', motherId: mother.id, babyId: null, occurredAt: at, data: { leftMl, rightMl } };
    },
    onSaved,
  );
  return (
    <FormShell title={t`Catat ASI perah`} onSubmit={form.save} message={form.message} busy={form.busy}>
      <div class="row">
        <label>
          {t`Kiri (ml)`}
          <input
            name="leftMl"
            type="number"
            inputMode="decimal"
            min={0}
            max={LIMITS.expressedMlMax}
            step="0.5"
            value={left}
            onInput={(e) => setLeft(e.currentTarget.value)}
          />
        </label>
        <label>
          {t`Kanan (ml)`}
          <input
            name="rightMl"
            type="number"
            inputMode="decimal"
            min={0}
            max={LIMITS.expressedMlMax}
            step="0.5"
            value={right}
            onInput={(e) => setRight(e.currentTarget.value)}
          />
        </label>
      </div>
      <p class="muted">{t`Pada hari-hari pertama ASI perah memang sedikit (beberapa ml). Itu normal.`}</p>
      <TimeField value={when} onChange={setWhen} />
    </FormShell>
  );
}
