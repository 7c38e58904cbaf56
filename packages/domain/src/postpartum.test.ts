import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInYears, dayPostpartum } from './postpartum.ts';

describe('dayPostpartum', () => {
  const birth = new Date('2026-11-20T22:15:00+07:00');
  it('counts the first 24 hours as day 1', () => {
    assert.equal(dayPostpartum(birth, new Date('2026-11-20T23:00:00+07:00')), 1);
    assert.equal(dayPostpartum(birth, new Date('2026-11-21T22:14:59+07:00')), 1);
  });
  it('moves to day 2 exactly 24 hours after birth', () => {
    assert.equal(dayPostpartum(birth, new Date('2026-11-21T22:15:00+07:00')), 2);
  });
  it('reaches day 14 after 13 full days', () => {
    assert.equal(dayPostpartum(birth, new Date('2026-12-03T22:15:00+07:00')), 14);
  });
  it('is undefined before the birth', () => {
    assert.equal(dayPostpartum(birth, new Date('2026-11-20T20:00:00+07:00')), undefined);
  });
});

describe('ageInYears', () => {
  it('counts a birthday only once it has come', () => {
    assert.equal(ageInYears('1998-11-23', new Date('2026-11-22T12:00:00Z')), 27);
    assert.equal(ageInYears('1998-11-23', new Date('2026-11-23T12:00:00Z')), 28);
  });
});
