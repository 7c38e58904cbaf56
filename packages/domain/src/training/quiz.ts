/**
 * The companions' knowledge test (pre-test and post-test): the order the items and options are shown in, and the
 * score. Answers are option ids, never positions, so a score does not depend on the order the companion saw.
 */

/** The parts of a quiz item (content/quiz-items.json) the rules need. */
export interface QuizItemRules {
  id: string;
  options: readonly { id: string }[];
  correctOptionId: string;
}

/** One item as shown: the item and its option ids in display order. */
export interface QuizPresentationItem {
  itemId: string;
  optionIds: string[];
}

/**
 * FNV-1a (32-bit) over the string's UTF-16 code units: turns a seed string into a 32-bit PRNG state.
 * Offset basis 0x811c9dc5, prime 0x01000193.
 */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a small 32-bit pseudo-random generator returning numbers in [0, 1).
 * Integer arithmetic only, so the same state gives the same sequence on every engine. Not for secrets.
 */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}

/**
 * The presentation order of a test sheet from a seed string (use the attempt's id: reloading the sheet shows the
 * same order, a retake a new one). The item order comes from mulberry32 seeded with hashSeed(seed); each item's
 * option order from its own generator seeded with hashSeed(`${seed}\u0000${itemId}`), so an item's options do not
 * move when other items are added or removed. Only the order changes: option ids keep their identity.
 */
export function shuffleQuiz(items: readonly QuizItemRules[], seed: string): QuizPresentationItem[] {
  const order = shuffled(items, mulberry32(hashSeed(seed)));
  return order.map((item) => ({
    itemId: item.id,
    optionIds: shuffled(
      item.options.map((o) => o.id),
      mulberry32(hashSeed(`${seed}\u0000${item.id}`)),
    ),
  }));
}

/** The companion's answers by item id: an option id, or null/absent when the item was left blank. */
export type QuizAnswers = Readonly<Record<string, string | null | undefined>>;

export interface QuizItemScore {
  itemId: string;
  /** The chosen option id; null when the item was left blank. */
  chosen: string | null;
  /** null when the item was left blank: a blank is not a wrong answer. */
  correct: boolean | null;
}

export interface QuizScore {
  /** Items in the bank. */
  total: number;
  answered: number;
  correct: number;
  /** Every item answered. */
  complete: boolean;
  /**
   * Correct answers as a share of ALL items, 0–100 rounded to a whole number. null when the sheet is incomplete:
   * counting blanks as wrong would understate what the companion knows, so an incomplete sheet has no score.
   */
  score: number | null;
  /**
   * Correct answers as a share of the ANSWERED items, 0–100 rounded; null when nothing is answered. For showing
   * progress only: never compare it with `score`, or use it for the pass mark.
   */
  partialScore: number | null;
  /** One row per item, in the bank's order. */
  perItem: QuizItemScore[];
}

/** Why a sheet cannot be scored, per item, so the server can say which answer is wrong. */
export type QuizAnswerProblem =
  /** The answer names an option the item does not have. */
  | { problem: 'unknown_option'; itemId: string; optionId: string }
  /** The answer is for an item that is not in this bank (another version of the bank?). */
  | { problem: 'unknown_item'; itemId: string };

export type QuizScoreResult = ({ ok: true } & QuizScore) | { ok: false; problems: QuizAnswerProblem[] };

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

/**
 * Scores a sheet against the bank it was taken on. Answers naming an option or item that does not exist are not
 * thrown: they come back as `{ ok: false, problems }`, one per bad answer. A broken bank (no items, a repeated item
 * id, a correct option that is not an option) is a programming error and throws.
 */
export function scoreQuiz(items: readonly QuizItemRules[], answers: QuizAnswers): QuizScoreResult {
  if (items.length === 0) throw new RangeError('an empty item bank cannot be scored');
  const byId = new Map<string, QuizItemRules>();
  for (const item of items) {
    if (byId.has(item.id)) throw new RangeError(`item "${item.id}" appears twice in the bank`);
    if (!item.options.some((o) => o.id === item.correctOptionId))
      throw new RangeError(`item "${item.id}": the correct option "${item.correctOptionId}" is not an option`);
    byId.set(item.id, item);
  }

  const problems: QuizAnswerProblem[] = [];
  for (const [itemId, optionId] of Object.entries(answers)) {
    const item = byId.get(itemId);
    if (!item) problems.push({ problem: 'unknown_item', itemId });
    else if (optionId !== null && optionId !== undefined && !item.options.some((o) => o.id === optionId))
      problems.push({ problem: 'unknown_option', itemId, optionId: String(optionId) });
  }
  if (problems.length > 0) return { ok: false, problems };

  const perItem = items.map((item): QuizItemScore => {
    const chosen = (Object.hasOwn(answers, item.id) ? answers[item.id] : null) ?? null;
    return { itemId: item.id, chosen, correct: chosen === null ? null : chosen === item.correctOptionId };
  });
  const answered = perItem.filter((p) => p.correct !== null).length;
  const correct = perItem.filter((p) => p.correct === true).length;
  const complete = answered === items.length;
  return {
    ok: true,
    total: items.length,
    answered,
    correct,
    complete,
    score: complete ? percent(correct, items.length) : null,
    partialScore: answered === 0 ? null : percent(correct, answered),
    perItem,
  };
}
