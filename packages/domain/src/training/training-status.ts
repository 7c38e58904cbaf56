/**
 * Where a companion stands in the training, as shown on the companion's home: from lessons read, knowledge tests
 * taken and the midwife's skill checks.
 */

export type TrainingStatus = 'not_started' | 'learning' | 'passed_test' | 'competent';

/**
 * The post-test score (0–100) that counts as passed. PROGRAMME-DEFINED, NOT EVIDENCE-BASED: no source in the
 * evidence file sets a pass mark (programmes report mean scores only, e.g. 31 → 83 in Christiana et al. 2024).
 * 80 means 15 of the 18 items of item bank version 1. A programme may set its own mark.
 */
export const DEFAULT_PASS_MARK = 80;

export interface LessonCompletionRecord {
  lessonId: string;
  /** ISO 8601 date-time. */
  completedAt: string;
}

export interface TestAttemptRecord {
  phase: 'pre' | 'post';
  /** The item bank version the sheet was taken on (content QUIZ_VERSION). */
  itemBankVersion: number;
  /** ISO 8601 date-time the sheet was submitted. */
  takenAt: string;
  /** scoreQuiz's `score`: 0–100, or null for an incomplete sheet (which never counts). */
  score: number | null;
}

export interface SkillCheckRecord {
  /** ISO 8601 date-time of the return demonstration. */
  observedAt: string;
  /** evaluateSkillCheck's `passed`, by the checklist's pass rule. */
  passed: boolean;
}

export interface TrainingRecords {
  lessons: readonly LessonCompletionRecord[];
  /** The companion's current sheets: leave out a paper sheet that a corrected sheet superseded. */
  attempts: readonly TestAttemptRecord[];
  skillChecks: readonly SkillCheckRecord[];
}

export interface ScoredAttempt {
  score: number;
  itemBankVersion: number;
  takenAt: string;
}

export interface TrainingProgress {
  status: TrainingStatus;
  /** Distinct lesson ids completed, in the order first completed. */
  lessonsCompleted: string[];
  /** The first complete pre-test: the baseline before training. Retaking the pre-test does not move it. */
  preTest: ScoredAttempt | null;
  /** The highest complete post-test (the earliest of equal scores): this one decides "passed". */
  bestPostTest: ScoredAttempt | null;
  /** The most recent complete post-test, for display. */
  latestPostTest: ScoredAttempt | null;
  /** bestPostTest reached the pass mark. Reported apart from `status`, which shows `competent` above it. */
  testPassed: boolean;
  /** The most recent skill check: this one decides "competent". */
  latestSkillCheck: SkillCheckRecord | null;
  passMark: number;
}

function time(iso: string, what: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`${what}: "${iso}" is not a date-time`);
  return t;
}

/** The latest by time; of equal times, the one recorded last. */
function latest<T>(records: readonly T[], at: (r: T) => number): T | null {
  let found: T | null = null;
  let foundAt = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    const t = at(r);
    if (t >= foundAt) {
      found = r;
      foundAt = t;
    }
  }
  return found;
}

const scoredAttempt = (a: TestAttemptRecord & { score: number }): ScoredAttempt => ({
  score: a.score,
  itemBankVersion: a.itemBankVersion,
  takenAt: a.takenAt,
});

/**
 * The companion's training status:
 * - `competent`: the LATEST skill check passed. The midwife's most recent observation is her current judgement,
 *   so a later failed re-check takes competence away until a new pass. It outranks the knowledge test;
 *   `testPassed` says separately whether the post-test was passed.
 * - `passed_test`: the BEST complete post-test reached the pass mark. Retakes are allowed and a passed test stays
 *   passed; a worse retake does not undo it. Tests on any item bank version count (a companion who passed is not
 *   sent back when the bank is revised); compare scores between groups only within one version.
 * - `learning`: any lesson completed, or any complete test (pre or post) taken.
 * - `not_started`: none of these. An incomplete (abandoned) sheet does not count as a start.
 *
 * The pass mark is programme-defined (DEFAULT_PASS_MARK, 80); throws a RangeError for a mark outside 0–100, a
 * score outside 0–100 or a date-time that does not parse.
 */
export function trainingStatus(records: TrainingRecords, passMark: number = DEFAULT_PASS_MARK): TrainingProgress {
  if (!(Number.isFinite(passMark) && passMark >= 0 && passMark <= 100))
    throw new RangeError(`the pass mark must be 0 to 100, got ${passMark}`);

  const lessonsCompleted: string[] = [];
  const byTime = [...records.lessons].sort(
    (a, b) => time(a.completedAt, 'lesson completion') - time(b.completedAt, 'lesson completion'),
  );
  for (const l of byTime) if (!lessonsCompleted.includes(l.lessonId)) lessonsCompleted.push(l.lessonId);

  const complete: (TestAttemptRecord & { score: number })[] = [];
  for (const a of records.attempts) {
    time(a.takenAt, 'test attempt');
    if (a.score === null) continue;
    if (!(Number.isFinite(a.score) && a.score >= 0 && a.score <= 100))
      throw new RangeError(`a test score must be 0 to 100, got ${a.score}`);
    complete.push(a as TestAttemptRecord & { score: number });
  }
  const pre = complete.filter((a) => a.phase === 'pre');
  const post = complete.filter((a) => a.phase === 'post');

  const earliest = (list: typeof complete) =>
    [...list].sort((a, b) => time(a.takenAt, 'test attempt') - time(b.takenAt, 'test attempt'));
  const firstPre = earliest(pre)[0] ?? null;
  let best: (typeof complete)[number] | null = null;
  for (const a of earliest(post)) if (best === null || a.score > best.score) best = a;
  const latestPost = latest(post, (a) => time(a.takenAt, 'test attempt'));
  const latestSkillCheck = latest(records.skillChecks, (c) => time(c.observedAt, 'skill check'));

  const testPassed = best !== null && best.score >= passMark;
  let status: TrainingStatus = 'not_started';
  if (latestSkillCheck?.passed) status = 'competent';
  else if (testPassed) status = 'passed_test';
  else if (lessonsCompleted.length > 0 || complete.length > 0) status = 'learning';

  return {
    status,
    lessonsCompleted,
    preTest: firstPre && scoredAttempt(firstPre),
    bestPostTest: best && scoredAttempt(best),
    latestPostTest: latestPost && scoredAttempt(latestPost),
    testPassed,
    latestSkillCheck: latestSkillCheck && { observedAt: latestSkillCheck.observedAt, passed: latestSkillCheck.passed },
    passMark,
  };
}
