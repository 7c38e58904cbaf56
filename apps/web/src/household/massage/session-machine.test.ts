import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultProtocol, MASSAGE_STEPS, type Protocol, protocolById, SAFETY_QUESTIONS } from '@lancar/content';
import {
  answerSafety,
  backToSteps,
  buildResult,
  createSession,
  currentQuestionId,
  currentStep,
  deserialize,
  dueCue,
  finishEarly,
  formatClock,
  isPaused,
  isStale,
  markCue,
  massageSeconds,
  nextStep,
  pause,
  previousStep,
  reconsiderSafety,
  resume,
  type SessionState,
  safetyBack,
  serialize,
  setReview,
  stepElapsedMs,
  stepRemainingMs,
  stepTimeUp,
  stopInfo,
  totalElapsedMs,
} from './session-machine.ts';

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 08:00 WIB
const S = 1000;
const MIN = 60 * S;

function fresh(protocol: Protocol = defaultProtocol(), now = T0): SessionState {
  return createSession({ protocol, steps: MASSAGE_STEPS, questions: SAFETY_QUESTIONS, now });
}

/** Answers every question with its safe answer, one second apart; the last one starts the steps. */
function passSafety(state: SessionState, now = T0): { state: SessionState; now: number } {
  let s = state;
  let t = now;
  for (const id of s.questionIds) {
    const q = SAFETY_QUESTIONS.find((x) => x.id === id)!;
    t += S;
    s = answerSafety(s, SAFETY_QUESTIONS, id, q.stopAnswer === 'yes' ? 'no' : 'yes', t);
  }
  return { state: s, now: t };
}

/** Taps "next" until the step with this id is on screen, spending each step's planned time. */
function advanceTo(state: SessionState, now: number, id: string): { state: SessionState; now: number } {
  let s = state;
  let t = now;
  while (currentStep(s)?.id !== id) {
    t += currentStep(s)!.ms;
    s = nextStep(s, t);
  }
  return { state: s, now: t };
}

const husband = protocolById('husband-15min-14days')!;

describe('safety check', () => {
  it('asks the consent question first, and "no" stops without a danger sign', () => {
    const s0 = fresh();
    assert.equal(currentQuestionId(s0), 'consent');
    const s1 = answerSafety(s0, SAFETY_QUESTIONS, 'consent', 'no', T0 + 5 * S);
    assert.equal(s1.phase, 'stopped');
    assert.deepEqual(s1.safetyStops, ['consent']);
    const info = stopInfo(s1, SAFETY_QUESTIONS);
    assert.deepEqual(
      info.questions.map((q) => q.id),
      ['consent'],
    );
    assert.equal(info.danger, false);
    assert.equal(s1.outcome, 'stopped_safety');
  });

  it('stops on fever with the danger flag, and the result says so', () => {
    let s = answerSafety(fresh(), SAFETY_QUESTIONS, 'consent', 'yes', T0 + S);
    assert.equal(s.phase, 'safety');
    assert.equal(currentQuestionId(s), 'fever');
    s = answerSafety(s, SAFETY_QUESTIONS, 'fever', 'yes', T0 + 2 * S);
    assert.equal(s.phase, 'stopped');
    assert.equal(stopInfo(s, SAFETY_QUESTIONS).danger, true);
    const result = buildResult(s, T0 + 10 * S);
    assert.equal(result.outcome, 'stopped_safety');
    assert.deepEqual(result.safetyStops, ['fever']);
    assert.deepEqual(result.stepsCompleted, []);
    assert.equal(result.massageSeconds, 0);
    assert.equal(result.startedAt, new Date(T0).toISOString());
    assert.equal(result.endedAt, new Date(T0 + 2 * S).toISOString());
  });

  it('lets a wrong tap be taken back, and goes back one question', () => {
    let s = answerSafety(fresh(), SAFETY_QUESTIONS, 'consent', 'yes', T0 + S);
    s = answerSafety(s, SAFETY_QUESTIONS, 'fever', 'yes', T0 + 2 * S);
    s = reconsiderSafety(s);
    assert.equal(s.phase, 'safety');
    assert.equal(currentQuestionId(s), 'fever');
    assert.deepEqual(s.safetyStops, []);
    s = safetyBack(s);
    assert.equal(currentQuestionId(s), 'consent');
    assert.equal(safetyBack(s), s, 'no question before the first');
  });

  it('starts the steps after the last safe answer, and not before', () => {
    const { state, now } = passSafety(fresh());
    assert.equal(state.phase, 'steps');
    assert.equal(state.startedAt, now);
    assert.equal(currentStep(state)?.id, 'prepare');
    const partial = answerSafety(fresh(), SAFETY_QUESTIONS, 'consent', 'yes', T0);
    assert.equal(partial.phase, 'safety');
    assert.equal(partial.startedAt, null);
  });
});

