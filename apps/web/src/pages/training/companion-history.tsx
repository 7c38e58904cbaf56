import { SKILL_CHECKLIST } from '@lancar/content/training';
import type { AttemptView, SkillCheckView } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { formatDateTime, locale } from '../../i18n/i18n.ts';
import { phaseLabel, sheetScoreText, sourceLabel } from './training-labels.ts';

/** Every test sheet of a companion, oldest first: phone or paper, the score, or that it is partial. */
export function TestSheets({ attempts }: { attempts: readonly AttemptView[] }) {
  const sorted = [...attempts].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return (
    <section class="card" aria-labelledby="staff-sheets-title">
      <h2 id="staff-sheets-title">{t`Tes pengetahuan`}</h2>
      {sorted.length === 0 ? <p class="muted">{t`Belum ada tes.`}</p> : null}
      <ul class="plain-list" data-testid="test-sheets">
        {sorted.map((a) => (
          <li key={a.id} class="staff-history-row">
            <span>
              <strong>{phaseLabel(a.phase)}</strong> · {sourceLabel(a.source)}
              <br />
              <span class="muted">{formatDateTime(a.takenAt)}</span>
            </span>
            <span class={a.score === null ? 'staff-partial' : 'staff-score'}>{sheetScoreText(a)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const stepLabel = (id: string) => SKILL_CHECKLIST.steps.find((s) => s.id === id)?.label[locale.value] ?? id;

/** The return demonstrations observed so far, newest first: who watched, passed or not, and the failed steps. */
export function SkillCheckHistory({ checks }: { checks: readonly SkillCheckView[] }) {
  const sorted = [...checks].sort((a, b) => b.observedAt.localeCompare(a.observedAt));
  return (
    <section class="card" aria-labelledby="staff-checks-title">
      <h2 id="staff-checks-title">{t`Riwayat uji keterampilan`}</h2>
      {sorted.length === 0 ? <p class="muted">{t`Belum pernah diuji.`}</p> : null}
      <ul class="plain-list" data-testid="skill-check-history">
        {sorted.map((check) => {
          const failed = Object.entries(check.results)
            .filter(([, mark]) => mark === 'fail')
            .map(([id]) => stepLabel(id));
          const observer = check.observerName ?? '–';
          return (
            <li key={check.id}>
              <strong class={check.passed ? 'staff-passed' : 'staff-not-passed'}>
                {check.passed ? t`Lulus` : t`Belum lulus`}
              </strong>{' '}
              · {formatDateTime(check.observedAt)} · <span class="muted">{t`dinilai oleh ${observer}`}</span>
              {failed.length > 0 ? <p class="staff-small">{t`Tidak lulus: ${failed.join(', ')}`}</p> : null}
              {check.notes ? <p class="staff-small">{check.notes}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
