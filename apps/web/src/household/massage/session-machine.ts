import type { MassageStep, Protocol, SafetyQuestion, StepId } from '@lancar/content';
import type { MassageSessionResult } from './session-result.ts';

/**
 * The guided massage as plain data and pure functions: no DOM, no Preact, no clock of its own. Every function that
 * depends on time takes `now` (Date.now() milliseconds), and every duration is worked out from stored timestamps,
 * never from counting timer ticks, so the numbers stay right when the phone throttles timers, the page sleeps or
 * the page is reloaded. Pauses are left out of every duration.
 *
 * Flow: safety (one question at a time, consent first) → stopped (a stop answer) or steps → review → done.
 * A step's timer running out never moves on by itself: the companion's hands are on the mother's back, so the
 * screen says the time is up (with a chime) and waits for "Lanjut".
 */

export type Phase = 'safety' | 'stopped' | 'steps' | 'review' | 'done';
export type Answer = 'yes' | 'no';
export type Outcome = MassageSessionResult['outcome'];

/** A step as the session keeps it: enough to time it without the content files. */
export interface SessionStep {
  id: StepId;
  /** Planned milliseconds; 0 means the step has no timer. */
  ms: number;
  /** The massage itself: its time is the result's massageSeconds. */
  massage: boolean;
  /** Whether the step has a cue spoken halfway. */
  midway: boolean;
}

export interface ReviewAnswers {
  comfort: number | null;
  pain: number | null;
  letDown: boolean | null;
  notes: string;
}

export interface SessionState {
  v: 1;
  protocolId: string;
  phase: Phase;
  /** When the session was opened (the safety check began). */
  createdAt: number;
  questionIds: string[];
  answers: Record<string, Answer>;
  /** The safety question on screen (questionIds.length when all are answered). */
  questionIndex: number;
  safetyStops: string[];
  steps: SessionStep[];
  stepIndex: number;
  /** When the steps began. */
  startedAt: number | null;
  /** When the session ended (steps finished or stopped); the review and the stop screen are outside it. */
  endedAt: number | null;
  outcome: Outcome | null;
  /** Start of the current visit to the current step. */
  visitStartedAt: number | null;
  /** Paused time inside the current visit (closed pauses only). */
  visitPausedMs: number;
  /** Active time of each step from earlier, closed visits (going back to a step continues its clock). */
  stepMs: Partial<Record<StepId, number>>;
  pausedAt: number | null;
  /** Every closed pause of the session, plus the time spent on the review before going back to the steps. */
  totalPausedMs: number;
  stepsCompleted: StepId[];
  /** Cues already given, as "<stepId>:midway" and "<stepId>:end", so a re-render or reload never repeats one. */
  cuesGiven: string[];
  review: ReviewAnswers;
}

export const NOTES_MAX = 500;
/** A stored session this old is left behind rather than resumed (a massage takes minutes, not hours). */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

// ---------------------------------------------------------------- creating

export function plannedMs(step: Pick<MassageStep, 'seconds'>, protocol: Pick<Protocol, 'massageMinutes'>): number {
  const seconds = step.seconds === 'protocol' ? protocol.massageMinutes * 60 : step.seconds;
  return Math.max(0, Math.round(seconds * 1000));
}

/** The consent question comes first whatever the content's order; the rest keep their order. */
export function orderQuestions<Q extends Pick<SafetyQuestion, 'id'>>(questions: readonly Q[]): Q[] {
  return [...questions.filter((q) => q.id === 'consent'), ...questions.filter((q) => q.id !== 'consent')];
}

export function createSession(input: {
  protocol: Pick<Protocol, 'id' | 'massageMinutes'>;
  steps: readonly MassageStep[];
  questions: readonly Pick<SafetyQuestion, 'id'>[];
  now: number;
}): SessionState {
  return {
    v: 1,
    protocolId: input.protocol.id,
    phase: 'safety',
    createdAt: input.now,
    questionIds: orderQuestions(input.questions).map((q) => q.id),
    answers: {},
    questionIndex: 0,
    safetyStops: [],
    steps: input.steps.map((s) => ({
      id: s.id,
      ms: plannedMs(s, input.protocol),
      massage: s.seconds === 'protocol',
      midway: s.midwayCue !== null,
    })),
    stepIndex: 0,
    startedAt: null,
    endedAt: null,
    outcome: null,
    visitStartedAt: null,
    visitPausedMs: 0,
    stepMs: {},
    pausedAt: null,
    totalPausedMs: 0,
    stepsCompleted: [],
    cuesGiven: [],
    review: { comfort: null, pain: null, letDown: null, notes: '' },
  };
}

