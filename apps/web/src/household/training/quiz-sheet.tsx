import { QUIZ_ITEMS, quizItemById } from '@lancar/content/training';
import { shuffleQuiz } from '@lancar/domain';
import { plural, t } from '@lingui/core/macro';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { locale } from '../../i18n/i18n.ts';
import { atPosition, blankPositions, type QuizDraft, withAnswer } from './quiz-draft.ts';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

interface SheetProps {
  draft: QuizDraft;
  onChange: (draft: QuizDraft) => void;
  onSend: (draft: QuizDraft) => Promise<void>;
}

/** Moves focus to a screen's heading whenever `key` changes, so a screen reader starts at the new question. */
function useFocusOnChange(key: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/**
 * The test, one question per screen, in the order (items and options) that the attempt id seeds, so a reload shows
 * the same sheet. Big tap targets; any question may be left blank; the last screen checks before sending.
 */
export function QuizSheet({ draft, onChange, onSend }: SheetProps) {
  const order = useMemo(() => shuffleQuiz(QUIZ_ITEMS, draft.attemptId), [draft.attemptId]);
  const count = order.length;
  if (draft.position >= count) {
    return <SendScreen draft={draft} shownIds={order.map((o) => o.itemId)} onChange={onChange} onSend={onSend} />;
  }
  const shown = order[draft.position];
  const item = shown && quizItemById(shown.itemId);
  if (!shown || !item) return null;
  return (
    <QuestionScreen
      draft={draft}
      number={draft.position + 1}
      count={count}
      itemId={item.id}
      question={item.question[locale.value]}
      options={shown.optionIds.map((id) => ({
        id,
        text: item.options.find((o) => o.id === id)?.text[locale.value] ?? '',
      }))}
      onChange={onChange}
    />
  );
}

function QuestionScreen(props: {
  draft: QuizDraft;
  number: number;
  count: number;
  itemId: string;
  question: string;
  options: { id: string; text: string }[];
  onChange: (draft: QuizDraft) => void;
}) {
  const { draft, number, count, itemId, onChange } = props;
  const heading = useFocusOnChange(number);
  const chosen = draft.answers[itemId];
  const headingId = `question-${itemId}`;
  const move = (to: number) => onChange(atPosition(draft, to, count));
  return (
    <div class="quiz">
      <div class="quiz-top">
        <span>{draft.phase === 'pre' ? t`Tes awal` : t`Tes akhir`}</span>
        <span class="quiz-count" data-testid="quiz-count">
          {number} / {count}
        </span>
      </div>
      {/* An SVG bar, sized by attributes: the Content-Security-Policy allows no style attributes. */}
      <svg class="quiz-bar" viewBox={`0 0 ${count} 1`} preserveAspectRatio="none" aria-hidden="true">
        <rect width={count} height="1" class="quiz-bar-track" />
        <rect width={number} height="1" class="quiz-bar-done" />
      </svg>
      <h1
        class="quiz-question"
        id={headingId}
        tabIndex={-1}
        ref={heading}
        data-testid="quiz-question"
        data-item={itemId}
      >
        <span class="visually-hidden">{t`Soal ${number} dari ${count}.`} </span>
        {props.question}
      </h1>
      <div class="quiz-options" role="radiogroup" aria-labelledby={headingId}>
        {props.options.map((option, i) => (
          <label
            key={option.id}
            class={`quiz-option ${chosen === option.id ? 'chosen' : ''}`}
            data-testid={`option-${option.id}`}
          >
            <input
              type="radio"
              name={`answer-${itemId}`}
              value={option.id}
              checked={chosen === option.id}
              onChange={() => onChange(withAnswer(draft, itemId, option.id))}
            />
            <span class="quiz-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span>{option.text}</span>
          </label>
        ))}
      </div>
      {chosen ? (
        <button type="button" class="link-button" onClick={() => onChange(withAnswer(draft, itemId, null))}>
          {t`Kosongkan jawaban`}
        </button>
      ) : (
        <p class="muted quiz-blank-hint">{t`Boleh dilewati bila Anda tidak tahu.`}</p>
      )}
      <nav class="quiz-controls" aria-label={t`Soal`}>
        <button
          type="button"
          class="button secondary"
          disabled={number === 1}
          onClick={() => move(number - 2)}
          data-testid="quiz-back"
        >
          {t`← Sebelumnya`}
        </button>
        <button type="button" class="button primary" onClick={() => move(number)} data-testid="quiz-next">
          {number === count ? t`Periksa` : chosen ? t`Berikutnya →` : t`Lewati →`}
        </button>
      </nav>
    </div>
  );
}

function SendScreen({ draft, shownIds, onChange, onSend }: SheetProps & { shownIds: string[] }) {
  const heading = useFocusOnChange(draft.position);
  const blanks = blankPositions(draft, shownIds);
  const count = shownIds.length;
  const answered = count - blanks.length;
  const action = useAction(() => onSend(draft));
  return (
    <div class="quiz">
      <h1 tabIndex={-1} ref={heading}>
        {t`Periksa sebelum mengirim`}
      </h1>
      <p data-testid="quiz-answered">{t`${answered} dari ${count} soal dijawab.`}</p>
      {blanks.length > 0 ? (
        <div class="notice notice-warn" role="alert" data-testid="quiz-blanks">
          <strong>{plural(blanks.length, { one: '# soal belum dijawab.', other: '# soal belum dijawab.' })}</strong>
          <p>{t`Soal yang tidak dijawab membuat tes tidak lengkap. Tes tetap disimpan, tetapi tidak diberi nilai.`}</p>
          <div class="choice-row quiz-jump">
            {blanks.map((position) => (
              <button
                key={position}
                type="button"
                class="choice"
                onClick={() => onChange(atPosition(draft, position, count))}
              >
                {t`Soal ${position + 1}`}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <p class="notice">{t`Semua soal sudah dijawab.`}</p>
      )}
      <p class="muted">
        {draft.phase === 'pre'
          ? t`Setelah dikirim, jawaban tidak bisa diubah. Tes awal hanya sekali.`
          : t`Setelah dikirim, jawaban tidak bisa diubah.`}
      </p>
      <ProblemMessage error={action.error} />
      <div class="quiz-send">
        <button
          type="button"
          class="button primary"
          disabled={action.busy}
          onClick={() => void action.run()}
          data-testid="quiz-send"
        >
          {blanks.length > 0 ? t`Kirim walau belum lengkap` : t`Kirim jawaban`}
        </button>
        <button
          type="button"
          class="button secondary"
          // While sending, going back would store the draft again after the save removed it.
          disabled={action.busy}
          onClick={() => onChange(atPosition(draft, count - 1, count))}
          data-testid="quiz-review-back"
        >
          {t`← Kembali ke soal`}
        </button>
      </div>
    </div>
  );
}
