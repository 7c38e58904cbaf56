import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.ts';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('asi-lancar-2026');
    assert.match(stored, /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('asi-lancar-2026', stored), true);
    assert.equal(await verifyPassword('asi-lancar-2027', stored), false);
  });
  it('salts every hash differently', async () => {
    assert.notEqual(await hashPassword('same password'), await hashPassword('same password'));
  });
  it('reads the parameters from the stored string, so old hashes keep working after a change', async () => {
    const salt = Buffer.alloc(16, 7);
    const stored = await hashPassword('kata sandi', salt);
    const weaker = stored.replace('ln=17', 'ln=14');
    // Same salt, fewer rounds: a different key, so the stored hash must not verify under other parameters.
    assert.equal(await verifyPassword('kata sandi', weaker), false);
  });
  it('treats the same letters typed with different Unicode forms as the same password', async () => {
    const stored = await hashPassword('Café-lancar');
    assert.equal(await verifyPassword('Cafe\u0301-lancar', stored), true);
  });
  it('refuses a malformed stored value instead of throwing', async () => {
    assert.equal(await verifyPassword('x', 'plain-text'), false);
    assert.equal(await verifyAgainstNothing('x'), false);
  });
});
