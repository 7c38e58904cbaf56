import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a reasonable password', () => {
    assert.equal(passwordProblem('asi-lancar-2026'), undefined);
  });
  it('names what is wrong', () => {
    assert.equal(passwordProblem('abc'), 'too_short');
    assert.equal(passwordProblem('x'.repeat(129)), 'too_long');
    assert.equal(passwordProblem('11111111'), 'too_simple');
    assert.equal(passwordProblem('12345678'), 'too_simple');
    assert.equal(passwordProblem('abababab'), 'too_simple');
  });
});
