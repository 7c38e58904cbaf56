import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompanionTraining, TrainingStatus } from '@lancar/contracts';
import { countByStatus, filterCompanions } from './companion-filter.ts';

function companion(displayName: string, status: TrainingStatus): CompanionTraining {
  return {
    userId: displayName,
    displayName,
    phone: null,
    role: 'companion',
    status,
    preScore: null,
    postScore: null,
    lessonsDone: [],
    lastSkillCheck: null,
  };
}

const list = [companion('Yati', 'competent'), companion('agus', 'passed_test'), companion('Budi', 'not_started')];

describe('companion filter', () => {
  it('keeps one status, or everyone, in name order whatever the capitals', () => {
    assert.deepEqual(
      filterCompanions(list, 'all', 'id').map((c) => c.displayName),
      ['agus', 'Budi', 'Yati'],
    );
    assert.deepEqual(
      filterCompanions(list, 'passed_test', 'id').map((c) => c.displayName),
      ['agus'],
    );
    assert.deepEqual(filterCompanions(list, 'learning', 'id'), []);
  });

  it('counts every status for the filter buttons', () => {
    assert.deepEqual(countByStatus(list), { all: 3, not_started: 1, learning: 0, passed_test: 1, competent: 1 });
  });
});