// ---------------------------------------------------------------- safety check

/**
 * Records the answer to a safety question. The question's stop answer ends the check on the stop screen; the last
 * safe answer starts the steps at once (the first step is getting ready, so nobody's hands are busy yet).
 */
export function answerSafety(
  state: SessionState,
  questions: readonly Pick<SafetyQuestion, 'id' | 'stopAnswer'>[],
  questionId: string,
  answer: Answer,
  now: number,
): SessionState {
  if (state.phase !== 'safety') return state;
  const index = state.questionIds.indexOf(questionId);
  const question = questions.find((q) => q.id === questionId);
  if (index < 0 || !question) return state;
  const answers = { ...state.answers, [questionId]: answer };
  if (answer === question.stopAnswer) {
    return {
      ...state,
      answers,
      questionIndex: index,
      phase: 'stopped',
      safetyStops: [questionId],
      outcome: 'stopped_safety',
      endedAt: now,
    };
  }
  const next = { ...state, answers, questionIndex: index + 1 };
  const allSafe = next.questionIds.every((id) => {
    const q = questions.find((candidate) => candidate.id === id);
    return q !== undefined && answers[id] !== undefined && answers[id] !== q.stopAnswer;
  });
  return allSafe ? startSteps(next, now) : next;
}

/** Back to the previous safety question. */
export function safetyBack(state: SessionState): SessionState {
  if (state.phase !== 'safety' || state.questionIndex === 0) return state;
  return { ...state, questionIndex: state.questionIndex - 1 };
}

/** From the stop screen back to the question that stopped it, for a wrong tap. */
export function reconsiderSafety(state: SessionState): SessionState {
  if (state.phase !== 'stopped') return state;
  const answers = { ...state.answers };
  for (const id of state.safetyStops) delete answers[id];
  return { ...state, phase: 'safety', answers, safetyStops: [], outcome: null, endedAt: null };
}

// ---------------------------------------------------------------- steps

export function startSteps(state: SessionState, now: number): SessionState {
  if (state.phase !== 'safety') return state;
  return {
    ...state,
    phase: 'steps',
    questionIndex: state.questionIds.length,
    startedAt: now,
    stepIndex: 0,
    visitStartedAt: now,
    visitPausedMs: 0,
    pausedAt: null,
  };
}

/** Active time of the current visit (pauses excluded). */
function visitMs(state: SessionState, now: number): number {
  if (state.visitStartedAt === null) return 0;
  const until = state.pausedAt ?? now;
  return Math.max(0, until - state.visitStartedAt - state.visitPausedMs);
}

/** Ends the current visit (and a running pause) at `now`, adding its active time to the step. */
function closeVisit(state: SessionState, now: number): SessionState {
  const step = state.steps[state.stepIndex];
  if (!step || state.visitStartedAt === null) return state;
  const active = visitMs(state, now);
  const pause = state.pausedAt === null ? 0 : Math.max(0, now - state.pausedAt);
  return {
    ...state,
    stepMs: { ...state.stepMs, [step.id]: (state.stepMs[step.id] ?? 0) + active },
    totalPausedMs: state.totalPausedMs + pause,
    pausedAt: null,
    visitStartedAt: null,
    visitPausedMs: 0,
  };
}

function goTo(state: SessionState, index: number, now: number): SessionState {
  return { ...closeVisit(state, now), stepIndex: index, visitStartedAt: now, visitPausedMs: 0 };
}

/** Marks the current step done and shows the next one; after the last step the session is complete. */
export function nextStep(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps') return state;
  const step = state.steps[state.stepIndex];
  if (!step) return state;
  const done = state.stepsCompleted.includes(step.id) ? state.stepsCompleted : [...state.stepsCompleted, step.id];
  if (state.stepIndex >= state.steps.length - 1) return finishSteps(state, now);
  return goTo({ ...state, stepsCompleted: done }, state.stepIndex + 1, now);
}

/** Back one step; its clock continues from where it was. A pause ends with the move. */
export function previousStep(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps' || state.stepIndex === 0) return state;
  return goTo(state, state.stepIndex - 1, now);
}

export function pause(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps' || state.pausedAt !== null) return state;
  return { ...state, pausedAt: now };
}

export function resume(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps' || state.pausedAt === null) return state;
  const pauseMs = Math.max(0, now - state.pausedAt);
  return {
    ...state,
    pausedAt: null,
    visitPausedMs: state.visitPausedMs + pauseMs,
    totalPausedMs: state.totalPausedMs + pauseMs,
  };
}

