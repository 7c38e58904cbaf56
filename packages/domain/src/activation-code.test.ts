import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIVATION_ALPHABET,
  activationCodeFromBytes,
  formatActivationCode,
  normaliseActivationCode,
} from './activation-code.ts';

describe('activation codes', () => {
  it('makes an 8-character code from the unambiguous alphabet', () => {
    const code = activationCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
    assert.equal(code, '34679ACD');
  });
  it('skips bytes that would bias the distribution', () => {
    // 250..255 are above the largest multiple of 25 below 256 and must be skipped.
    const code = activationCodeFromBytes(new Uint8Array([255, 250, 0, 1, 2, 3, 4, 5, 6, 7]));
    assert.equal(code, '34679ACD');
  });
  it('reports when the bytes run out', () => {
    assert.equal(activationCodeFromBytes(new Uint8Array([1, 2, 3])), undefined);
  });
  it('leaves out characters people confuse', () => {
    for (const ch of '0O1IL2Z5S8B') assert.ok(!ACTIVATION_ALPHABET.includes(ch), ch);
  });
  it('reads a code however it was typed', () => {
    assert.equal(normaliseActivationCode('acd4-7fgh'), 'ACD47FGH');
    assert.equal(normaliseActivationCode(' ACD4 7FGH '), 'ACD47FGH');
  });
  it('refuses text that cannot be a code', () => {
    for (const bad of ['', 'ACD', 'ACD47FGH9', 'ACD0-7FGH', "'; drop table x; --"]) {
      assert.equal(normaliseActivationCode(bad), undefined, bad);
    }
  });
  it('formats in two groups for reading aloud', () => {
    assert.equal(formatActivationCode('ACD47FGH'), 'ACD4-7FGH');
  });
});
