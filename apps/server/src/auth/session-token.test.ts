import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSessionToken, newSecret, parseSessionToken } from './session-token.ts';

const FACILITY = '01934b1e-0000-7000-8000-000000000001';
const SESSION = '01934b1e-0000-7000-8000-000000000002';

describe('session tokens', () => {
  it('round-trips', () => {
    const token = { facilityId: FACILITY, sessionId: SESSION, secret: newSecret() };
    assert.deepEqual(parseSessionToken(formatSessionToken(token)), token);
  });
  it('rejects anything malformed', () => {
    const secret = newSecret();
    for (const bad of [
      undefined,
      '',
      `${FACILITY}.${SESSION}`,
      `${FACILITY}.${SESSION}.${secret}.extra`,
      `not-a-uuid.${SESSION}.${secret}`,
      `${FACILITY}.${SESSION}.short`,
      `${FACILITY}.${SESSION}.${secret.slice(0, -1)}'`,
    ]) {
      assert.equal(parseSessionToken(bad), undefined, String(bad));
    }
  });
});
