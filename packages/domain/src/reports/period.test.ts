import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCalendarDate, localDate, monthPeriod, periodBounds, startOfLocalDate } from './period.ts';

describe('report periods', () => {
  it('starts a WIB date at 17:00 UTC the day before and ends after the last day', () => {
    const b = periodBounds({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta' });
    assert.equal(b.start.toISOString(), '2026-10-31T17:00:00.000Z');
    assert.equal(b.end.toISOString(), '2026-11-30T17:00:00.000Z');
    assert.equal(startOfLocalDate('2026-11-01', 'Asia/Makassar').toISOString(), '2026-10-31T16:00:00.000Z');
  });
  it('checks dates and order', () => {
    assert.equal(isCalendarDate('2026-02-30'), false);
    assert.equal(isCalendarDate('2026-02-28'), true);
    assert.throws(() => periodBounds({ from: '2026-11-02', to: '2026-11-01', timeZone: 'Asia/Jakarta' }), RangeError);
  });
  it('gives this month and last month for the local date', () => {
    // 2026-01-31T18:00Z is already 1 February in WIB.
    const now = new Date('2026-01-31T18:00:00Z');
    assert.equal(localDate(now, 'Asia/Jakarta'), '2026-02-01');
    assert.deepEqual(monthPeriod(now, 'Asia/Jakarta', 0), {
      from: '2026-02-01',
      to: '2026-02-01',
      timeZone: 'Asia/Jakarta',
    });
    assert.deepEqual(monthPeriod(now, 'Asia/Jakarta', 1), {
      from: '2026-01-01',
      to: '2026-01-31',
      timeZone: 'Asia/Jakarta',
    });
    assert.deepEqual(monthPeriod(new Date('2026-01-10T00:00:00Z'), 'Asia/Jakarta', 1).from, '2025-12-01');
  });
});
