import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginNameFromInput } from './login-name.ts';

describe('loginNameFromInput', () => {
  it('turns any spelling of a phone number into one login name', () => {
    assert.equal(loginNameFromInput('0812 3456 7890'), 'tel:6281234567890');
    assert.equal(loginNameFromInput('+6281234567890'), 'tel:6281234567890');
  });
  it('lower-cases usernames', () => {
    assert.equal(loginNameFromInput('  Bidan.Sari '), 'bidan.sari');
  });
  it('refuses what is neither', () => {
    assert.equal(loginNameFromInput('x'), undefined);
    assert.equal(loginNameFromInput('bidan sari'), undefined);
    assert.equal(loginNameFromInput('<script>'), undefined);
    assert.equal(loginNameFromInput('0812'), undefined);
  });
});
