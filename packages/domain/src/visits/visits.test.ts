import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentVisits, kfCodeAt, kfWindow, type RecordedVisit, visitSchedule, visitTimeProblem } from './visits.ts';

// Born late in the evening (WIB): every window is counted in hours from this moment, not in calendar days.
const born = new Date('2026-11-20T22:15:00+07:00');
const hours = (h: number) => new Date(born.getTime() + h * 3600_000);
const visit = (id: string, code: RecordedVisit['visitCode'], atHours: number, more: Partial<RecordedVisit> = {}) => ({
  id,
  visitCode: code,
  visitedAt: hours(atHours).toISOString(),
  supersedes: null,
  voided: false,
  ...more,
});

describe('postnatal visit windows (KF1-KF4)', () => {
  it('opens KF1 at 6 hours and closes it at the end of day 2; KF2-KF4 follow on days 3-7, 8-28, 29-42', () => {
    assert.deepEqual(kfWindow(born, 'KF1'), { start: hours(6), end: hours(48) });
    assert.deepEqual(kfWindow(born, 'KF2'), { start: hours(48), end: hours(168) });
    assert.deepEqual(kfWindow(born, 'KF3'), { start: hours(168), end: hours(672) });
    assert.deepEqual(kfWindow(born, 'KF4'), { start: hours(672), end: hours(1008) });
  });

  it('suggests the visit whose window holds a moment, at the exact edges too', () => {
    assert.equal(kfCodeAt(born, hours(-1)), undefined);
    assert.equal(kfCodeAt(born, hours(2)), 'KF1', 'the first 6 hours are closest to KF1');
    assert.equal(kfCodeAt(born, hours(47.99)), 'KF1');
    assert.equal(kfCodeAt(born, hours(48)), 'KF2', 'day 3 starts at 48 hours');
    assert.equal(kfCodeAt(born, hours(167.9)), 'KF2');
    assert.equal(kfCodeAt(born, hours(168)), 'KF3');
    assert.equal(kfCodeAt(born, hours(672)), 'KF4');
    assert.equal(kfCodeAt(born, hours(1007)), 'KF4');
    assert.equal(kfCodeAt(born, hours(1008)), undefined, 'after day 42 no KF applies');
  });

  it('shows KF1 upcoming in the first 6 hours, then due, then overdue once day 2 ends', () => {
    const at = (h: number) => visitSchedule(born, [], hours(h));
    assert.equal(at(3).items[0]?.state, 'upcoming');
    assert.equal(at(3).next?.code, 'KF1');
    assert.equal(at(6).items[0]?.state, 'due');
    const day3 = at(50);
    assert.deepEqual(
      day3.items.map((i) => i.state),
      ['overdue', 'due', 'upcoming', 'upcoming'],
    );
    assert.equal(day3.next?.code, 'KF2', 'the open window comes next, the missed one stays marked overdue');
    const after = at(1100);
    assert.deepEqual(
      after.items.map((i) => i.state),
      ['overdue', 'overdue', 'overdue', 'overdue'],
    );
    assert.equal(after.next, undefined);
  });

  it('marks a visit done, says whether it was on time, and moves next to the following window', () => {
    const schedule = visitSchedule(born, [visit('v1', 'KF1', 20), visit('v2', 'KF2', 200)], hours(100));
    const [kf1, kf2, kf3] = schedule.items;
    assert.equal(kf1?.state, 'done');
    assert.equal(kf1?.visitId, 'v1');
    assert.equal(kf1?.inWindow, true);
    assert.equal(kf2?.state, 'done', 'recorded late (day 9) still counts as done');
    assert.equal(kf2?.inWindow, false);
    assert.equal(kf3?.state, 'upcoming');
    assert.equal(schedule.next?.code, 'KF3');
  });

  it('counts corrections and removals: a corrected visit counts once, a removed one not at all', () => {
    const visits = [
      visit('v1', 'KF1', 20),
      visit('v1b', 'KF2', 60, { supersedes: 'v1' }), // the code was wrong: it was KF2
      visit('v3', 'KF3', 200),
      visit('v3x', 'KF3', 200, { supersedes: 'v3', voided: true }), // entered for the wrong mother: removed
    ];
    assert.deepEqual(
      currentVisits(visits).map((v) => v.id),
      ['v1b'],
    );
    const schedule = visitSchedule(born, visits, hours(300));
    assert.deepEqual(
      schedule.items.map((i) => i.state),
      ['overdue', 'done', 'due', 'upcoming'],
    );
  });

  it('ignores "other" visits for the KF schedule', () => {
    const schedule = visitSchedule(born, [visit('v1', 'other', 20)], hours(30));
    assert.equal(schedule.items[0]?.state, 'due');
  });

  it('refuses a visit before the birth or in the future, allowing a few minutes of clock skew', () => {
    const now = hours(100);
    assert.equal(visitTimeProblem(born, hours(-0.5), now, 10), 'before_delivery');
    assert.equal(visitTimeProblem(born, hours(0), now, 10), undefined);
    assert.equal(visitTimeProblem(born, new Date(now.getTime() + 5 * 60_000), now, 10), undefined);
    assert.equal(visitTimeProblem(born, new Date(now.getTime() + 11 * 60_000), now, 10), 'future');
    assert.equal(visitTimeProblem(null, hours(-5), now, 10), undefined, 'no delivery time: only the future is checked');
  });
});
