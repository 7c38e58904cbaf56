import { LESSONS, QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import { newId, scoreQuiz } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useEffect, useState } from 'preact/hooks';
import { localIso } from '../../offline/household-store.ts';
import type { TrainingOnThisPhone } from '../../offline/training-store.ts';
import { newDraft, type QuizDraft, type QuizPhase, type QuizShape, resumeDraft, sheetAnswers } from './quiz-draft.ts';
import { QuizSheet } from './quiz-sheet.tsx';
import { RecordStateNote } from './record-state-note.tsx';
import { PostTestResult, PreTestResult } from './test-results.tsx';
import { testScreen } from './test-screen.ts';
import { clearDraft, loadDraft, saveDraft, saveQuizAttempt } from './training-writes.ts';

const ITEM_IDS = QUIZ_ITEMS.map((i) => i.id);

function TestIntro({
  phase,
  picture,
  onStart,
}: {
  phase: QuizPhase;
  picture: TrainingOnThisPhone;
  onStart: () => void;
}) {
  const unread = LESSONS.filter((l) => !picture.lessonsDone.includes(l.id)).length;
  const refused = picture.attempts.filter((a) => a.phase === phase && a.state === 'rejected').at(-1);
  return (
    <div class="card">
      <h1>{phase === 'pre' ? t`Tes awal` : t`Tes akhir`}</h1>
      <p>{t`${QUIZ_ITEMS.length} soal pilihan ganda. Satu soal per layar; Anda boleh kembali ke soal sebelumnya.`}</p>
      {phase === 'pre' ? (
        <p>
          {t`Tes awal dikerjakan sekali saja, sebelum membaca pelajaran: untuk melihat apa yang sudah Anda ketahui. Tidak apa-apa bila belum tahu jawabannya.`}
        </p>
      ) : (
        <p>
          {t`Nilai lulus ${picture.progress.passMark}, ditetapkan oleh program Lancar. Tes akhir boleh diulang; setiap tes tercatat.`}
        </p>
      )}
      {phase === 'post' && unread > 0 ? (
        <p class="notice notice-warn">{t`Masih ada ${unread} pelajaran yang belum dibaca. Sebaiknya baca semuanya dulu.`}</p>
      ) : null}
      <p class="muted">{t`Jawaban langsung tersimpan di HP ini, juga tanpa internet.`}</p>
      {refused ? <RecordStateNote state={refused.state} problem={refused.problem} /> : null}
      <button type="button" class="button primary wide" onClick={onStart} data-testid="test-start">
        {phase === 'pre' ? t`Mulai tes awal` : t`Mulai tes akhir`}
      </button>
    </div>
  );
}

/** The short sentence the live region reads out once a sheet is saved (the result screen then takes the focus). */
function savedAnnouncement(phase: QuizPhase, score: number | null, passMark: number): string {
  if (score === null) return t`Tes tersimpan. Tes tidak lengkap, jadi tidak diberi nilai.`;
  if (phase === 'pre') return t`Tes awal tersimpan. Nilai ${score}.`;
  return score >= passMark
    ? t`Tes akhir tersimpan. Nilai ${score}. Lulus.`
    : t`Tes akhir tersimpan. Nilai ${score}. Belum lulus.`;
}

function PreTestFirst() {
  return (
    <div class="card" data-testid="pre-test-first">
      <h1>{t`Tes awal dulu`}</h1>
      <p>
        {t`Sebelum tes akhir, kerjakan tes awal. Tes awal menunjukkan apa yang Anda ketahui sebelum belajar, sehingga kemajuan Anda terlihat.`}
      </p>
      <a class="button primary" href="/belajar/tes/pre">
        {t`Ke tes awal`}
      </a>
    </div>
  );
}

/**
 * /belajar/tes/pre and /belajar/tes/post. The sheet being filled in is kept on the phone after every tap; sending
 * scores it, saves it with its outbox item and removes the draft in one transaction.
 */
export function TestPage({
  userId,
  phase,
  picture,
}: {
  userId: string;
  phase: QuizPhase;
  picture: TrainingOnThisPhone;
}) {
  const shape: QuizShape = { phase, itemBankVersion: QUIZ_VERSION, items: QUIZ_ITEMS };
  /** undefined while the stored draft is read; null when there is none. */
  const [draft, setDraft] = useState<QuizDraft | null | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    let current = true;
    loadDraft(userId, phase)
      .then((stored) => current && setDraft(resumeDraft(stored, shape)))
      .catch(() => current && setDraft(null));
    return () => {
      current = false;
    };
  }, [userId, phase]);

  const screen = draft === undefined ? undefined : testScreen(phase, picture, draft !== null);
  // A pre-test that already counts makes a leftover pre-test draft useless: a second one would be no baseline.
  const staleDraft = screen?.kind === 'result' && draft !== null;
  useEffect(() => {
    if (staleDraft) void clearDraft(userId, phase);
  }, [staleDraft, userId, phase]);

  if (draft === undefined || screen === undefined) return <p class="muted">{t`Memuat…`}</p>;

  const keep = (next: QuizDraft) => {
    setDraft(next);
    // If the phone's storage refuses, the sheet still works; it just would not survive closing the app.
    void saveDraft(userId, next).catch(() => {});
  };
  const start = () => keep(newDraft(shape, newId(), new Date()));
  const send = async (sheet: QuizDraft) => {
    const answers = sheetAnswers(sheet, ITEM_IDS);
    const scored = scoreQuiz(QUIZ_ITEMS, answers);
    // resumeDraft keeps only items and options of this bank, so this cannot happen short of a bug.
    if (!scored.ok) throw new Error('the sheet does not fit the item bank');
    await saveQuizAttempt(userId, {
      id: sheet.attemptId,
      phase,
      itemBankVersion: QUIZ_VERSION,
      answers,
      takenAt: localIso(new Date()),
      score: scored.score,
      complete: scored.complete,
      correct: scored.correct,
      answered: scored.answered,
      total: scored.total,
    });
    setDraft(null);
    setAnnouncement(savedAnnouncement(phase, scored.score, picture.progress.passMark));
  };

  return (
    <section class="training test">
      <p class="no-print">
        <a href="/belajar">{t`← Pelatihan`}</a>
      </p>
      {/* Present from the start, so screen readers announce what is put in it. */}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="test-announcement">
        {announcement}
      </p>
      {screen.kind === 'pre_first' ? <PreTestFirst /> : null}
      {screen.kind === 'intro' ? <TestIntro phase={phase} picture={picture} onStart={start} /> : null}
      {screen.kind === 'sheet' && draft ? <QuizSheet draft={draft} onChange={keep} onSend={send} /> : null}
      {screen.kind === 'result' && phase === 'pre' ? <PreTestResult attempt={screen.attempt} /> : null}
      {screen.kind === 'result' && phase === 'post' ? (
        <PostTestResult attempt={screen.attempt} picture={picture} onRetake={start} />
      ) : null}
    </section>
  );
}
