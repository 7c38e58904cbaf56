import type { IllustrationId, LessonPage, MassageStep } from '@lancar/content';

/**
 * The drawing for a lesson page: a page that teaches a massage step shows that step's drawing, exactly as the guided
 * massage does (so the companion sees the same picture when practising); other pages show their own, or none.
 */
export function lessonPageIllustration(
  page: Pick<LessonPage, 'illustration' | 'step'>,
  steps: readonly Pick<MassageStep, 'id' | 'illustration'>[],
): IllustrationId | null {
  if (page.step !== null) return steps.find((s) => s.id === page.step)?.illustration ?? page.illustration;
  return page.illustration;
}
