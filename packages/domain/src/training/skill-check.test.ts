import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSkillCheck, type SkillChecklistRules, type SkillMark } from './skill-check.ts';

// The same steps and pass rule as content/skill-checklist.json, written out so these tests stand alone.
const CHECKLIST: SkillChecklistRules = {
  steps: [
    { id: 'safety-consent', critical: true },
    { id: 'hands-preparation', critical: false },
    { id: 'position', critical: false },
    { id: 'find-start', critical: true },
    { id: 'oil', critical: false },
    { id: 'hand-shape', critical: false },
    { id: 'massage-movement', critical: true },
    { id: 'pressure', critical: true },
    { id: 'finish-clean', critical: false },
    { id: 'feed-after', critical: false },
  ],
  passRule: { rule: 'all_critical_and_min_others', minOthersPassed: 4 },
};

/** Every step marked `mark`, then the changes. */
function marks(mark: SkillMark, changes: Record<string, SkillMark> = {}): Record<string, SkillMark> {
  return { ...Object.fromEntries(CHECKLIST.steps.map((s) => [s.id, mark])), ...changes };
}

describe('evaluateSkillCheck', () => {
  it('passes when every step passes', () => {
    assert.deepEqual(evaluateSkillCheck(CHECKLIST, marks('pass')), {
      passed: true,
      missing: [],
      failedCritical: [],
      othersPassed: 6,
      othersRequired: 4,
      unknownSteps: [],
    });
  });

  it('fails on one failed critical step, however good the rest', () => {
    const result = evaluateSkillCheck(CHECKLIST, marks('pass', { 'find-start': 'fail' }));
    assert.equal(result.passed, false);
    assert.deepEqual(result.failedCritical, ['find-start']);
  });

  it('allows two of the six other steps to fail, not three', () => {
    const two = evaluateSkillCheck(CHECKLIST, marks('pass', { oil: 'fail', 'feed-after': 'fail' }));
    assert.equal(two.passed, true);
    assert.equal(two.othersPassed, 4);
    const three = evaluateSkillCheck(CHECKLIST, marks('pass', { oil: 'fail', 'feed-after': 'fail', position: 'fail' }));
    assert.equal(three.passed, false);
    assert.deepEqual(three.failedCritical, []);
    assert.equal(three.othersPassed, 3);
  });

  it('does not pass an unfinished check, and lists what is missing in checklist order', () => {
    const result = evaluateSkillCheck(CHECKLIST, {
      ...marks('pass', { pressure: null }),
      'hands-preparation': undefined,
    });
    assert.equal(result.passed, false);
    assert.deepEqual(result.missing, ['hands-preparation', 'pressure']);
    const empty = evaluateSkillCheck(CHECKLIST, {});
    assert.equal(empty.passed, false);
    assert.equal(empty.missing.length, 10);
  });

  it('reports failed critical steps even while others are missing', () => {
    const result = evaluateSkillCheck(CHECKLIST, { 'safety-consent': 'fail', pressure: 'fail' });
    assert.deepEqual(result.failedCritical, ['safety-consent', 'pressure']);
    assert.equal(result.missing.length, 8);
  });

  it('does not pass with a mark for a step the checklist does not have', () => {
    const result = evaluateSkillCheck(CHECKLIST, { ...marks('pass'), 'old-step': 'pass' });
    assert.equal(result.passed, false);
    assert.deepEqual(result.unknownSteps, ['old-step']);
  });

  it('throws on a checklist that repeats a step', () => {
    const broken = { ...CHECKLIST, steps: [...CHECKLIST.steps, { id: 'oil', critical: false }] };
    assert.throws(() => evaluateSkillCheck(broken, {}), RangeError);
  });
});
