import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it('reads the usual Indonesian spellings as one number', () => {
    for (const written of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '(0812) 3456 7890',
      '812 3456 7890',
    ]) {
      assert.equal(normalisePhone(written), '6281234567890', written);
    }
  });
  it('keeps numbers from other countries', () => {
    assert.equal(normalisePhone('+61 412 345 678'), '61412345678');
  });
  it('refuses text that is not a phone number', () => {
    for (const bad of ['', 'bidan.sari', '0812', '08123456789012345', "0812' OR 1=1", '+62 812 abc']) {
      assert.equal(normalisePhone(bad), undefined, bad);
    }
  });
});

describe('formatPhone', () => {
  it('groups an Indonesian number for reading aloud', () => {
    assert.equal(formatPhone('6281234567890'), '+62 812-3456-7890');
  });
});
