import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKILL_CHECKLIST } from '@lancar/content/training';
import type { SkillMark } from '@lancar/domain';
import { skillVerdict } from './skill-verdict.ts';

const all = (mark: SkillMark) => Object.fromEntries(SKILL_CHECKLIST.steps.map((s) => [s.id, mark]));

describe('skillVerdict on the real checklist', () => {
  it('passes when every step is marked and passed', () => {
    assert.deepEqual(skillVerdict(SKILL_CHECKLIST, all('pass')), {
      kind: 'passes',
      othersPassed: 6,
      othersRequired: 4,
    });
  });

  it('is unfinished while steps are unmarked and a pass is still possible', () => {
    const verdict = skillVerdict(SKILL_CHECKLIST, { 'safety-consent': 'pass' });
    assert.equal(verdict.kind, 'unfinished');
    assert.equal(verdict.kind === 'unfinished' && verdict.missing.length, 9);
  });

  it('says "not yet" as soon as a critical step fails, even before the rest is marked', () => {
    assert.deepEqual(skillVerdict(SKILL_CHECKLIST, { pressure: 'fail' }), {
      kind: 'not_yet',
      failedCritical: ['pressure'],
      tooFewOthers: false,
      othersPassed: 0,
      othersRequired: 4,
    });
  });

  it('says "not yet" when too few other steps can still pass (3 of 6 failed leaves 3, the rule asks 4)', () => {
    const marks = { ...all(null), oil: 'fail', 'feed-after': 'fail', position: 'fail' } as const;
    const verdict = skillVerdict(SKILL_CHECKLIST, marks);
    assert.equal(verdict.kind, 'not_yet');
    assert.equal(verdict.kind === 'not_yet' && verdict.tooFewOthers, true);
    const two = skillVerdict(SKILL_CHECKLIST, { ...all('pass'), oil: 'fail', 'feed-after': 'fail' });
    assert.equal(two.kind, 'passes');
  });
});
