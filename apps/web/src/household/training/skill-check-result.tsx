import { SKILL_CHECKLIST } from '@lancar/content/training';
import type { SkillCheckView } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { formatDate, locale } from '../../i18n/i18n.ts';

/** A step's name from the checklist; a mark from an older checklist version shows its id rather than nothing. */
function stepLabel(stepId: string): string {
  return SKILL_CHECKLIST.steps.find((s) => s.id === stepId)?.label[locale.value] ?? stepId;
}

/** The latest return demonstration: when, who watched, and passed or which steps to practise. */
export function SkillCheckResult({ check }: { check: SkillCheckView }) {
  const toPractise = Object.entries(check.results)
    .filter(([, mark]) => mark === 'fail')
    .map(([stepId]) => stepId);
  return (
    <div class={`notice ${check.passed ? '' : 'notice-warn'}`} data-testid="skill-check-result">
      <p>
        <strong>{check.passed ? t`Lulus cek keterampilan` : t`Belum lulus cek keterampilan`}</strong>
      </p>
      <p>
        {formatDate(check.observedAt)}
        {check.observerName ? ` · ${t`dicek oleh ${check.observerName}`}` : ''}
      </p>
      {toPractise.length > 0 ? (
        <>
          <p>{check.passed ? t`Masih bisa diperbaiki:` : t`Langkah yang perlu dilatih lagi:`}</p>
          <ul>
            {toPractise.map((id) => (
              <li key={id}>{stepLabel(id)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {check.notes ? <p class="muted">{t`Catatan: ${check.notes}`}</p> : null}
    </div>
  );
}
