import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentEntries, type HouseholdEntry } from './entries.ts';

const base = { motherId: 'm', babyId: 'b', recordedBy: 'u', occurredAt: '2026-11-23T08:00:00+07:00' };

describe('currentEntries', () => {
  it('keeps the newest correction and drops voided entries and the void markers', () => {
    const entries: HouseholdEntry[] = [
      { ...base, id: 'w1', kind: 'weight', supersedes: null, data: { grams: 3000 } },
      { ...base, id: 'w2', kind: 'weight', supersedes: 'w1', data: { grams: 3050 } },
      { ...base, id: 'n1', kind: 'nappy', supersedes: null, data: { wet: true, dirty: false, stoolColour: null } },
      { ...base, id: 'v1', kind: 'void', supersedes: 'n1', data: { reason: 'entered twice' } },
      { ...base, id: 'f1', kind: 'feed', supersedes: null, data: { side: 'left', durationMinutes: 12 } },
    ];
    assert.deepEqual(
      currentEntries(entries).map((e) => e.id),
      ['w2', 'f1'],
    );
  });
});
