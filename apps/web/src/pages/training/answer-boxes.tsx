import { QUIZ_ITEMS } from '@lancar/content/training';
import { scoreQuiz } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { locale } from '../../i18n/i18n.ts';
import { readBoxes, typeIntoBoxes } from './sheet-entry.ts';

/**
 * One box per question, numbered as on the paper sheet: type the circled letter and the cursor moves on; a dash
 * (or nothing) is a question left blank. A whole row of letters can be typed or pasted into the first box. Enter
 * saves the sheet (the form's submit).
 */
export function AnswerBoxes({
  boxes,
  onChange,
  firstBox,
}: {
  boxes: readonly string[];
  onChange: (boxes: string[]) => void;
  firstBox: RefObject<HTMLInputElement | null>;
}) {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  // The boxes as last typed, ahead of the next render: two quick keystrokes must not both start from the old boxes.
  const latest = useRef(boxes);
  latest.current = boxes;
  const read = readBoxes(boxes, QUIZ_ITEMS);
  const scored = read.invalid.length === 0 ? scoreQuiz(QUIZ_ITEMS, read.answers) : null;
  const focusBox = (index: number) => {
    const input = inputs.current[index];
    input?.focus();
    input?.select();
  };

  const onInput = (index: number, input: HTMLInputElement) => {
    const typed = input.value;
    const { boxes: next, next: nextIndex } = typeIntoBoxes(latest.current, index, typed);
    latest.current = next;
    // Show the box as stored ("-" becomes empty), even when the stored value did not change and nothing re-renders.
    input.value = next[index] ?? '';
    onChange(next);
    // Move on only when everything just typed is a letter of the sheet or a blank; otherwise stay to fix it.
    const wrote = (i: number) => i >= index && i < index + typed.length;
    const allFit = typed.length > 0 && !readBoxes(next, QUIZ_ITEMS).invalid.some(wrote);
    if (allFit && nextIndex !== index) focusBox(nextIndex);
  };

  const onKeyDown = (index: number, event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft' && index > 0) {
      event.preventDefault();
      focusBox(index - 1);
    } else if (event.key === 'ArrowRight' && index < boxes.length - 1) {
      event.preventDefault();
      focusBox(index + 1);
    } else if (event.key === 'Backspace' && (latest.current[index] ?? '') === '' && index > 0) {
      // Backspace in an empty box goes back one, as people expect from one-letter boxes.
      event.preventDefault();
      focusBox(index - 1);
    }
  };

  return (
    <fieldset class="staff-boxes-fieldset">
      <legend>{t`Jawaban per soal (huruf a–d; kosong atau - bila tidak dijawab)`}</legend>
      <div class="staff-boxes">
        {QUIZ_ITEMS.map((item, index) => {
          const invalid = read.invalid.includes(index);
          const number = index + 1;
          return (
            <label
              key={item.id}
              class={`staff-box${invalid ? ' staff-box-invalid' : ''}`}
              title={item.question[locale.value]}
            >
              <span class="staff-box-number" aria-hidden="true">
                {number}
              </span>
              <input
                ref={(el) => {
                  inputs.current[index] = el;
                  if (index === 0) firstBox.current = el;
                }}
                name={`answer-${number}`}
                aria-label={t`Soal ${number}`}
                aria-invalid={invalid}
                aria-describedby={invalid ? 'staff-boxes-error' : undefined}
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                enterKeyHint="next"
                value={boxes[index] ?? ''}
                onFocus={(e) => e.currentTarget.select()}
                onInput={(e) => onInput(index, e.currentTarget)}
                onKeyDown={(e) => onKeyDown(index, e)}
              />
            </label>
          );
        })}
      </div>
      {read.invalid.length > 0 ? (
        <p class="staff-field-error" id="staff-boxes-error">
          {t`Soal ${read.invalid.map((i) => i + 1).join(', ')}: isi hanya a, b, c, d, atau kosong.`}
        </p>
      ) : null}
      <p class="staff-small" data-testid="boxes-summary">
        <BoxesSummary answered={read.answered} total={QUIZ_ITEMS.length} scored={scored} />
      </p>
    </fieldset>
  );
}

function BoxesSummary({
  answered,
  total,
  scored,
}: {
  answered: number;
  total: number;
  scored: ReturnType<typeof scoreQuiz> | null;
}) {
  if (answered === 0) return <>{t`Belum ada jawaban.`}</>;
  if (!scored?.ok) return <>{t`Dijawab ${answered} dari ${total}.`}</>;
  if (scored.score === null) {
    return <>{t`Dijawab ${answered} dari ${total}: lembar sebagian, tidak dinilai (bukan nol).`}</>;
  }
  const { score, correct } = scored;
  return <>{t`Dijawab ${total} dari ${total}: nilai ${score} (${correct} benar). Cocokkan dengan nilai di kertas.`}</>;
}
