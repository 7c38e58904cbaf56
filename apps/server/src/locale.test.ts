import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeOf } from './locale.ts';

describe('localeOf', () => {
  it('prefers the person’s saved choice', () => {
    assert.equal(localeOf('en-US', 'id'), 'id');
  });
  it('follows Accept-Language by weight', () => {
    assert.equal(localeOf('en-GB,en;q=0.9'), 'en');
    assert.equal(localeOf('fr-FR,en;q=0.5,id;q=0.8'), 'id');
    assert.equal(localeOf('id-ID'), 'id');
  });
  it('falls back to Indonesian', () => {
    assert.equal(localeOf(undefined), 'id');
    assert.equal(localeOf('fr-FR'), 'id');
    assert.equal(localeOf('en;q=0'), 'id');
  });
});
