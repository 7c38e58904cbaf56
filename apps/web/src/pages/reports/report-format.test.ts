import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, medianIqr, percent } from './report-format.ts';

describe('report number formats', () => {
  it('writes a decimal comma in Indonesian and a point in English', () => {
    assert.equal(medianIqr({ median: 20, q1: 15, q3: 25.5 }, 1, 'id'), '20,0 (15,0–25,5)');
    assert.equal(medianIqr({ median: 20, q1: 15, q3: 25.5 }, 1, 'en'), '20.0 (15.0–25.5)');
  });
  it('shows nothing as "–" and keeps a suppressed cell as "<5"', () => {
    assert.equal(medianIqr({ median: null, q1: null, q3: null }, 1, 'id'), '–');
    assert.equal(percent(null, 'id'), '–');
    assert.equal(percent('<5', 'id'), '<5');
    assert.equal(percent(2 / 3, 'id'), '67%');
    assert.equal(cell('<5', 'id'), '<5');
    assert.equal(cell(12.34, 'id', 1), '12,3');
    assert.equal(cell(null, 'en'), '–');
  });
});