describe('timing from timestamps', () => {
  it('a full run with a 10-minute page sleep in the middle of the massage step', () => {
    const safe = passSafety(fresh(husband));
    const startedAt = safe.now;
    let { state: s, now } = advanceTo(safe.state, safe.now, 'massage');
    assert.equal(stepRemainingMs(s, now), 15 * MIN);
    const massageStart = now;

    // 2 minutes of massage with the timer ticking, then the page sleeps for 10 minutes: no ticks, no calls.
    now += 2 * MIN;
    assert.equal(stepElapsedMs(s, now), 2 * MIN);
    now += 10 * MIN;
    assert.equal(stepElapsedMs(s, now), 12 * MIN);
    assert.equal(stepRemainingMs(s, now), 3 * MIN);
    assert.equal(stepTimeUp(s, now), false);
    assert.equal(totalElapsedMs(s, now), now - startedAt);
    assert.equal(formatClock(stepRemainingMs(s, now)!, true), '03:00');

    // Halfway (7.5 min) passed during the sleep: the midway cue is due once.
    const cue = dueCue(s, now);
    assert.equal(cue?.kind, 'midway');
    s = markCue(s, cue!.key);
    assert.equal(dueCue(s, now), null);

    now += 3 * MIN;
    assert.equal(stepTimeUp(s, now), true);
    assert.equal(dueCue(s, now)?.kind, 'end');
    now += 20 * S; // the companion finishes the pass before tapping next
    s = nextStep(s, now);
    assert.equal(currentStep(s)?.id, 'finish');
    assert.equal(massageSeconds(s, now + 5 * MIN), (now - massageStart) / S);

    ({ state: s, now } = advanceTo(s, now, 'feed-now'));
    assert.equal(stepRemainingMs(s, now), null, 'feed-now has no timer');
    assert.equal(stepTimeUp(s, now), false);
    now += 30 * S;
    s = nextStep(s, now);
    assert.equal(s.phase, 'review');
    assert.equal(s.outcome, 'completed');
    assert.equal(totalElapsedMs(s, now + 10 * MIN), now - startedAt, 'frozen after the end');

    const result = buildResult(s, now + MIN);
    assert.equal(result.outcome, 'completed');
    assert.deepEqual(
      result.stepsCompleted,
      MASSAGE_STEPS.map((step) => step.id),
    );
    assert.equal(result.stepsTotal, 8);
    assert.equal(result.massageSeconds, 15 * 60 + 20);
    assert.equal(result.endedAt, new Date(now).toISOString());
    assert.equal(result.startedAt, new Date(startedAt).toISOString());
  });

  it('leaves pauses out of the step, the total and massageSeconds', () => {
    const safe = passSafety(fresh());
    let { state: s, now } = advanceTo(safe.state, safe.now, 'massage');
    const totalBefore = totalElapsedMs(s, now);
    now += MIN;
    s = pause(s, now);
    assert.equal(isPaused(s), true);
    assert.equal(pause(s, now + S), s, 'pausing twice changes nothing');
    now += 5 * MIN;
    assert.equal(stepElapsedMs(s, now), MIN, 'the clock stands still while paused');
    assert.equal(stepRemainingMs(s, now), 2 * MIN);
    assert.equal(totalElapsedMs(s, now), totalBefore + MIN);
    assert.equal(dueCue(s, now + 10 * MIN), null, 'no cue while paused');
    s = resume(s, now);
    now += 2 * MIN;
    assert.equal(stepTimeUp(s, now), true);
    // Paused again, then "next" straight from the pause: the pause still does not count.
    s = pause(s, now);
    now += 4 * MIN;
    s = nextStep(s, now);
    assert.equal(isPaused(s), false);
    assert.equal(massageSeconds(s, now), 3 * 60);
    assert.equal(totalElapsedMs(s, now), totalBefore + 3 * MIN);
  });
});

describe('navigation', () => {
  it('keeps previous and next within the steps; a revisited step continues its clock', () => {
    let { state: s, now } = passSafety(fresh());
    assert.equal(previousStep(s, now + S), s, 'nothing before the first step');
    now += 30 * S;
    s = nextStep(s, now);
    assert.equal(currentStep(s)?.id, 'position');
    assert.deepEqual(s.stepsCompleted, ['prepare']);
    now += 10 * S;
    s = previousStep(s, now);
    assert.equal(currentStep(s)?.id, 'prepare');
    assert.equal(stepElapsedMs(s, now), 30 * S);
    assert.equal(stepRemainingMs(s, now + 5 * S), 85 * S);
    assert.equal(stepElapsedMs(s, now, 'position'), 10 * S);
    s = nextStep(s, now);
    assert.deepEqual(s.stepsCompleted, ['prepare'], 'completed once');
    ({ state: s, now } = advanceTo(s, now, 'feed-now'));
    assert.equal(s.stepIndex, MASSAGE_STEPS.length - 1);
    s = nextStep(s, now);
    assert.equal(s.phase, 'review');
    assert.equal(nextStep(s, now), s, 'no next after the end');
    assert.equal(previousStep(s, now), s);
  });

  it('finishing early gives stopped_early with the steps done so far, and can be taken back', () => {
    let { state: s, now } = passSafety(fresh());
    ({ state: s, now } = advanceTo(s, now, 'massage'));
    now += 40 * S;
    s = finishEarly(s, now);
    assert.equal(s.phase, 'review');
    const result = buildResult(s, now + MIN);
    assert.equal(result.outcome, 'stopped_early');
    assert.deepEqual(result.stepsCompleted, ['prepare', 'position', 'find-start', 'oil', 'hand-shape']);
    assert.equal(result.massageSeconds, 40);

    // A wrong tap: back to the massage after 2 minutes on the review; those minutes count as a pause.
    const total = totalElapsedMs(s, now);
    now += 2 * MIN;
    s = backToSteps(s, now);
    assert.equal(s.phase, 'steps');
    assert.equal(currentStep(s)?.id, 'massage');
    assert.equal(stepElapsedMs(s, now + 10 * S), 50 * S);
    assert.equal(totalElapsedMs(s, now + 10 * S), total + 10 * S);
    assert.equal(s.outcome, null);
  });
});

