import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUuid, newId } from './ids.ts';

describe('newId', () => {
  it('makes a version 7 UUID with the RFC variant', () => {
    const id = newId();
    assert.ok(isUuid(id), id);
    assert.equal(id[14], '7');
    assert.ok('89ab'.includes(id[19] ?? ''), id);
  });
  it('puts the time first so ids sort by creation', () => {
    const zeros = new Uint8Array(10);
    assert.equal(newId(0x0123456789ab, zeros), '01234567-89ab-7000-8000-000000000000');
    assert.ok(newId(1000, zeros) < newId(2000, zeros));
  });
  it('is different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(5)));
    assert.equal(ids.size, 1000);
  });
});
