import { lessonById } from '@lancar/content/training';
import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { LessonPage } from './lesson-page.tsx';
import { isQuizPhase } from './quiz-draft.ts';
import { TestPage } from './test-page.tsx';
import { TrainingHome } from './training-home.tsx';
import { useTraining } from './use-training.ts';
import './training.css';

export type TrainingView = { kind: 'home' } | { kind: 'test'; phase: string } | { kind: 'lesson'; lessonId: string };

function NotHere() {
  return (
    <section class="training">
      <h1>{t`Halaman tidak ditemukan`}</h1>
      <p>
        <a href="/belajar">{t`Kembali ke pelatihan`}</a>
      </p>
    </section>
  );
}

/** Who learns here: companions and cadres (the mother may look too); staff have their own screens at /pelatihan. */
const LEARNERS = ['companion', 'cadre', 'mother'];

/**
 * /belajar (the companion's path: pre-test, lessons, post-test, skill check), /belajar/materi/:lessonId and
 * /belajar/tes/pre|post. Loaded only when opened (lessons and item bank are not in the first screen's bundle), and
 * precached by the service worker, so it works offline.
 */
export default function TrainingRoute({ user, view }: { user: Me; view: TrainingView }) {
  if (!LEARNERS.includes(user.role)) {
    return (
      <section class="training">
        <h1>{t`Pelatihan pijat oksitosin`}</h1>
        <p>
          {t`Halaman ini untuk pendamping yang belajar di HP.`} <a href="/pelatihan">{t`Ke halaman pelatihan staf`}</a>
        </p>
      </section>
    );
  }
  return <TrainingScreens user={user} view={view} />;
}

function TrainingScreens({ user, view }: { user: Me; view: TrainingView }) {
  const picture = useTraining(user.userId);
  if (!picture) return <p class="muted">{t`Memuat…`}</p>;
  switch (view.kind) {
    case 'home':
      return <TrainingHome user={user} picture={picture} />;
    case 'lesson': {
      const lesson = lessonById(view.lessonId);
      return lesson ? (
        <LessonPage key={lesson.id} userId={user.userId} lesson={lesson} picture={picture} />
      ) : (
        <NotHere />
      );
    }
    case 'test':
      return isQuizPhase(view.phase) ? (
        <TestPage key={view.phase} userId={user.userId} phase={view.phase} picture={picture} />
      ) : (
        <NotHere />
      );
  }
}