describe('reload', () => {
  it('serialize → JSON → deserialize mid-step gives identical selectors, running and paused', () => {
    let { state: s, now } = passSafety(fresh());
    ({ state: s, now } = advanceTo(s, now, 'massage'));
    now += 47 * S;
    s = markCue(s, 'massage:midway');
    const selectors = (state: SessionState, t: number) => ({
      step: currentStep(state)?.id,
      elapsed: stepElapsedMs(state, t),
      remaining: stepRemainingMs(state, t),
      total: totalElapsedMs(state, t),
      massage: massageSeconds(state, t),
      paused: isPaused(state),
      cue: dueCue(state, t),
      done: stepTimeUp(state, t),
    });
    const reload = (state: SessionState) => {
      const back = deserialize(JSON.parse(JSON.stringify(serialize(state))), {
        protocolId: defaultProtocol().id,
        stepIds: MASSAGE_STEPS.map((x) => x.id),
      });
      assert.ok(back);
      return back;
    };
    for (const later of [0, 13 * S, 5 * MIN]) {
      assert.deepEqual(selectors(reload(s), now + later), selectors(s, now + later));
    }
    s = pause(s, now + 3 * S);
    for (const later of [0, 13 * S, 5 * MIN]) {
      assert.deepEqual(selectors(reload(s), now + later), selectors(s, now + later));
    }
    assert.deepEqual(reload(s), s);
  });

  it('treats a session opened more than 6 hours ago as stale', () => {
    const s = fresh();
    assert.equal(isStale(s, T0 + 5 * 60 * MIN), false);
    assert.equal(isStale(s, T0 + 6 * 60 * MIN + S), true);
    assert.equal(isStale(s, T0 - 7 * 60 * MIN), true, 'clock set back a lot');
  });

  it('refuses what is not a session, another version or another protocol', () => {
    assert.equal(deserialize(null), null);
    assert.equal(deserialize('x'), null);
    assert.equal(deserialize({ v: 2 }), null);
    const s = fresh();
    assert.equal(deserialize({ ...serialize(s), stepIndex: 99 }), null);
    assert.equal(deserialize({ ...serialize(s), phase: 'dancing' }), null);
    assert.equal(deserialize(serialize(s), { protocolId: 'other', stepIds: s.steps.map((x) => x.id) }), null);
    assert.equal(deserialize(serialize(s), { protocolId: s.protocolId, stepIds: ['prepare'] }), null);
    assert.deepEqual(deserialize(serialize(s)), s);
  });
});

describe('result', () => {
  it('has exactly the fields of a massage session entry, with the review answers', () => {
    let { state: s, now } = passSafety(fresh());
    ({ state: s, now } = advanceTo(s, now, 'feed-now'));
    s = nextStep(s, now);
    s = setReview(s, { comfort: 4, pain: 1, letDown: true, notes: `  ${'a'.repeat(600)}  ` });
    assert.equal(s.review.notes.length, 500);
    const result = buildResult(s, now);
    assert.deepEqual(Object.keys(result).sort(), [
      'comfort',
      'endedAt',
      'letDown',
      'massageSeconds',
      'notes',
      'outcome',
      'pain',
      'protocolId',
      'safetyStops',
      'startedAt',
      'stepsCompleted',
      'stepsTotal',
    ]);
    assert.equal(result.protocolId, 'standard-3min-2x-day1-3');
    assert.equal(result.comfort, 4);
    assert.equal(result.pain, 1);
    assert.equal(result.letDown, true);
    assert.equal(result.notes, 'a'.repeat(498), 'cut at 500 characters, then trimmed');
    assert.equal(result.massageSeconds, 180);
    assert.deepEqual(result.safetyStops, []);
    assert.match(result.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const blank = buildResult(setReview(s, { comfort: 9, pain: -1, letDown: null, notes: '   ' }), now);
    assert.equal(blank.comfort, null);
    assert.equal(blank.pain, null);
    assert.equal(blank.letDown, null);
    assert.equal(blank.notes, null);
  });

  it('formats clocks as mm:ss', () => {
    assert.equal(formatClock(0), '00:00');
    assert.equal(formatClock(59_999), '00:59');
    assert.equal(formatClock(59_001, true), '01:00');
    assert.equal(formatClock(15 * MIN), '15:00');
    assert.equal(formatClock(-5), '00:00');
  });
});
