import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { districtReport, SMALL_CELL, suppressCount, suppressMedian, suppressShare } from './district-report.ts';
import type { ReportMotherRow } from './facility-report.ts';

const period = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta' };
const now = new Date('2026-12-20T00:00:00Z');
const plan = { firstDay: 1, lastDay: 3, sessionsPerDayMin: 2 };

function mothers(facilityId: string, count: number): ReportMotherRow[] {
  return Array.from({ length: count }, (_, i) => ({
    facilityId,
    motherId: `${facilityId}-m${i}`,
    deliveredAt: '2026-11-02T08:00:00+07:00',
    protocol: plan,
  }));
}

describe('small-cell suppression', () => {
  it('shows counts 1 to 4 as "<5", keeps 0 and 5 and more', () => {
    assert.deepEqual([0, 1, 4, 5, 12].map(suppressCount), [0, SMALL_CELL, SMALL_CELL, 5, 12]);
  });
  it('suppresses a share whose numerator or denominator is 1 to 4, and has no share of nothing', () => {
    assert.equal(suppressShare(0, 0), null);
    assert.equal(suppressShare(3, 10), SMALL_CELL);
    assert.equal(suppressShare(0, 3), SMALL_CELL);
    assert.equal(suppressShare(0, 10), 0);
    assert.equal(suppressShare(6, 10), 0.6);
  });
  it('suppresses a median of 1 to 4 values', () => {
    assert.equal(suppressMedian(0, null), null);
    assert.equal(suppressMedian(4, 2.5), SMALL_CELL);
    assert.equal(suppressMedian(5, 2.5), 2.5);
  });
});

describe('district report', () => {
  // A: 6 mothers, each completed (2 sessions on days 1-3). B: 2 mothers, none massaged. C: nobody.
  const a = mothers('A', 6);
  const b = mothers('B', 2);
  const massage = a.flatMap((m) => [1, 2, 3].map((day) => ({ motherId: m.motherId, day, done: 2 })));
  const report = districtReport({
    district: 'Kabupaten Contoh',
    period,
    now,
    facilities: [
      { id: 'A', name: 'Puskesmas A' },
      { id: 'B', name: 'Puskesmas B' },
      { id: 'C', name: 'Puskesmas C' },
    ],
    // A mother of another district's facility is ignored.
    mothers: [...a, ...b, ...mothers('Z', 3)],
    massage,
    expression: [],
    weights: [],
    adequacy: [],
    alerts: [],
    companions: [],
  });

  it('gives one row per facility, small cells suppressed', () => {
    const [rowA, rowB, rowC] = report.facilities;
    assert.equal(rowA?.mothersEnrolled, 6);
    assert.equal(rowA?.protocolCompleted, 6);
    assert.equal(rowA?.protocolCompletedShare, 1);
    assert.equal(rowA?.adherenceMedian, 100);
    assert.equal(rowB?.mothersEnrolled, SMALL_CELL);
    assert.equal(rowB?.protocolCompleted, 0);
    assert.equal(rowB?.protocolCompletedShare, SMALL_CELL);
    assert.equal(rowB?.adherenceMedian, SMALL_CELL);
    assert.equal(rowC?.mothersEnrolled, 0);
    assert.equal(rowC?.protocolCompletedShare, null);
    assert.equal(rowC?.adherenceMedian, null);
  });

  it('computes the district total over all its mothers together', () => {
    assert.equal(report.total.facilityId, null);
    assert.equal(report.total.mothersEnrolled, 8);
    assert.equal(report.total.protocolCompleted, 6);
    assert.equal(report.total.protocolCompletedShare, 6 / 8);
    // Adherence 100 x 6 and 0 x 2: median of the 8 values, not a median of medians.
    assert.equal(report.total.adherenceMedian, 100);
    assert.deepEqual(report.suppression, { smallCellMax: 4, shownAs: '<5' });
  });

  it('holds no identities: no mother ids anywhere', () => {
    assert.equal(JSON.stringify(report).includes('-m'), false);
  });
});
