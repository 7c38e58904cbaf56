import { LESSONS } from '@lancar/content/training';
import { t } from '@lingui/core/macro';
import type { ComponentChildren } from 'preact';
import { formatDate, locale } from '../../i18n/i18n.ts';
import type { TrainingOnThisPhone } from '../../offline/training-store.ts';
import { RecordStateNote } from './record-state-note.tsx';
import { SkillCheckResult } from './skill-check-result.tsx';
import type { TrainingAttempt } from './training-records.ts';

/** The four steps of the training path on /belajar, each with what is done and what to do. */

type Picture = { picture: TrainingOnThisPhone };

function Step({
  number,
  title,
  done,
  children,
  testId,
}: {
  number: number;
  title: string;
  done: boolean;
  children: ComponentChildren;
  testId: string;
}) {
  return (
    <li class={`card training-step ${done ? 'step-done' : ''}`} data-testid={testId}>
      <h3>
        <span class="step-number" aria-hidden="true">
          {done ? '✓' : number}
        </span>
        <span>
          {title}
          {done ? <span class="visually-hidden"> ({t`selesai`})</span> : null}
        </span>
      </h3>
      {children}
    </li>
  );
}

/** "Nilai 72", or why there is none. */
export function scoreText(attempt: Pick<TrainingAttempt, 'score'>): string {
  return attempt.score === null ? t`tidak lengkap, tidak dinilai` : t`nilai ${attempt.score}`;
}

export function PreTestStep({ picture }: Picture) {
  const pre = picture.attempts.find((a) => a.phase === 'pre' && a.state !== 'rejected');
  return (
    <Step number={1} title={t`Tes awal`} done={pre !== undefined} testId="path-pre">
      {pre ? (
        <>
          <p data-testid="pre-score">
            {formatDate(pre.takenAt)}: <strong>{scoreText(pre)}</strong>
            {pre.source === 'paper' ? ` (${t`lembar kertas`})` : ''}
          </p>
          <RecordStateNote state={pre.state} problem={pre.problem} />
          <p class="muted">
            {pre.score === null
              ? t`Tes awal dikerjakan sekali saja. Karena tidak lengkap, tidak ada nilai awal untuk dibandingkan.`
              : t`Tes awal dikerjakan sekali saja. Nilainya menjadi pembanding untuk tes akhir.`}
          </p>
        </>
      ) : (
        <>
          <p>
            {t`Sekali saja, sebelum membaca pelajaran: untuk melihat apa yang sudah Anda ketahui. Tidak apa-apa bila belum tahu jawabannya.`}
          </p>
          <a class="button secondary" href="/belajar/tes/pre">
            {t`Mulai tes awal`}
          </a>
        </>
      )}
    </Step>
  );
}

export function LessonsStep({ picture }: Picture) {
  const done = LESSONS.filter((l) => picture.lessonsDone.includes(l.id)).length;
  const total = LESSONS.length;
  return (
    <Step number={2} title={t`Pelajaran (${done} dari ${total} selesai)`} done={done === total} testId="path-lessons">
      <ul class="lesson-list">
        {LESSONS.map((lesson) => {
          const read = picture.lessonsDone.includes(lesson.id);
          return (
            <li key={lesson.id}>
              <a
                href={`/belajar/materi/${lesson.id}`}
                class={read ? 'lesson-read' : ''}
                data-testid={`lesson-${lesson.id}`}
              >
                <span class="lesson-tick" aria-hidden="true">
                  {read ? '✓' : ''}
                </span>
                <span class="lesson-name">
                  {lesson.title[locale.value]}
                  <span class="visually-hidden">{read ? ` (${t`sudah dibaca`})` : ` (${t`belum dibaca`})`}</span>
                </span>
                <span class="muted lesson-minutes">{t`${lesson.minutes} mnt`}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </Step>
  );
}

export function PostTestStep({ picture }: Picture) {
  const { bestPostTest, testPassed, passMark } = picture.progress;
  const posts = picture.attempts.filter((a) => a.phase === 'post' && a.state !== 'rejected');
  const latest = posts.at(-1);
  return (
    <Step number={3} title={t`Tes akhir`} done={testPassed} testId="path-post">
      {latest ? (
        <dl class="facts training-scores">
          <dt>{t`Nilai terbaik`}</dt>
          <dd data-testid="post-best">{bestPostTest ? bestPostTest.score : '–'}</dd>
          <dt>{t`Terakhir`}</dt>
          <dd data-testid="post-latest">
            {latest.score ?? t`tidak lengkap`} · {formatDate(latest.takenAt)}
            {latest.source === 'paper' ? ` (${t`lembar kertas`})` : ''}
          </dd>
          <dt>{t`Nilai lulus`}</dt>
          <dd>{passMark}</dd>
        </dl>
      ) : null}
      {latest ? <RecordStateNote state={latest.state} problem={latest.problem} /> : null}
      {testPassed ? <p class="notice">{t`Lulus. Anda boleh mengulang tes untuk berlatih.`}</p> : null}
      <p class="muted">
        {t`Nilai lulus ${passMark} ditetapkan oleh program Lancar, bukan oleh penelitian. Tes akhir boleh diulang; setiap tes tercatat.`}
      </p>
      {picture.preTaken ? (
        <a class="button secondary" href="/belajar/tes/post" data-testid="path-post-open">
          {latest ? t`Lihat hasil atau ulangi` : t`Mulai tes akhir`}
        </a>
      ) : (
        <p class="muted">{t`Dibuka setelah tes awal.`}</p>
      )}
    </Step>
  );
}

export function SkillCheckStep({ picture }: Picture) {
  const latest = picture.skillChecks.at(-1);
  return (
    <Step number={4} title={t`Cek keterampilan`} done={latest?.passed === true} testId="path-skill">
      <p>{t`Tunjukkan cara Anda memijat kepada bidan atau kader. Ia melihat dan memeriksa setiap langkah.`}</p>
      {latest ? (
        <SkillCheckResult check={latest} />
      ) : (
        <p class="muted">{t`Belum ada hasil. Setelah lulus tes akhir, minta bidan atau kader melihat Anda memijat.`}</p>
      )}
    </Step>
  );
}
