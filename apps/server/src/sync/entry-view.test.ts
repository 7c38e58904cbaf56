import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withOffset } from './entry-view.ts';

describe('withOffset', () => {
  it('writes a moment in the local time of the phone that recorded it', () => {
    const moment = new Date('2026-11-23T01:15:00Z');
    assert.equal(withOffset(moment, 420), '2026-11-23T08:15:00+07:00');
    assert.equal(withOffset(moment, 540), '2026-11-23T10:15:00+09:00');
    assert.equal(withOffset(moment, -150), '2026-11-22T22:45:00-02:30');
    assert.equal(new Date(withOffset(moment, 480)).getTime(), moment.getTime());
  });
});