function endSteps(state: SessionState, outcome: Outcome, now: number): SessionState {
  return { ...closeVisit(state, now), phase: 'review', outcome, endedAt: now };
}

/** The companion ends the massage before the last step. */
export function finishEarly(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps') return state;
  return endSteps(state, 'stopped_early', now);
}

/** Ends the steps as completed: what "Lanjut" on the last step does. */
export function finishSteps(state: SessionState, now: number): SessionState {
  if (state.phase !== 'steps') return state;
  const step = state.steps[state.stepIndex];
  const done =
    !step || state.stepsCompleted.includes(step.id) ? state.stepsCompleted : [...state.stepsCompleted, step.id];
  return endSteps({ ...state, stepsCompleted: done }, 'completed', now);
}

/** From the review back to the step that was on screen (a wrong tap on "finish"); the review time counts as a pause. */
export function backToSteps(state: SessionState, now: number): SessionState {
  if (state.phase !== 'review' || state.endedAt === null) return state;
  return {
    ...state,
    phase: 'steps',
    totalPausedMs: state.totalPausedMs + Math.max(0, now - state.endedAt),
    endedAt: null,
    outcome: null,
    visitStartedAt: now,
    visitPausedMs: 0,
    pausedAt: null,
  };
}

export function setReview(state: SessionState, patch: Partial<ReviewAnswers>): SessionState {
  if (state.phase !== 'review') return state;
  const review = { ...state.review, ...patch };
  review.notes = review.notes.slice(0, NOTES_MAX);
  return { ...state, review };
}

/** After the result was saved. */
export function markDone(state: SessionState): SessionState {
  return state.phase === 'review' || state.phase === 'stopped' ? { ...state, phase: 'done' } : state;
}

export function markCue(state: SessionState, cue: string): SessionState {
  return state.cuesGiven.includes(cue) ? state : { ...state, cuesGiven: [...state.cuesGiven, cue] };
}

// ---------------------------------------------------------------- selectors

export function currentStep(state: SessionState): SessionStep | undefined {
  return state.phase === 'steps' ? state.steps[state.stepIndex] : undefined;
}

/** Active milliseconds spent on a step (default: the current one), pauses excluded. */
export function stepElapsedMs(state: SessionState, now: number, stepId?: StepId): number {
  const current = state.steps[state.stepIndex];
  const id = stepId ?? current?.id;
  if (!id) return 0;
  const closed = state.stepMs[id] ?? 0;
  return current?.id === id && state.phase === 'steps' ? closed + visitMs(state, now) : closed;
}

/** Milliseconds left on the current step's timer; null when the step has no timer. */
export function stepRemainingMs(state: SessionState, now: number): number | null {
  const step = currentStep(state);
  if (!step || step.ms === 0) return null;
  return Math.max(0, step.ms - stepElapsedMs(state, now));
}

/** Whether the current step's timer has run out ("done, tap next"). */
export function stepTimeUp(state: SessionState, now: number): boolean {
  return stepRemainingMs(state, now) === 0;
}

/** Milliseconds since the steps began, pauses excluded; frozen once the steps end. */
export function totalElapsedMs(state: SessionState, now: number): number {
  if (state.startedAt === null) return 0;
  const until = state.endedAt ?? state.pausedAt ?? now;
  return Math.max(0, until - state.startedAt - state.totalPausedMs);
}

/** Whole seconds actually spent on the massage step, pauses excluded. */
export function massageSeconds(state: SessionState, now: number): number {
  const step = state.steps.find((s) => s.massage);
  return step ? Math.round(stepElapsedMs(state, now, step.id) / 1000) : 0;
}

export function isPaused(state: SessionState): boolean {
  return state.pausedAt !== null;
}

/**
 * The cue the current step is due now, if any: "end" when its timer ran out, "midway" halfway through a step that
 * has a midway cue. Give it, then record it with markCue(state, due.key). After a long sleep only "end" is given.
 */
export function dueCue(
  state: SessionState,
  now: number,
): { kind: 'midway' | 'end'; key: string; skip: string[] } | null {
  const step = currentStep(state);
  if (!step || step.ms === 0 || state.pausedAt !== null) return null;
  const elapsed = stepElapsedMs(state, now);
  const end = `${step.id}:end`;
  const midway = `${step.id}:midway`;
  if (elapsed >= step.ms) {
    if (state.cuesGiven.includes(end)) return null;
    return { kind: 'end', key: end, skip: step.midway ? [midway] : [] };
  }
  if (step.midway && elapsed >= step.ms / 2 && !state.cuesGiven.includes(midway)) {
    return { kind: 'midway', key: midway, skip: [] };
  }
  return null;
}

