import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { madeAfter } from './screening-checks.ts';

describe('madeAfter', () => {
  const at = new Date('2026-11-23T07:00:00.000Z');

  it('is the request time when every earlier decision is older', () => {
    assert.equal(madeAfter([], at), at);
    assert.equal(madeAfter([new Date('2026-11-23T06:59:59.999Z')], at), at);
  });

  it('is just after the newest earlier decision made in the same millisecond or later (clock skew)', () => {
    assert.equal(madeAfter([at], at).toISOString(), '2026-11-23T07:00:00.001Z');
    assert.equal(
      madeAfter([new Date('2026-11-23T06:00:00.000Z'), new Date('2026-11-23T07:00:00.005Z')], at).toISOString(),
      '2026-11-23T07:00:00.006Z',
    );
  });
});
