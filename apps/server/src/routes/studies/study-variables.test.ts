import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResearchCandidateRow, StudyRecords } from '@lancar/db';
import type { StudyDefinition } from '@lancar/domain';
import {
  codebookRows,
  longTable,
  type Participant,
  participantValues,
  primaryVariables,
  studyVariables,
  wideTable,
} from './study-variables.ts';

const HOUR = 3600 * 1000;
const FACILITY = '0190a1b2-0000-7000-8000-00000000000a';
const deliveredAt = new Date('2026-11-01T02:00:00Z');
const at = (day: number, hour: number) => new Date(deliveredAt.getTime() + ((day - 1) * 24 + hour) * HOUR);

const prePost: StudyDefinition = {
  id: 'x',
  title: 'Pra-pasca',
  design: 'pre_post',
  arms: [],
  outcomes: [
    { measure: 'milk_adequate', day: 5, primary: true },
    { measure: 'companion_knowledge_score', day: null, primary: false },
    { measure: 'weight_change_percent', day: 5, primary: false },
  ],
  timePoints: [
    { role: 'pre', day: 2 },
    { role: 'post', day: 5 },
  ],
  facilityIds: [FACILITY],
  eligibility: {
    deliveryModes: ['vaginal'],
    parities: ['primipara'],
    gestationalAgeWeeks: null,
    enrolmentDays: { from: 1, to: 2 },
  },
  allocation: null,
};

const mother: ResearchCandidateRow = {
  id: 'm1',
  facility_id: FACILITY,
  pseudonym: 'LCR-A1',
  consent_research: true,
  delivered_at: deliveredAt,
  delivery_mode: 'vaginal',
  parity: 'primipara',
  gestational_age_weeks: 38,
};

function entry(kind: string, occurredAt: Date, data: Record<string, unknown>, babyId: string | null = null) {
  return { mother_id: 'm1', baby_id: babyId, kind, occurred_at: occurredAt, recorded_at: occurredAt, data };
}

const records: StudyRecords = {
  // Twins: the first-born is the one measured.
  babies: [
    { mother_id: 'm1', id: 'b1', birth_weight_g: 2500, birth_order: 1 },
    { mother_id: 'm1', id: 'b2', birth_weight_g: 2400, birth_order: 2 },
  ],
  entries: [
    entry('adequacy_check', at(2, 20), { dayOfLife: 2, answers: { a: true, b: false }, result: 'not_adequate' }),
    // Two checklists for day 5: the newest counts.
    entry('adequacy_check', at(5, 8), { dayOfLife: 5, answers: { a: false }, result: 'not_adequate' }),
    entry('adequacy_check', at(5, 20), { dayOfLife: 5, answers: { a: true, b: true }, result: 'adequate' }),
    entry('weight', at(5, 9), { grams: 2400 }, 'b2'),
    entry('weight', at(5, 10), { grams: 2450 }, 'b1'),
    entry('massage_session', at(1, 5), { letDown: false }),
    entry('massage_session', at(2, 3), { letDown: true }),
  ],
  quizScores: [
    { mother_id: 'm1', phase: 'pre', score: 40, taken_at: at(1, 10) },
    { mother_id: 'm1', phase: 'post', score: 70, taken_at: at(3, 10) },
    { mother_id: 'm1', phase: 'post', score: 90, taken_at: at(4, 10) },
  ],
};

const participant: Participant = { mother, armId: null, enrolledAt: at(2, 1) };

describe('study variables', () => {
  it('names a variable per outcome and time point, and finds the primary pair', () => {
    assert.deepEqual(
      studyVariables(prePost).map((v) => v.name),
      [
        'participant_id',
        'enrolment_day',
        'parity',
        'delivery_mode',
        'gestational_age_weeks',
        'birth_weight_g',
        'milk_adequate_d2',
        'milk_adequate_d5',
        'companion_knowledge_score_pre',
        'companion_knowledge_score_post',
        'weight_change_percent_d2',
        'weight_change_percent_d5',
      ],
    );
    assert.deepEqual(primaryVariables(prePost), { pre: 'milk_adequate_d2', post: 'milk_adequate_d5' });
    assert.deepEqual(
      primaryVariables({
        ...prePost,
        outcomes: [{ measure: 'time_to_milk_in', day: null, primary: true }],
      }),
      { pre: null, post: 'time_to_milk_in' },
    );
  });

  it('computes each value from the records, the newest of a day winning, missing left empty', () => {
    const [row] = participantValues(prePost, [participant], records);
    assert.ok(row);
    const values = Object.fromEntries(row.values);
    assert.deepEqual(values, {
      participant_id: 'LCR-A1',
      enrolment_day: 2,
      parity: 'primipara',
      delivery_mode: 'vaginal',
      gestational_age_weeks: 38,
      birth_weight_g: 2500,
      milk_adequate_d2: 0,
      milk_adequate_d5: 1,
      companion_knowledge_score_pre: 40,
      companion_knowledge_score_post: 90,
      weight_change_percent_d2: null,
      weight_change_percent_d5: -2,
    });
    const [withTiming] = participantValues(
      { ...prePost, outcomes: [...prePost.outcomes, { measure: 'time_to_milk_in', day: null, primary: false }] },
      [participant],
      records,
    );
    assert.equal(withTiming?.values.get('time_to_milk_in'), 27, 'first let-down 27 hours after delivery');
  });

  it('writes wide, long and codebook tables that agree with each other', () => {
    const variables = studyVariables(prePost);
    const rows = participantValues(prePost, [participant], records);
    const wide = wideTable(variables, rows);
    assert.equal(wide.rows.length, 1);
    assert.equal(wide.header.length, wide.rows[0]?.length);
    const long = longTable(variables, rows);
    // Six outcome variables, one of them missing.
    assert.equal(long.rows.length, 5);
    assert.ok(!long.header.includes('group'), 'a one-group study has no group column');
    assert.deepEqual(long.rows[0], ['LCR-A1', 'milk_adequate_d2', 'milk_adequate', 'pre', 2, 0, '']);
    const codebook = codebookRows(variables);
    for (const name of [...wide.header, ...long.header])
      assert.ok(
        codebook.some((c) => c[0] === name),
        `codebook has ${name}`,
      );
    const adequate = codebook.find((c) => c[0] === 'milk_adequate_d5');
    assert.deepEqual(adequate?.slice(3), ['integer', '1 = ya / yes, 0 = tidak / no', '']);
  });
});
