import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PhoneNumber, plain, text } from './common.ts';
import { LIMITS } from './limits.ts';

/** Answers of a knowledge test: item id → the chosen option id, or null when the item was left blank. */
export const QuizAnswers = z.record(z.string().min(1).max(60), z.string().min(1).max(10).nullable());

export const QuizAttemptInput = z.strictObject({
  id: Id,
  phase: z.enum(['pre', 'post']),
  itemBankVersion: z.number().int().min(1),
  answers: QuizAnswers,
  takenAt: IsoDateTime,
});

export const LessonDoneInput = z.strictObject({
  id: Id,
  lessonId: z.string().min(1).max(80),
  lessonsVersion: z.number().int().min(1),
  completedAt: IsoDateTime,
});

export const TrainingSessionBody = z.strictObject({
  id: Id,
  heldOn: IsoDate,
  place: text(200),
  facilitators: text(300),
  notes: text(1000).optional(),
});

/** A participant is an existing companion (userId) or a walk-in known by name and maybe a phone number. */
export const ParticipantBody = z.union([
  z.strictObject({ id: Id, userId: Id }),
  z.strictObject({ id: Id, displayName: text(LIMITS.nameMax), phone: PhoneNumber.optional() }),
]);

/** Attendance, and linking a walk-in to the companion account they were later invited to. */
export const ParticipantUpdateBody = z
  .strictObject({ attended: z.boolean().optional(), userId: Id.optional() })
  .refine((body) => body.attended !== undefined || body.userId !== undefined, {
    message: 'give attended or userId / isi kehadiran atau akun',
    path: ['attended'],
  });

/**
 * A paper answer sheet entered by the facilitator: the answers item by item (best: item difficulty can be shown),
 * or only the total score (0-100) when the sheet was marked by hand.
 */
export const PaperSheetBody = z
  .strictObject({
    id: Id,
    phase: z.enum(['pre', 'post']),
    answers: QuizAnswers.optional(),
    score: z.number().int().min(0).max(100).optional(),
    takenAt: IsoDateTime.optional(),
    /** A corrected sheet names the sheet it replaces. */
    supersedes: Id.optional(),
  })
  .refine((sheet) => (sheet.answers === undefined) !== (sheet.score === undefined), {
    message: 'give the answers or the score, not both / isi jawaban atau skor, bukan keduanya',
    path: ['answers'],
  });

export const SkillCheckBody = z.strictObject({
  id: Id,
  observedAt: IsoDateTime.optional(),
  results: z.record(z.string().min(1).max(60), z.enum(['pass', 'fail']).nullable()),
  notes: plain(1000).optional(),
});

export type TrainingStatus = 'not_started' | 'learning' | 'passed_test' | 'competent';

export interface AttemptView {
  id: string;
  phase: 'pre' | 'post';
  score: number | null;
  complete: boolean;
  correct: number;
  answered: number;
  total: number;
  source: 'phone' | 'paper';
  takenAt: string;
  itemBankVersion: number;
  answers: Record<string, string | null>;
}

export interface SkillCheckView {
  id: string;
  observedAt: string;
  observerName: string | null;
  passed: boolean;
  results: Record<string, 'pass' | 'fail' | null>;
  notes: string | null;
}

export interface CompanionTraining {
  userId: string;
  displayName: string;
  phone: string | null;
  role: string;
  status: TrainingStatus;
  preScore: number | null;
  postScore: number | null;
  lessonsDone: string[];
  lastSkillCheck: { observedAt: string; passed: boolean } | null;
}

export interface CompanionTrainingDetail extends CompanionTraining {
  attempts: AttemptView[];
  skillChecks: SkillCheckView[];
}

export interface ParticipantView {
  id: string;
  userId: string | null;
  displayName: string;
  phone: string | null;
  attended: boolean;
  pre: AttemptView | null;
  post: AttemptView | null;
}

export interface TrainingSessionView {
  id: string;
  heldOn: string;
  place: string;
  facilitators: string;
  notes: string | null;
  participants: number;
  attended: number;
}

export interface TrainingSessionDetail extends TrainingSessionView {
  participantList: ParticipantView[];
}

/** A sentence in Indonesian and English (explanations of the statistics). */
export interface BilingualText {
  id: string;
  en: string;
}

export interface ScoreSummary {
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  min: number;
  max: number;
}

export type ResultRowStatus = 'paired' | 'no_pre' | 'no_post' | 'incomplete';

export interface ResultRow {
  name: string;
  source: 'phone' | 'paper' | 'mixed' | null;
  pre: number | null;
  post: number | null;
  change: number | null;
  status: ResultRowStatus;
}

export interface ItemResult {
  itemId: string;
  pre: { n: number; correct: number; share: number | null };
  post: { n: number; correct: number; share: number | null };
  change: number | null;
}

/** Pre-post knowledge results of a group session or of the whole facility. */
export interface TrainingResults {
  scope: 'session' | 'facility';
  title: string;
  session: TrainingSessionView | null;
  generatedAt: string;
  itemBankVersion: number;
  passMark: number;
  counts: { people: number; pairs: number; noPre: number; noPost: number; incomplete: number };
  pre: ScoreSummary | null;
  post: ScoreSummary | null;
  /** Post minus pre over the pairs, with the t-based 95% interval of the mean change. */
  change: { mean: number; sd: number | null; ciLower: number | null; ciUpper: number | null; confLevel: number } | null;
  passed: { pre: number; post: number };
  test: {
    test: 't' | 'wilcoxon';
    method: string;
    statistic: number;
    df: number | null;
    pValue: number;
    reason: BilingualText;
    normality: { statistic: number; pValue: number } | null;
  } | null;
  /** Why no test was computed (too few pairs, no change at all). */
  testNote: BilingualText | null;
  effectSize: { hedgesGz: number; dz: number; ciLower: number; ciUpper: number; confLevel: number } | null;
  items: ItemResult[];
  rows: ResultRow[];
}
