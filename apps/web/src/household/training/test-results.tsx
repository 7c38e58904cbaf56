import { LESSONS, QUIZ_VERSION } from '@lancar/content/training';
import { t } from '@lingui/core/macro';
import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime } from '../../i18n/i18n.ts';
import type { TrainingOnThisPhone } from '../../offline/training-store.ts';
import { QuizReview } from './quiz-review.tsx';
import { RecordStateNote } from './record-state-note.tsx';
import type { TrainingAttempt } from './training-records.ts';

/** Focus on the result's heading when it appears (right after sending), so it is read out first. */
function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ScoreLine({ attempt }: { attempt: TrainingAttempt }) {
  if (attempt.score === null) {
    return (
      <>
        <p class="big-number unscored" data-testid="test-score">
          {t`Tidak dinilai`}
        </p>
        <p>
          {t`Tes ini tidak lengkap: ${attempt.answered} dari ${attempt.total} soal dijawab. Tes yang tidak lengkap disimpan, tetapi tidak diberi nilai.`}
        </p>
      </>
    );
  }
  return (
    <>
      <p class="big-number" data-testid="test-score">
        {t`Nilai ${attempt.score}`}
      </p>
      {attempt.total > 0 ? <p>{t`${attempt.correct} dari ${attempt.total} jawaban benar.`}</p> : null}
    </>
  );
}

/**
 * After the pre-test: only the score and "now read the lessons". Neither the answers nor the right ones are shown:
 * that would give away the post-test.
 */
export function PreTestResult({ attempt }: { attempt: TrainingAttempt }) {
  const heading = useFocusOnMount();
  const first = LESSONS[0];
  return (
    <div class="card training-result" data-testid="pre-result">
      <h1 tabIndex={-1} ref={heading}>
        {t`Hasil tes awal`}
      </h1>
      <p class="muted">{formatDateTime(attempt.takenAt)}</p>
      <ScoreLine attempt={attempt} />
      <RecordStateNote state={attempt.state} problem={attempt.problem} />
      <p>
        {attempt.score === null ? null : `${t`Ini nilai Anda sebelum belajar.`} `}
        {t`Tes awal hanya sekali. Sekarang baca pelajaran; tes akhir nanti menunjukkan apa yang sudah Anda pelajari.`}
      </p>
      {first ? (
        <a class="button primary wide" href={`/belajar/materi/${first.id}`} data-testid="start-lessons">
          {t`Sekarang baca pelajaran`}
        </a>
      ) : null}
    </div>
  );
}

/**
 * After a post-test: the score against the pass mark, passed or not, then every question with the answer given, the
 * right one and why; wrong ones link to the lesson to read again. The person may take the test again.
 */
export function PostTestResult({
  attempt,
  picture,
  onRetake,
}: {
  attempt: TrainingAttempt;
  picture: TrainingOnThisPhone;
  onRetake: () => void;
}) {
  const heading = useFocusOnMount();
  const { passMark, bestPostTest, testPassed } = picture.progress;
  const passed = attempt.score !== null && attempt.score >= passMark;
  // Answers can be explained only against the bank they were given on (paper sheets may hold only a score).
  const reviewable = attempt.itemBankVersion === QUIZ_VERSION && Object.keys(attempt.answers).length > 0;
  return (
    <>
      <div class="card training-result" data-testid="post-result">
        <h1 tabIndex={-1} ref={heading}>
          {t`Hasil tes akhir`}
        </h1>
        <p class="muted">{formatDateTime(attempt.takenAt)}</p>
        <ScoreLine attempt={attempt} />
        <p>{t`Nilai lulus: ${passMark} (ditetapkan oleh program Lancar).`}</p>
        {passed ? (
          <p class="notice result-passed" data-testid="post-passed">
            <strong>{t`Lulus.`}</strong> {t`Langkah berikutnya: tunjukkan cara Anda memijat kepada bidan atau kader.`}
          </p>
        ) : (
          <p class="notice notice-warn" data-testid="post-not-passed">
            <strong>{t`Belum lulus.`}</strong>{' '}
            {testPassed && bestPostTest
              ? t`Anda sudah lulus sebelumnya (nilai terbaik ${bestPostTest.score}).`
              : t`Baca lagi pelajaran untuk soal yang salah, lalu ulangi tes.`}
          </p>
        )}
        <RecordStateNote state={attempt.state} problem={attempt.problem} />
      </div>
      {reviewable ? <QuizReview attempt={attempt} /> : null}
      <div class="quiz-send">
        <button type="button" class="button primary" onClick={onRetake} data-testid="test-retake">
          {t`Ulangi tes akhir`}
        </button>
        <a class="button secondary" href="/belajar">
          {t`Kembali ke pelatihan`}
        </a>
      </div>
    </>
  );
}
