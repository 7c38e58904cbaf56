import { DANGER_NOTE, DANGER_SIGNS } from '@lancar/content';
import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { locale } from '../i18n/i18n.ts';
import { currentMother } from './current-mother.ts';
import { FormShell } from './log/form-shell.tsx';
import { useLogForm } from './log/use-log-form.ts';

/** Report danger signs: the home screen then says "call the midwife now", and she gets an alert when it syncs. */
export default function DangerReportPage({ user }: { user: Me }) {
  const { route } = useLocation();
  const mother = currentMother.value;
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useLogForm(
    user.userId,
    () => {
      if (!mother) return t`Memuat…`;
      if (chosen.length === 0) return t`Pilih tanda yang terlihat.`;
      return {
        kind: 'danger_report',
        motherId: mother.id,
        babyId: null,
        occurredAt: new Date(),
        data: { signs: chosen },
      };
    },
    () => route('/'),
  );
  const reportable = DANGER_SIGNS.filter((s) => s.reportable);
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const group = (who: 'baby' | 'mother') => (
    <fieldset class="stack">
      <legend>{who === 'baby' ? t`Pada bayi` : t`Pada ibu`}</legend>
      {reportable
        .filter((s) => s.who === who)
        .map((s) => (
          <button
            key={s.id}
            type="button"
            class={`choice danger-choice ${chosen.includes(s.id) ? 'chosen' : ''}`}
            aria-pressed={chosen.includes(s.id)}
            data-testid={`danger-${s.id}`}
            onClick={() => toggle(s.id)}
          >
            {s.label[locale.value]}
          </button>
        ))}
    </fieldset>
  );
  return (
    <FormShell title={t`Tanda bahaya`} onSubmit={form.save} message={form.message} busy={form.busy}>
      <p class="muted">{DANGER_NOTE[locale.value]}</p>
      {group('baby')}
      {group('mother')}
    </FormShell>
  );
}