/** The questions that stopped the session, and whether one is a danger sign (then the facility's number shows). */
export function stopInfo<Q extends Pick<SafetyQuestion, 'id' | 'danger'>>(
  state: SessionState,
  questions: readonly Q[],
): { questions: Q[]; danger: boolean } {
  const stopped = questions.filter((q) => state.safetyStops.includes(q.id));
  return { questions: stopped, danger: stopped.some((q) => q.danger) };
}

/** The safety question on screen, or undefined when none is. */
export function currentQuestionId(state: SessionState): string | undefined {
  return state.phase === 'safety' ? state.questionIds[state.questionIndex] : undefined;
}

/** "mm:ss" for a duration; whole seconds rounded up for a countdown, down for elapsed time. */
export function formatClock(ms: number, roundUp = false): string {
  const seconds = Math.max(0, roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Whether a stored session is too old to resume: opened more than STALE_AFTER_MS ago (or in the future). */
export function isStale(state: SessionState, now: number): boolean {
  return now - state.createdAt > STALE_AFTER_MS || state.createdAt - now > STALE_AFTER_MS;
}

// ---------------------------------------------------------------- result

function intOrNull(value: number | null, min: number, max: number): number | null {
  return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * What the session hands back: from the review (completed, stopped early) or from the stop screen (stopped by
 * the safety check; then startedAt is when the check began, and nothing was massaged).
 */
export function buildResult(state: SessionState, now: number): MassageSessionResult {
  const stoppedBySafety = state.outcome === 'stopped_safety';
  const endedAt = state.endedAt ?? now;
  const notes = state.review.notes.trim().slice(0, NOTES_MAX);
  return {
    protocolId: state.protocolId,
    startedAt: new Date(stoppedBySafety ? state.createdAt : (state.startedAt ?? state.createdAt)).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    outcome: state.outcome ?? 'stopped_early',
    stepsCompleted: state.steps.map((s) => s.id).filter((id) => state.stepsCompleted.includes(id)),
    stepsTotal: state.steps.length,
    massageSeconds: stoppedBySafety ? 0 : massageSeconds(state, endedAt),
    comfort: stoppedBySafety ? null : intOrNull(state.review.comfort, 1, 5),
    pain: stoppedBySafety ? null : intOrNull(state.review.pain, 0, 10),
    letDown: stoppedBySafety ? null : state.review.letDown,
    notes: stoppedBySafety || notes === '' ? null : notes,
    safetyStops: [...state.safetyStops],
  };
}

// ---------------------------------------------------------------- storage

/** A plain JSON object; stored as is. */
export function serialize(state: SessionState): SessionState {
  return JSON.parse(JSON.stringify(state)) as SessionState;
}

const PHASES: readonly Phase[] = ['safety', 'stopped', 'steps', 'review', 'done'];
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown) => v === null || isNum(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * A stored session back, or null when the value is not one (another version, damaged, or edited by hand).
 * With `expect`, also null when it was for another protocol or steps the content no longer has.
 */
export function deserialize(value: unknown, expect?: { protocolId: string; stepIds: string[] }): SessionState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as SessionState;
  const valid =
    s.v === 1 &&
    typeof s.protocolId === 'string' &&
    PHASES.includes(s.phase) &&
    isNum(s.createdAt) &&
    isStrings(s.questionIds) &&
    typeof s.answers === 'object' &&
    s.answers !== null &&
    isNum(s.questionIndex) &&
    isStrings(s.safetyStops) &&
    Array.isArray(s.steps) &&
    s.steps.every((step) => typeof step?.id === 'string' && isNum(step.ms)) &&
    isNum(s.stepIndex) &&
    s.stepIndex >= 0 &&
    s.stepIndex < s.steps.length &&
    isNumOrNull(s.startedAt) &&
    isNumOrNull(s.endedAt) &&
    isNumOrNull(s.visitStartedAt) &&
    isNum(s.visitPausedMs) &&
    typeof s.stepMs === 'object' &&
    s.stepMs !== null &&
    isNumOrNull(s.pausedAt) &&
    isNum(s.totalPausedMs) &&
    isStrings(s.stepsCompleted) &&
    isStrings(s.cuesGiven) &&
    typeof s.review === 'object' &&
    s.review !== null &&
    typeof s.review.notes === 'string';
  if (!valid) return null;
  if (expect) {
    if (s.protocolId !== expect.protocolId) return null;
    if (s.steps.map((step) => step.id).join() !== expect.stepIds.join()) return null;
  }
  return serialize(s);
}
