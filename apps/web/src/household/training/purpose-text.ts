import type { Lesson, Localized } from '@lancar/content';

/**
 * What the massage is for, said on the training home with the lessons' own words (clinical text comes only from
 * content/): oxytocin lets the milk flow, the massage is one way to help that reflex, and frequent breastfeeding is
 * what makes enough milk. References by lesson and page id, so a reworded lesson shows here as it is; the test beside
 * this file fails when a page or paragraph disappears.
 */
export interface LessonTextRef {
  lessonId: string;
  pageId: string;
  /** The page's key point, or one of its paragraphs (0-based). */
  part: 'keyPoint' | number;
}

export const PURPOSE_TEXT: readonly LessonTextRef[] = [
  { lessonId: 'how-milk-flows', pageId: 'how-milk-flows-hormones', part: 'keyPoint' },
  { lessonId: 'what-om-is', pageId: 'what-om-is-back-massage', part: 1 },
  { lessonId: 'what-om-is', pageId: 'what-om-is-not', part: 'keyPoint' },
];

/** The referenced text; throws when the lessons no longer have it (a content change the screen must follow). */
export function lessonText(lessons: readonly Lesson[], ref: LessonTextRef): Localized {
  const page = lessons.find((l) => l.id === ref.lessonId)?.pages.find((p) => p.id === ref.pageId);
  const text = ref.part === 'keyPoint' ? page?.keyPoint : page?.paragraphs[ref.part];
  if (!text) throw new Error(`lessons.json has no ${ref.lessonId}/${ref.pageId}/${ref.part}`);
  return text;
}
