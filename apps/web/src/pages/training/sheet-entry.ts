import type { AttemptView, ParticipantView } from '@lancar/contracts';

/**
 * Entering paper answer sheets quickly: the total score a facilitator marked by hand, or the letters circled on the
 * sheet, one box per question in the order the questions are printed (the item bank's order). Pure, so the rules
 * of the quick-entry form are tested without a browser.
 */

export type Phase = 'pre' | 'post';
export type EntryMode = 'score' | 'items';

export type ScoreProblem = 'empty' | 'not_whole_number' | 'out_of_range';
export type ScoreParse = { ok: true; score: number } | { ok: false; problem: ScoreProblem };

/** A total score as typed: a whole number from 0 to 100 (the score the server stores). */
export function parseScore(typed: string): ScoreParse {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'not_whole_number' };
  const score = Number(text);
  if (score > 100) return { ok: false, problem: 'out_of_range' };
  return { ok: true, score };
}

/** What a person may type for "no answer on the paper": nothing, a dash, a dot, an underscore or a space. */
const BLANK_MARKS = new Set(['-', '.', '_', ' ']);

/** One typed character as a box shows it: the lower-case letter, or '' for a blank. */
export function normaliseMark(char: string): string {
  return BLANK_MARKS.has(char) ? '' : char.toLowerCase();
}

/**
 * Puts typed text into the answer boxes from box `index` on: one character per box, so a whole row of letters can
 * be typed or pasted into the first box ("cadb-b…"). Returns the boxes and the box to move to next (the one after
 * the last box filled, or the last box).
 */
export function typeIntoBoxes(
  boxes: readonly string[],
  index: number,
  typed: string,
): { boxes: string[]; next: number } {
  const next = [...boxes];
  let chars = [...typed];
  // A letter typed into a box that already holds one (the caret before or after it): the new letter replaces it.
  const old = boxes[index] ?? '';
  if (old !== '' && chars.length === 2 && chars.some((c) => normaliseMark(c) === old)) {
    const fresh = chars[0] !== undefined && normaliseMark(chars[0]) === old ? chars[1] : chars[0];
    chars = fresh === undefined ? [] : [fresh];
  }
  if (chars.length === 0) {
    next[index] = '';
    return { boxes: next, next: index };
  }
  let at = index;
  for (const char of chars) {
    if (at >= next.length) break;
    next[at] = normaliseMark(char);
    at++;
  }
  return { boxes: next, next: Math.min(at, next.length - 1) };
}

export interface ItemOptions {
  id: string;
  options: readonly { id: string }[];
}

export interface BoxesRead {
  /** Item id → chosen option, or null for a blank: the body the server scores. */
  answers: Record<string, string | null>;
  /** Boxes (0-based) holding something that is no option of their question. */
  invalid: number[];
  answered: number;
  blanks: number;
}

/** Reads the boxes against the item bank: which answers they give, which boxes hold something that is no option. */
export function readBoxes(boxes: readonly string[], items: readonly ItemOptions[]): BoxesRead {
  const answers: Record<string, string | null> = {};
  const invalid: number[] = [];
  let answered = 0;
  items.forEach((item, index) => {
    const mark = boxes[index] ?? '';
    if (mark === '') {
      answers[item.id] = null;
      return;
    }
    if (!item.options.some((o) => o.id === mark)) {
      invalid.push(index);
      return;
    }
    answers[item.id] = mark;
    answered++;
  });
  return { answers, invalid, answered, blanks: items.length - answered - invalid.length };
}

/** The boxes of a saved sheet, to correct it: its letters in bank order, blanks empty. */
export function boxesOf(answers: Readonly<Record<string, string | null>>, items: readonly ItemOptions[]): string[] {
  return items.map((item) => answers[item.id] ?? '');
}

export function emptyBoxes(items: readonly ItemOptions[]): string[] {
  return items.map(() => '');
}

/** The sheet a participant has for a phase, whether from paper or their own phone. */
export function sheetOf(participant: ParticipantView, phase: Phase): AttemptView | null {
  return phase === 'pre' ? participant.pre : participant.post;
}

/**
 * The paper sheet a new sheet would correct. Only paper sheets are corrected this way: a test the companion took
 * on their own phone stays theirs, and a paper sheet next to it is a new sheet, not a correction.
 */
export function paperSheetToCorrect(participant: ParticipantView, phase: Phase): AttemptView | null {
  const sheet = sheetOf(participant, phase);
  return sheet?.source === 'paper' ? sheet : null;
}

/** How a saved sheet is best shown again for a correction: by item when it was entered by item. */
export function modeOfSheet(sheet: AttemptView): EntryMode {
  return Object.keys(sheet.answers).length > 0 ? 'items' : 'score';
}

/**
 * The participant to enter next: the first one after `currentId` (going round to the top) who has no sheet for
 * the phase yet; undefined when everyone has one. People marked absent are skipped: they wrote no sheet.
 */
export function nextWithoutSheet(
  participants: readonly ParticipantView[],
  phase: Phase,
  currentId?: string,
): ParticipantView | undefined {
  const start = currentId === undefined ? 0 : participants.findIndex((p) => p.id === currentId) + 1;
  for (let step = 0; step < participants.length; step++) {
    const candidate = participants[(start + step) % participants.length];
    if (candidate?.attended && sheetOf(candidate, phase) === null) return candidate;
  }
  return undefined;
}

export type SheetBody =
  | { id: string; phase: Phase; score: number; supersedes?: string }
  | { id: string; phase: Phase; answers: Record<string, string | null>; supersedes?: string };

/** The request body: a score or the answers (never both), naming the sheet it corrects when there is one. */
export function sheetBody(
  id: string,
  phase: Phase,
  content: { score: number } | { answers: Record<string, string | null> },
  corrects: AttemptView | null,
): SheetBody {
  return { id, phase, ...content, ...(corrects ? { supersedes: corrects.id } : {}) };
}

/** The session with a just-saved sheet in place, so the list and the next choice follow without a reload. */
export function withSheet<T extends { participantList: ParticipantView[] }>(
  session: T,
  participantId: string,
  sheet: AttemptView,
): T {
  return {
    ...session,
    participantList: session.participantList.map((p) => (p.id === participantId ? { ...p, [sheet.phase]: sheet } : p)),
  };
}
