import { type Lesson, MASSAGE_STEPS } from '@lancar/content';
import { LESSONS, TRAINING_VERSIONS } from '@lancar/content/training';
import { t } from '@lingui/core/macro';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { locale } from '../../i18n/i18n.ts';
import type { TrainingOnThisPhone } from '../../offline/training-store.ts';
import { BackIllustration } from '../massage/back-illustration.tsx';
import { lessonPageIllustration } from './lesson-illustration.ts';
import { LessonSources } from './lesson-sources.tsx';
import { saveLessonDone } from './training-writes.ts';

/** The page number from ?hal= (1-based, so a reload or a shared link opens the same page), kept within the lesson. */
function pageIndex(query: Record<string, string>, count: number): number {
  const n = Number.parseInt(query.hal ?? '1', 10);
  return Number.isNaN(n) ? 0 : Math.min(Math.max(n, 1), count) - 1;
}

/**
 * /belajar/materi/:lessonId: one page at a time (fits a 360x640 screen), with the page's drawing, its paragraphs
 * and the sentence to remember; back and next at the bottom. Reaching the last page records the lesson as read,
 * once (re-reading changes nothing).
 */
export function LessonPage({
  userId,
  lesson,
  picture,
}: {
  userId: string;
  lesson: Lesson;
  picture: TrainingOnThisPhone;
}) {
  const { query, route } = useLocation();
  const count = lesson.pages.length;
  const index = pageIndex(query, count);
  const page = lesson.pages[index];
  const last = index === count - 1;
  const alreadyRead = picture.lessonsDone.includes(lesson.id);
  const recorded = useRef(false);
  const pageLabel = useRef<HTMLSpanElement>(null);
  const lang = locale.value;

  useEffect(() => {
    if (!last || alreadyRead || recorded.current) return;
    recorded.current = true;
    void saveLessonDone(userId, lesson.id, TRAINING_VERSIONS.lessons);
  }, [last, alreadyRead, userId, lesson.id]);

  // A new page is a new screen: move focus (and the screen reader) to its top, not to the button just pressed.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    pageLabel.current?.focus();
  }, [index]);

  if (!page) return null;
  // Replace, not push: the phone's back button leaves the lesson instead of stepping through its pages.
  const goTo = (i: number) => route(`/belajar/materi/${lesson.id}?hal=${i + 1}`, true);
  const illustration = lessonPageIllustration(page, MASSAGE_STEPS);
  const following = LESSONS[LESSONS.findIndex((l) => l.id === lesson.id) + 1];

  return (
    <section class="training lesson">
      <div class="training-top">
        <a href="/belajar">{t`← Pelatihan`}</a>
        <span class="lesson-page-number muted" tabIndex={-1} ref={pageLabel} data-testid="lesson-page-number">
          {t`Halaman ${index + 1} dari ${count}`}
        </span>
      </div>
      <h1 data-testid="lesson-title">{lesson.title[lang]}</h1>
      <div class="lesson-dots" aria-hidden="true">
        {lesson.pages.map((p, i) => (
          <span key={p.id} class={i <= index ? 'dot seen' : 'dot'} />
        ))}
      </div>
      <article class="lesson-body">
        {illustration ? (
          <div class="lesson-figure">
            <BackIllustration id={illustration} />
          </div>
        ) : null}
        {page.paragraphs.map((paragraph) => (
          <p key={paragraph.id}>{paragraph[lang]}</p>
        ))}
        {page.keyPoint ? (
          <p class="lesson-key" data-testid="lesson-key">
            <strong>{t`Ingat:`}</strong> {page.keyPoint[lang]}
          </p>
        ) : null}
      </article>
      {last ? (
        <div class="notice lesson-finished" role="status" data-testid="lesson-finished">
          <p>
            <strong>{t`Pelajaran selesai.`}</strong>
          </p>
          <p class="lesson-next-links">
            {following ? (
              <a href={`/belajar/materi/${following.id}`} data-testid="lesson-following">
                {t`Pelajaran berikutnya: ${following.title[lang]}`}
              </a>
            ) : (
              <a href="/belajar/tes/post">{t`Ini pelajaran terakhir. Lanjut ke tes akhir →`}</a>
            )}
          </p>
        </div>
      ) : null}
      <LessonSources sources={lesson.sources} />
      <nav class="lesson-controls" aria-label={t`Halaman pelajaran`}>
        {index > 0 ? (
          <button type="button" class="button secondary" onClick={() => goTo(index - 1)} data-testid="lesson-back">
            {t`← Sebelumnya`}
          </button>
        ) : (
          <a class="button secondary" href="/belajar">
            {t`Daftar`}
          </a>
        )}
        {last ? (
          <a class="button primary" href="/belajar" data-testid="lesson-done">
            {t`Selesai`}
          </a>
        ) : (
          <button type="button" class="button primary" onClick={() => goTo(index + 1)} data-testid="lesson-next">
            {t`Berikutnya →`}
          </button>
        )}
      </nav>
    </section>
  );
}
