// The companion training content, apart from the household content in index.ts: the phone app loads it only when
// the training screens open, so it does not weigh on the first screen.
import lessonsFile from '../lessons.json' with { type: 'json' };
import quizFile from '../quiz-items.json' with { type: 'json' };
import skillFile from '../skill-checklist.json' with { type: 'json' };
import type { Lesson, LessonsFile, QuizBank, QuizItem, SkillChecklist } from './types.ts';

/** The companion curriculum's short lessons, in the order they are taught. */
export const LESSONS = (lessonsFile as LessonsFile).lessons;
export const LESSONS_NOTE = (lessonsFile as LessonsFile).note;
/** The knowledge item bank for the pre-test and post-test. */
export const QUIZ_ITEMS = (quizFile as QuizBank).items;
/** Stored with every test result: scores are only comparable within one version of the bank. */
export const QUIZ_VERSION = quizFile.version;
export const QUIZ_NOTE = (quizFile as QuizBank).note;
/** The midwife's skill checklist for the return demonstration, with its programme-defined pass rule. */
export const SKILL_CHECKLIST = skillFile as SkillChecklist;

export const TRAINING_VERSIONS = {
  lessons: lessonsFile.version,
  quizItems: quizFile.version,
  skillChecklist: skillFile.version,
};

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export function quizItemById(id: string): QuizItem | undefined {
  return QUIZ_ITEMS.find((q) => q.id === id);
}
