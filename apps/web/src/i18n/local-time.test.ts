import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantOfLocal, localDate, localDateTime } from './local-time.ts';

describe('local date and time for the inputs', () => {
  it('writes the device’s own calendar day and clock time', () => {
    const moment = new Date(2026, 10, 2, 9, 5);
    assert.equal(localDate(moment), '2026-11-02');
    assert.equal(localDateTime(moment), '2026-11-02T09:05');
  });

  it('turns an input value back into the same instant, and refuses what is no time', () => {
    const moment = new Date(2026, 10, 2, 9, 5);
    assert.equal(instantOfLocal(localDateTime(moment)), moment.toISOString());
    assert.equal(instantOfLocal(''), null);
    assert.equal(instantOfLocal('2026-02-31T10:00'), null);
    assert.equal(instantOfLocal('kemarin'), null);
  });
});
