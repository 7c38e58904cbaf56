import { SKILL_CHECKLIST } from '@lancar/content/training';
import type { SkillCheckView } from '@lancar/contracts';
import { newId, type SkillMark } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useRef, useState } from 'preact/hooks';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { locale } from '../../i18n/i18n.ts';
import { instantOfLocal, localDateTime } from '../../i18n/local-time.ts';
import { type SkillVerdict, skillVerdict } from './skill-verdict.ts';

type Marks = Record<string, SkillMark>;

const stepLabel = (id: string) => SKILL_CHECKLIST.steps.find((s) => s.id === id)?.label[locale.value] ?? id;

/**
 * The return demonstration, marked while watching: one pass/fail pair per checklist step in the order the massage
 * is done, big enough for a thumb, with the verdict and the save button kept in view at the bottom of the screen.
 */
export function SkillCheckForm({
  userId,
  name,
  onSaved,
}: {
  userId: string;
  name: string;
  onSaved: (check: SkillCheckView) => void;
}) {
  const [marks, setMarks] = useState<Marks>({});
  const [observedAt, setObservedAt] = useState(() => localDateTime(new Date()));
  const [notes, setNotes] = useState('');
  const [showMissing, setShowMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const verdict = skillVerdict(SKILL_CHECKLIST, marks);
  const missing = SKILL_CHECKLIST.steps.filter((s) => !marks[s.id]).map((s) => s.id);

  const save = useAction(async () => {
    if (missing.length > 0) {
      // Every step is marked before saving: an unmarked step is not a pass, and not a fail either.
      setShowMissing(true);
      formRef.current?.querySelector<HTMLInputElement>(`[name="step-${missing[0]}"]`)?.focus();
      return;
    }
    const at = instantOfLocal(observedAt);
    const check = await post<SkillCheckView>(`/api/training/companions/${userId}/skill-checks`, {
      id: newId(),
      results: marks,
      ...(at ? { observedAt: at } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
    setMarks({});
    setNotes('');
    setShowMissing(false);
    setObservedAt(localDateTime(new Date()));
    onSaved(check);
  });

  const mark = (stepId: string, value: 'pass' | 'fail') => setMarks((m) => ({ ...m, [stepId]: value }));

  return (
    <form ref={formRef} class="card staff-skill-form" onSubmit={save.submit} noValidate data-testid="skill-check-form">
      <h2 id="skill-check">{t`Uji keterampilan`}</h2>
      <p class="muted staff-small">{t`${name} memijat (demonstrasi ulang); tandai setiap langkah sambil mengamati.`}</p>
      <details class="staff-rule">
        <summary>{t`Aturan lulus (ditetapkan program)`}</summary>
        <p class="muted">
          {SKILL_CHECKLIST.passRule.description[locale.value]}{' '}
          {t`Aturan ini ditetapkan oleh program, bukan oleh bukti penelitian.`}
        </p>
      </details>
      <ol class="staff-steps">
        {SKILL_CHECKLIST.steps.map((step) => {
          const chosen = marks[step.id] ?? null;
          const unmarked = showMissing && chosen === null;
          const errorId = `step-error-${step.id}`;
          return (
            <li key={step.id}>
              <fieldset
                class={`staff-step${chosen ? ` staff-step-${chosen}` : ''}${unmarked ? ' staff-step-missing' : ''}`}
                data-testid={`step-${step.id}`}
                aria-describedby={unmarked ? errorId : undefined}
              >
                <legend>
                  {step.label[locale.value]}
                  {step.critical ? <span class="badge staff-critical">{t`kritis`}</span> : null}
                </legend>
                <div class="staff-step-body">
                  <details class="staff-looks-for">
                    <summary>{t`Yang dinilai`}</summary>
                    <p>{step.looksFor[locale.value]}</p>
                  </details>
                  <div class="staff-pass-fail">
                    <label class={`staff-mark staff-mark-pass${chosen === 'pass' ? ' chosen' : ''}`}>
                      <input
                        type="radio"
                        name={`step-${step.id}`}
                        value="pass"
                        checked={chosen === 'pass'}
                        onChange={() => mark(step.id, 'pass')}
                      />
                      {t`Lulus`}
                    </label>
                    <label class={`staff-mark staff-mark-fail${chosen === 'fail' ? ' chosen' : ''}`}>
                      <input
                        type="radio"
                        name={`step-${step.id}`}
                        value="fail"
                        checked={chosen === 'fail'}
                        onChange={() => mark(step.id, 'fail')}
                      />
                      {t`Belum`}
                    </label>
                  </div>
                </div>
                {unmarked ? (
                  <p class="staff-field-error" id={errorId}>
                    {t`Tandai lulus atau belum.`}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <label class="staff-observed-at">
        {t`Waktu pengamatan`}
        <input
          type="datetime-local"
          name="observedAt"
          value={observedAt}
          onInput={(e) => setObservedAt(e.currentTarget.value)}
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
      <ProblemMessage error={save.error} />
      <div class="staff-sticky-bar">
        <p class={`staff-verdict staff-verdict-${verdict.kind}`} aria-live="polite" data-testid="skill-verdict">
          <VerdictText verdict={verdict} />
        </p>
        <button type="submit" class="button primary" disabled={save.busy}>
          {t`Simpan hasil uji`}
        </button>
      </div>
    </form>
  );
}

function VerdictText({ verdict }: { verdict: SkillVerdict }) {
  switch (verdict.kind) {
    case 'unfinished': {
      const count = verdict.missing.length;
      return <>{t`Belum selesai: ${count} langkah belum dinilai.`}</>;
    }
    case 'passes': {
      const { othersPassed, othersRequired } = verdict;
      return (
        <>
          <strong>{t`Lulus:`}</strong>{' '}
          {t`semua langkah kritis lulus, dan ${othersPassed} langkah lain lulus (perlu ${othersRequired}).`}
        </>
      );
    }
    case 'not_yet': {
      const failed = verdict.failedCritical.map(stepLabel).join(', ');
      const { othersRequired } = verdict;
      return (
        <>
          <strong>{t`Belum lulus:`}</strong>{' '}
          {verdict.failedCritical.length > 0 ? t`${failed} (kritis) tidak lulus.` : null}
          {verdict.failedCritical.length > 0 && verdict.tooFewOthers ? ' ' : null}
          {verdict.tooFewOthers ? t`Langkah lain yang lulus tidak bisa lagi mencapai ${othersRequired}.` : null}
        </>
      );
    }
  }
}
