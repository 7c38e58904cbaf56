import { LESSONS } from '@lancar/content/training';
import type { Me } from '@lancar/contracts';
import { plural, t } from '@lingui/core/macro';
import { formatDateTime, locale } from '../../i18n/i18n.ts';
import type { TrainingOnThisPhone } from '../../offline/training-store.ts';
import { nextTrainingStep, type TrainingStep } from './next-step.ts';
import { LessonsStep, PostTestStep, PreTestStep, SkillCheckStep } from './path-steps.tsx';
import { lessonText, PURPOSE_TEXT } from './purpose-text.ts';
import { RecordStateNote } from './record-state-note.tsx';
import { nextStepLabel, trainingStatusLabel } from './training-labels.ts';

const LESSON_IDS = LESSONS.map((l) => l.id);

/** Where the next-step button leads: the first unread lesson, or the test to take; none for what happens offline. */
function nextStepLink(step: TrainingStep, lessonsDone: readonly string[]): { href: string; label: string } | null {
  switch (step) {
    case 'pre_test':
      return { href: '/belajar/tes/pre', label: t`Mulai tes awal` };
    case 'lessons': {
      const next = LESSONS.find((l) => !lessonsDone.includes(l.id)) ?? LESSONS[0];
      return next ? { href: `/belajar/materi/${next.id}`, label: t`Baca: ${next.title[locale.value]}` } : null;
    }
    case 'post_test':
      return { href: '/belajar/tes/post', label: t`Mulai tes akhir` };
    default:
      return null;
  }
}

function StatusCard({ picture }: { picture: TrainingOnThisPhone }) {
  const step = nextTrainingStep(picture, LESSON_IDS);
  const link = nextStepLink(step, picture.lessonsDone);
  return (
    <div class={`card training-status status-${picture.progress.status}`}>
      <p class="muted training-status-label">{t`Status Anda`}</p>
      <p class="training-status-value" data-testid="training-status">
        {trainingStatusLabel(picture.progress.status)}
      </p>
      <p data-testid="training-next-step">{nextStepLabel(step)}</p>
      {link ? (
        <a class="button primary" href={link.href} data-testid="training-next">
          {link.label}
        </a>
      ) : null}
      {picture.pending > 0 ? (
        <p class="muted training-pending" data-testid="training-pending">
          {plural(picture.pending, {
            one: '# catatan pelatihan tersimpan di HP ini, menunggu dikirim.',
            other: '# catatan pelatihan tersimpan di HP ini, menunggu dikirim.',
          })}
        </p>
      ) : null}
      {picture.serverFetchedAt ? (
        <p class="muted training-fetched">{t`Data dari server: ${formatDateTime(picture.serverFetchedAt)}`}</p>
      ) : null}
    </div>
  );
}

/** Refused records anywhere on the path, so the person sees them without opening each step. */
function RefusedRecords({ picture }: { picture: TrainingOnThisPhone }) {
  const refusedAttempts = picture.attempts.filter((a) => a.state === 'rejected');
  if (refusedAttempts.length === 0 && picture.refusedLessons.length === 0) return null;
  return (
    <section class="card training-refused" aria-labelledby="training-refused-title">
      <h2 id="training-refused-title">{t`Perlu diperiksa`}</h2>
      {refusedAttempts.map((a) => (
        <div key={a.id}>
          <p>
            <strong>{a.phase === 'pre' ? t`Tes awal` : t`Tes akhir`}</strong> · {formatDateTime(a.takenAt)}
          </p>
          <RecordStateNote state={a.state} problem={a.problem} />
        </div>
      ))}
      {picture.refusedLessons.map((l) => (
        <div key={`${l.lessonId}${l.completedAt}`}>
          <p>
            <strong>{LESSONS.find((x) => x.id === l.lessonId)?.title[locale.value] ?? l.lessonId}</strong> ·{' '}
            {formatDateTime(l.completedAt)}
          </p>
          <RecordStateNote state="rejected" problem={l.problem} />
        </div>
      ))}
    </section>
  );
}

/** Why learn it, in the lessons' own words: it helps the milk flow; frequent breastfeeding is what makes milk. */
function PurposeNote() {
  return (
    <div class="card training-purpose">
      <h2>{t`Untuk apa pijat ini?`}</h2>
      <ul>
        {PURPOSE_TEXT.map((ref) => (
          <li key={`${ref.pageId}${ref.part}`}>{lessonText(LESSONS, ref)[locale.value]}</li>
        ))}
      </ul>
    </div>
  );
}

/** /belajar: the companion's status, the next step, and the whole path with what is done. */
export function TrainingHome({ user, picture }: { user: Me; picture: TrainingOnThisPhone }) {
  return (
    <section class="training">
      <p>
        <a href="/">{t`← Beranda`}</a>
      </p>
      <h1>{t`Pelatihan pijat oksitosin`}</h1>
      <StatusCard picture={picture} />
      <RefusedRecords picture={picture} />
      <PurposeNote />
      <h2>{t`Langkah-langkah`}</h2>
      <ol class="training-path">
        <PreTestStep picture={picture} />
        <LessonsStep picture={picture} />
        <PostTestStep picture={picture} />
        <SkillCheckStep picture={picture} />
      </ol>
      <p class="muted">{user.facility.name}</p>
    </section>
  );
}
