/**
 * A test sheet being filled in: kept on the phone after every tap, so closing the app (or the phone killing it) does
 * not lose the answers. The attempt id is made when the sheet starts and is the shuffle seed, so a resumed sheet
 * shows the same order; it becomes the saved attempt's id.
 */

export type QuizPhase = 'pre' | 'post';

export interface QuizDraft {
  attemptId: string;
  phase: QuizPhase;
  /** The item bank the sheet was started on: a draft of another version is not resumed. */
  itemBankVersion: number;
  startedAt: string;
  /** Answered items only: item id → option id. A blank item is simply absent. */
  answers: Record<string, string>;
  /** The question on screen, 0-based; `itemCount` means the summary screen before sending. */
  position: number;
}

/** The parts of the item bank a draft is checked against. */
export interface QuizShape {
  phase: QuizPhase;
  itemBankVersion: number;
  items: readonly { id: string; options: readonly { id: string }[] }[];
}

export function isQuizPhase(value: string): value is QuizPhase {
  return value === 'pre' || value === 'post';
}

export function newDraft(shape: QuizShape, attemptId: string, now: Date): QuizDraft {
  return {
    attemptId,
    phase: shape.phase,
    itemBankVersion: shape.itemBankVersion,
    startedAt: now.toISOString(),
    answers: {},
    position: 0,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The stored draft if it can be resumed on this sheet: same phase and item bank version, well formed. Answers to
 * items or options the bank does not have are dropped, and the position is kept within the sheet. null otherwise
 * (nothing stored, another version after an app update, or a damaged value).
 */
export function resumeDraft(stored: unknown, shape: QuizShape): QuizDraft | null {
  if (!isRecord(stored)) return null;
  const { attemptId, phase, itemBankVersion, startedAt, answers, position } = stored;
  if (typeof attemptId !== 'string' || attemptId === '') return null;
  if (phase !== shape.phase || itemBankVersion !== shape.itemBankVersion) return null;
  if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) return null;
  if (!isRecord(answers)) return null;
  const kept: Record<string, string> = {};
  for (const item of shape.items) {
    const chosen = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (typeof chosen === 'string' && item.options.some((o) => o.id === chosen)) kept[item.id] = chosen;
  }
  const at = typeof position === 'number' && Number.isInteger(position) ? position : 0;
  return {
    attemptId,
    phase: shape.phase,
    itemBankVersion: shape.itemBankVersion,
    startedAt,
    answers: kept,
    position: Math.min(Math.max(at, 0), shape.items.length),
  };
}

/** Chooses an option for an item, or clears the item's answer (null). */
export function withAnswer(draft: QuizDraft, itemId: string, optionId: string | null): QuizDraft {
  const { [itemId]: _previous, ...others } = draft.answers;
  return { ...draft, answers: optionId === null ? others : { ...others, [itemId]: optionId } };
}

/** Moves to a question (or to the summary at `itemCount`), kept within the sheet. */
export function atPosition(draft: QuizDraft, position: number, itemCount: number): QuizDraft {
  return { ...draft, position: Math.min(Math.max(position, 0), itemCount) };
}

/** Positions (0-based, in the order shown) of the questions left blank. */
export function blankPositions(draft: QuizDraft, shownItemIds: readonly string[]): number[] {
  return shownItemIds.flatMap((id, position) => (Object.hasOwn(draft.answers, id) ? [] : [position]));
}

/** The answers as sent: every item of the bank, null where left blank. */
export function sheetAnswers(draft: QuizDraft, itemIds: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(
    itemIds.map((id) => [id, Object.hasOwn(draft.answers, id) ? (draft.answers[id] ?? null) : null]),
  );
}
