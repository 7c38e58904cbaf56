import { ADEQUACY_CHECKLIST, type AdequacyChecklistItem, CONTENT_VERSIONS } from '@lancar/content';
import type { Me } from '@lancar/contracts';
import { dayPostpartum, evaluateAdequacy } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { locale } from '../i18n/i18n.ts';
import { entries } from '../offline/household-store.ts';
import { currentMother } from './current-mother.ts';
import { domainEntries } from './household-view.ts';
import { BabyPicker } from './log/baby-picker.tsx';
import { FormShell } from './log/form-shell.tsx';
import { useLogForm } from './log/use-log-form.ts';

function question(item: AdequacyChecklistItem, day: number): string {
  const text = item.question[locale.value];
  if (item.kind !== 'count') return text;
  const row = item.thresholds.find((r) => r.fromDay <= day && (r.toDay === null || day <= r.toDay));
  return text.replace('{min}', String(row?.min ?? ''));
}

/**
 * The daily milk-adequacy checklist. What the phone already knows (feeds, nappies, weights logged today) fills itself
 * in; the mother answers the rest. The result is said plainly and never more strongly than the evidence allows.
 */
export default function ChecklistPage({ user }: { user: Me }) {
  const { route } = useLocation();
  const mother = currentMother.value;
  const [babyId, setBabyId] = useState<string | undefined>(mother?.babies[0]?.id);
  const [answers, setAnswers] = useState<Record<string, boolean | null>>({});
  const now = new Date();
  const deliveredAt = mother?.deliveredAt ? new Date(mother.deliveredAt) : undefined;
  const day = deliveredAt ? dayPostpartum(deliveredAt, now) : undefined;
  // The profile may arrive after the first render: fall back to the first baby until one is chosen.
  const baby = mother?.babies.find((b) => b.id === babyId) ?? mother?.babies[0];
  const evaluation =
    mother && deliveredAt && day && baby
      ? evaluateAdequacy({
          checklist: ADEQUACY_CHECKLIST,
          dayOfLife: day,
          deliveredAt,
          now,
          babyId: baby.id,
          birthWeightG: baby.birthWeightG,
          entries: domainEntries(entries.value, mother.id),
          answers,
        })
      : undefined;
  const form = useLogForm(
    user.userId,
    () => {
      if (!mother || !evaluation || !day) return t`Tanggal persalinan belum dicatat bidan.`;
      return {
        kind: 'adequacy_check',
        motherId: mother.id,
        babyId: baby?.id ?? null,
        occurredAt: new Date(),
        data: {
          dayOfLife: day,
          answers,
          result: evaluation.result,
          contentVersion: CONTENT_VERSIONS.adequacyChecklist,
        },
      };
    },
    () => route('/?tersimpan=1'),
  );
  if (!mother) return <p class="muted">{t`Memuat…`}</p>;
  const items = ADEQUACY_CHECKLIST.items.filter((item) => day !== undefined && item.fromDay <= day);
  return (
    <FormShell
      title={t`Ceklis ASI cukup, hari ke-${day ?? '–'}`}
      onSubmit={form.save}
      message={form.message}
      busy={form.busy}
    >
      <p class="muted">{ADEQUACY_CHECKLIST.note[locale.value]}</p>
      <BabyPicker babies={mother.babies} value={baby?.id} onChange={setBabyId} />
      <ol class="checklist">
        {items.map((item) => {
          const result = evaluation?.items.find((r) => r.id === item.id);
          const fromEntries = result?.basis === 'entries';
          return (
            <li key={item.id} class={`check-${result?.status ?? 'unknown'}`} data-testid={`check-${item.id}`}>
              <p>{question(item, day ?? 1)}</p>
              {fromEntries ? (
                <p class="muted">
                  {result?.status === 'pass' ? t`Ya, menurut catatan hari ini` : t`Belum, menurut catatan hari ini`}
                  {typeof result?.observed === 'number' ? ` (${result.observed})` : ''}
                </p>
              ) : item.kind === 'weight_loss' || item.kind === 'weight_regained' ? (
                <p class="muted">{t`Diisi dari catatan berat bayi.`}</p>
              ) : (
                <div class="choice-row">
                  {([true, false] as const).map((value) => (
                    <button
                      key={String(value)}
                      type="button"
                      class={`choice ${answers[item.id] === value ? 'chosen' : ''}`}
                      aria-pressed={answers[item.id] === value}
                      data-testid={`answer-${item.id}-${value ? 'yes' : 'no'}`}
                      onClick={() => setAnswers({ ...answers, [item.id]: value })}
                    >
                      {value ? t`Ya` : t`Tidak`}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {evaluation ? (
        <div class={`notice result-${evaluation.result}`} data-testid="checklist-result" role="status">
          {ADEQUACY_CHECKLIST.results[evaluation.result][locale.value]}
        </div>
      ) : null}
    </FormShell>
  );
}
