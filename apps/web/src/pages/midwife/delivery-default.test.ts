import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantOfLocal } from '../../i18n/local-time.ts';
import { defaultDelivery } from './delivery-default.ts';

describe('the enrolment form’s first delivery date and time', () => {
  it('is today on the device’s calendar at 08:00', () => {
    assert.deepEqual(defaultDelivery(new Date(2026, 11, 7, 15, 40)), { date: '2026-12-07', time: '08:00' });
    assert.deepEqual(defaultDelivery(new Date(2026, 11, 7, 8, 0)), { date: '2026-12-07', time: '08:00' });
  });

  it('is the current minute before 08:00, never a time still to come', () => {
    // 07:03 in Jakarta is 00:03 UTC: the UTC date is the same day, so "today 08:00" would be in the future.
    assert.deepEqual(defaultDelivery(new Date(2026, 11, 7, 7, 3)), { date: '2026-12-07', time: '07:03' });
    assert.deepEqual(defaultDelivery(new Date(2026, 11, 7, 0, 0)), { date: '2026-12-07', time: '00:00' });
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const now = new Date(2026, 11, 7, 0, minute, 30);
      const { date, time } = defaultDelivery(now);
      const at = instantOfLocal(`${date}T${time}`);
      assert.ok(at && Date.parse(at) <= now.getTime(), `${date}T${time} is not after ${now.toString()}`);
    }
  });
});
