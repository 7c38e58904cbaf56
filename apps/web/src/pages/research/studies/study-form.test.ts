import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateStudyDefinition } from '@lancar/domain';
import { DEFAULT_FORM, definitionOf, toggle } from './study-form.ts';

const FACILITY = '0190a1b2-0000-7000-8000-00000000000a';
const form = (changes: Partial<typeof DEFAULT_FORM> = {}) => ({
  ...DEFAULT_FORM,
  title: 'Pijat oksitosin dan volume ASI',
  facilityId: FACILITY,
  ...changes,
});

describe('new study form', () => {
  it('starts from a randomised study the server accepts', () => {
    const definition = definitionOf(form());
    assert.deepEqual(validateStudyDefinition(definition), []);
    assert.deepEqual(definition.allocation, { blockSizes: [4, 6], stratifyBy: 'parity', ratio: '1:1' });
    assert.deepEqual(definition.timePoints, [
      { role: 'pre', day: 2 },
      { role: 'post', day: 7 },
    ]);
    assert.deepEqual(definition.facilityIds, [FACILITY]);
  });

  it('derives post time points from the outcomes, marks the first primary, and drops arms for pre-post', () => {
    const definition = definitionOf(
      form({
        design: 'pre_post',
        outcomes: [
          { measure: 'expressed_milk_volume', day: '7' },
          { measure: 'weight_change_percent', day: '14' },
          { measure: 'companion_knowledge_score', day: '3' },
        ],
      }),
    );
    assert.deepEqual(validateStudyDefinition(definition), []);
    assert.deepEqual(definition.arms, []);
    assert.equal(definition.allocation, null);
    assert.deepEqual(
      definition.outcomes.map((o) => [o.measure, o.day, o.primary]),
      [
        ['expressed_milk_volume', 7, true],
        ['weight_change_percent', 14, false],
        ['companion_knowledge_score', null, false],
      ],
    );
    assert.deepEqual(
      definition.timePoints.map((tp) => `${tp.role}${tp.day}`),
      ['pre2', 'post7', 'post14'],
    );
  });

  it('leaves blanks for the server to name instead of guessing', () => {
    const definition = definitionOf(form({ gaMin: '', gaMax: '', preDay: '', design: 'pre_post' }));
    assert.equal(definition.eligibility.gestationalAgeWeeks, null);
    const problems = validateStudyDefinition(definition).map((p) => p.field);
    assert.deepEqual(problems, ['timePoints'], 'a pre-post study without a baseline day');
    assert.deepEqual(toggle(['a', 'b'], 'b', false), ['a']);
    assert.deepEqual(toggle(['a'], 'a', true), ['a']);
  });
});
