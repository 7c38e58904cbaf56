import type { Baby } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { formatNumber } from '../i18n/i18n.ts';
import { sexLabel } from './labels.ts';

/** A mother's baby or babies: name (or order), sex, and birth weight in grams. */
export function BabyList({ babies, framed = false }: { babies: Baby[]; framed?: boolean }) {
  return (
    <ul class={framed ? 'plain-list card' : 'plain-list'}>
      {babies.map((baby) => (
        <li key={baby.id}>
          {baby.name ?? t`Bayi ${baby.birthOrder}`} · {sexLabel(baby.sex)}
          {baby.birthWeightG ? ` · ${t`berat lahir ${formatNumber(baby.birthWeightG)} g`}` : ''}
        </li>
      ))}
    </ul>
  );
}
