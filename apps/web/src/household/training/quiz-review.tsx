import type { QuizItem } from '@lancar/content';
import { lessonById, QUIZ_ITEMS } from '@lancar/content/training';
import { shuffleQuiz } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { locale } from '../../i18n/i18n.ts';
import type { TrainingAttempt } from './training-records.ts';

interface ReviewRow {
  item: QuizItem;
  chosen: string | null;
  correct: boolean;
}

function optionText(item: QuizItem, optionId: string | null): string | null {
  return optionId === null ? null : (item.options.find((o) => o.id === optionId)?.text[locale.value] ?? null);
}

function ReviewItem({ row }: { row: ReviewRow }) {
  const { item, chosen, correct } = row;
  const lesson = lessonById(item.lesson);
  const given = optionText(item, chosen);
  return (
    <li class={`card review-item ${correct ? 'review-right' : 'review-wrong'}`} data-testid={`review-${item.id}`}>
      <p class="review-mark">{correct ? t`✓ Benar` : chosen === null ? t`– Tidak dijawab` : t`✗ Salah`}</p>
      <p class="review-question">{item.question[locale.value]}</p>
      {correct ? (
        <p>
          {t`Jawaban Anda`}: <strong>{given}</strong>
        </p>
      ) : (
        <>
          <p>
            {t`Jawaban Anda`}: {given === null ? <em>{t`tidak dijawab`}</em> : <strong>{given}</strong>}
          </p>
          <p data-testid="review-correct">
            {t`Jawaban yang benar`}: <strong>{optionText(item, item.correctOptionId)}</strong>
          </p>
        </>
      )}
      <p class="review-explanation">{item.explanation[locale.value]}</p>
      {!correct && lesson ? (
        <a href={`/belajar/materi/${lesson.id}`} data-testid="review-lesson">
          {t`Baca lagi: ${lesson.title[locale.value]}`}
        </a>
      ) : null}
    </li>
  );
}

/**
 * Every question of a post-test with the answer given, the right answer and the explanation (content/quiz-items.json),
 * in the order the companion saw them (seeded by the attempt id); the ones to learn again first.
 */
export function QuizReview({ attempt }: { attempt: TrainingAttempt }) {
  const rows: ReviewRow[] = shuffleQuiz(QUIZ_ITEMS, attempt.id).flatMap(({ itemId }) => {
    const item = QUIZ_ITEMS.find((i) => i.id === itemId);
    if (!item) return [];
    const chosen = attempt.answers[itemId] ?? null;
    return [{ item, chosen, correct: chosen === item.correctOptionId }];
  });
  const toLearn = rows.filter((r) => !r.correct);
  const right = rows.filter((r) => r.correct);
  return (
    <div class="quiz-review" data-testid="quiz-review">
      {toLearn.length > 0 ? (
        <>
          <h2>{t`Perlu dipelajari lagi (${toLearn.length})`}</h2>
          <ol class="plain-list review-list">
            {toLearn.map((row) => (
              <ReviewItem key={row.item.id} row={row} />
            ))}
          </ol>
        </>
      ) : null}
      {right.length > 0 ? (
        <>
          <h2>{t`Jawaban benar (${right.length})`}</h2>
          <ol class="plain-list review-list">
            {right.map((row) => (
              <ReviewItem key={row.item.id} row={row} />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
