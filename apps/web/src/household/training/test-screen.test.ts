import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testScreen } from './test-screen.ts';
import type { LocalAttempt, OutboxState } from './training-records.ts';
import { mergeTraining } from './training-records.ts';

function attempt(id: string, phase: 'pre' | 'post', hour: number): LocalAttempt {
  return {
    id,
    mutationId: `m-${id}`,
    phase,
    itemBankVersion: 1,
    answers: {},
    takenAt: `2026-11-20T${String(hour).padStart(2, '0')}:00:00+07:00`,
    score: 50,
    complete: true,
    correct: 9,
    answered: 18,
    total: 18,
  };
}

const refused = (...ids: string[]) =>
  new Map<string, OutboxState>(ids.map((id) => [`m-${id}`, { status: 'rejected', problem: null }]));
const phone = (attempts: LocalAttempt[], outbox = new Map<string, OutboxState>()) =>
  mergeTraining({ attempts, lessons: [] }, null, outbox);

describe('testScreen', () => {
  it('pre-test: the intro, then the sheet once started, then only ever its result', () => {
    assert.deepEqual(testScreen('pre', phone([]), false), { kind: 'intro' });
    assert.deepEqual(testScreen('pre', phone([]), true), { kind: 'sheet' });
    const done = phone([attempt('p1', 'pre', 9)]);
    const screen = testScreen('pre', done, false);
    assert.equal(screen.kind, 'result');
    assert.equal(screen.kind === 'result' && screen.attempt.id, 'p1');
    assert.equal(testScreen('pre', done, true).kind, 'result', 'a leftover draft does not open a second pre-test');
  });

  it('pre-test: a refused sheet does not count, so it may be taken again', () => {
    assert.deepEqual(testScreen('pre', phone([attempt('p1', 'pre', 9)], refused('p1')), false), { kind: 'intro' });
  });

  it('pre-test: shows the first sheet that counts', () => {
    const screen = testScreen('pre', phone([attempt('p2', 'pre', 11), attempt('p1', 'pre', 9)]), false);
    assert.equal(screen.kind === 'result' && screen.attempt.id, 'p1');
  });

  it('post-test before any pre-test: explains that the pre-test comes first', () => {
    assert.deepEqual(testScreen('post', phone([]), false), { kind: 'pre_first' });
    assert.deepEqual(testScreen('post', phone([]), true), { kind: 'pre_first' });
    assert.deepEqual(testScreen('post', phone([attempt('p1', 'pre', 9)], refused('p1')), false), { kind: 'pre_first' });
  });

  it('post-test: intro, sheet, then the latest result (refused too), and a retake draft comes first', () => {
    const pre = attempt('p1', 'pre', 9);
    assert.deepEqual(testScreen('post', phone([pre]), false), { kind: 'intro' });
    const two = phone([pre, attempt('q1', 'post', 10), attempt('q2', 'post', 12)], refused('q2'));
    const latest = testScreen('post', two, false);
    assert.equal(latest.kind === 'result' && latest.attempt.id, 'q2');
    assert.equal(latest.kind === 'result' && latest.attempt.state, 'rejected');
    assert.deepEqual(testScreen('post', two, true), { kind: 'sheet' });
  });
});
