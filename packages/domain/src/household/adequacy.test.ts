import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdequacyChecklistRules, type AdequacyInput, evaluateAdequacy } from './adequacy.ts';
import type { HouseholdEntry } from './entries.ts';
import { feed, nappy, voidOf, weight } from './test-fixtures.ts';

// The same items and thresholds as content/adequacy-checklist.json, written out so these tests stand alone.
const checklist: AdequacyChecklistRules = {
  items: [
    {
      id: 'feeds',
      kind: 'count',
      measure: 'feeds',
      fromDay: 1,
      required: true,
      thresholds: [{ fromDay: 1, toDay: null, min: 8 }],
    },
    {
      id: 'wet-nappies',
      kind: 'count',
      measure: 'wet_nappies',
      fromDay: 1,
      required: true,
      thresholds: [
        { fromDay: 1, toDay: 1, min: 1 },
        { fromDay: 2, toDay: 2, min: 2 },
        { fromDay: 3, toDay: 3, min: 3 },
        { fromDay: 4, toDay: 4, min: 4 },
        { fromDay: 5, toDay: 5, min: 5 },
        { fromDay: 6, toDay: null, min: 6 },
      ],
    },
    {
      id: 'stools',
      kind: 'count',
      measure: 'dirty_nappies',
      fromDay: 1,
      required: true,
      thresholds: [
        { fromDay: 1, toDay: 1, min: 1 },
        { fromDay: 2, toDay: 2, min: 2 },
        { fromDay: 3, toDay: null, min: 3 },
      ],
    },
    { id: 'stools-yellow', kind: 'yes_no', fromDay: 6, required: true },
    { id: 'baby-settles', kind: 'yes_no', fromDay: 1, required: true },
    { id: 'breasts-softer', kind: 'yes_no', fromDay: 4, required: true },
    { id: 'weight-loss', kind: 'weight_loss', maxLossPercent: 10, fromDay: 1, required: false },
    { id: 'weight-regained', kind: 'weight_regained', byDay: 14, fromDay: 14, required: false },
  ],
  resultRule: { rule: 'every_required_item_passes' },
};

// Born 22:15 WIB on 20 November: day 3 runs from 22 Nov 22:15 to 23 Nov 22:15.
const born = new Date('2026-11-20T22:15:00+07:00');
const afterDay3 = new Date('2026-11-24T00:00:00+07:00');

/** `n` entries an hour apart from 23 Nov 00:00 (inside day 3). */
function hourly<T>(n: number, make: (id: string, at: string) => T, from = 0): T[] {
  return Array.from({ length: n }, (_, i) => {
    const hour = String(from + i).padStart(2, '0');
    return make(`x${from + i}`, `2026-11-23T${hour}:00:00+07:00`);
  });
}

function evaluate(over: Partial<AdequacyInput>) {
  return evaluateAdequacy({
    checklist,
    dayOfLife: 3,
    deliveredAt: born,
    now: afterDay3,
    babyId: 'b1',
    birthWeightG: 3200,
    entries: [],
    answers: {},
    ...over,
  });
}

function item(result: ReturnType<typeof evaluate>, id: string) {
  const found = result.items.find((i) => i.id === id);
  assert.ok(found, `no item ${id}`);
  return found;
}

const goodDay3: HouseholdEntry[] = [
  ...hourly(8, (id, at) => feed(`f${id}`, at)),
  ...hourly(3, (id, at) => nappy(`n${id}`, at, true, true), 10),
];

describe('evaluateAdequacy: counting items', () => {
  it('counts the entries of the day of life, not of the calendar day', () => {
    const entries = [
      ...hourly(6, (id, at) => feed(`f${id}`, at)),
      feed('start', '2026-11-22T22:15:00+07:00'), // first instant of day 3
      feed('evening', '2026-11-23T22:14:00+07:00'), // last minute of day 3
      feed('day2', '2026-11-22T22:14:00+07:00'), // same calendar day, but day 2
      feed('day4', '2026-11-23T22:15:00+07:00'), // same calendar day, but day 4
    ];
    assert.deepEqual(item(evaluate({ entries }), 'feeds'), {
      id: 'feeds',
      status: 'pass',
      observed: 8,
      threshold: 8,
      basis: 'entries',
    });
  });

  it('fails a finished day below the minimum', () => {
    const entries = hourly(7, (id, at) => feed(id, at));
    assert.deepEqual(item(evaluate({ entries }), 'feeds'), {
      id: 'feeds',
      status: 'fail',
      observed: 7,
      threshold: 8,
      basis: 'entries',
    });
  });

  it('uses the threshold of the day: 3 wet nappies on day 3, 6 from day 6', () => {
    const three = hourly(3, (id, at) => nappy(id, at, true, false));
    assert.equal(item(evaluate({ entries: three }), 'wet-nappies').status, 'pass');
    const day6 = [1, 2, 3, 4, 5].map((h) => nappy(`w${h}`, `2026-11-26T0${h}:00:00+07:00`, true, false));
    const result = evaluate({ entries: day6, dayOfLife: 6, now: new Date('2026-11-27T00:00:00+07:00') });
    assert.deepEqual(item(result, 'wet-nappies'), {
      id: 'wet-nappies',
      status: 'fail',
      observed: 5,
      threshold: 6,
      basis: 'entries',
    });
  });

  it('leaves a day still in progress unknown until the minimum is reached', () => {
    const now = new Date('2026-11-23T12:00:00+07:00');
    assert.equal(item(evaluate({ entries: hourly(7, feed), now }), 'feeds').status, 'unknown');
    assert.equal(item(evaluate({ entries: hourly(8, feed), now }), 'feeds').status, 'pass');
  });

  it('does not fail a day with nothing of that kind logged, but fails a logged zero', () => {
    assert.equal(item(evaluate({ entries: [] }), 'wet-nappies').status, 'unknown');
    const dirtyOnly = [nappy('n1', '2026-11-23T08:00:00+07:00', false, true)];
    assert.deepEqual(item(evaluate({ entries: dirtyOnly }), 'wet-nappies'), {
      id: 'wet-nappies',
      status: 'fail',
      observed: 0,
      threshold: 3,
      basis: 'entries',
    });
  });

  it('lets the mother’s answer fill what the log does not show', () => {
    const entries = hourly(5, (id, at) => feed(id, at));
    assert.deepEqual(item(evaluate({ entries, answers: { feeds: true } }), 'feeds'), {
      id: 'feeds',
      status: 'pass',
      observed: 5,
      threshold: 8,
      basis: 'answer',
    });
    // A logged pass is not undone by a "no".
    assert.equal(item(evaluate({ entries: hourly(8, feed), answers: { feeds: false } }), 'feeds').status, 'pass');
  });

  it('counts only this baby’s entries, and not voided ones', () => {
    const entries = [
      ...hourly(7, (id, at) => feed(id, at)),
      feed('twin', '2026-11-23T20:00:00+07:00', 10, 'left', 'b2'),
      feed('mistake', '2026-11-23T21:00:00+07:00'),
      voidOf('v1', 'mistake'),
    ];
    assert.equal(item(evaluate({ entries }), 'feeds').observed, 7);
  });
});

describe('evaluateAdequacy: weight items', () => {
  it('passes a loss of exactly 10% and fails anything more', () => {
    const exactly = [weight('w1', '2026-11-23T09:00:00+07:00', 2880)];
    assert.deepEqual(item(evaluate({ entries: exactly }), 'weight-loss'), {
      id: 'weight-loss',
      status: 'pass',
      observed: -10,
      threshold: -10,
      basis: 'entries',
    });
    // 321 g of 3200 g is 10.03%: shown as -10.0, but more than 10%.
    const more = [weight('w1', '2026-11-23T09:00:00+07:00', 2879)];
    assert.deepEqual(item(evaluate({ entries: more }), 'weight-loss'), {
      id: 'weight-loss',
      status: 'fail',
      observed: -10,
      threshold: -10,
      basis: 'entries',
    });
  });

  it('uses the latest weight up to the end of the day, not a later one', () => {
    const entries = [
      weight('w1', '2026-11-21T09:00:00+07:00', 3000),
      weight('w2', '2026-11-23T09:00:00+07:00', 2800),
      weight('w3', '2026-11-24T09:00:00+07:00', 2700),
    ];
    assert.equal(item(evaluate({ entries }), 'weight-loss').observed, -12.5);
    assert.equal(item(evaluate({ entries, dayOfLife: 2 }), 'weight-loss').observed, -6.3);
  });

  it('is unknown without a weight or a birth weight, and then does not block the result', () => {
    const result = evaluate({ entries: goodDay3, answers: { 'baby-settles': true } });
    assert.equal(item(result, 'weight-loss').status, 'unknown');
    assert.equal(result.result, 'adequate');
    const noBirthWeight = evaluate({ birthWeightG: null, entries: [weight('w1', '2026-11-23T09:00:00+07:00', 2000)] });
    assert.equal(item(noBirthWeight, 'weight-loss').status, 'unknown');
  });

  it('asks about regaining birth weight from day 14 only', () => {
    assert.equal(
      evaluate({ dayOfLife: 13 }).items.some((i) => i.id === 'weight-regained'),
      false,
    );
    const day14 = { dayOfLife: 14, now: new Date('2026-12-05T00:00:00+07:00') };
    // Day 14 runs from 3 Dec 22:15 to 4 Dec 22:15; day 12 from 1 Dec 22:15.
    const back = [weight('w1', '2026-12-02T09:00:00+07:00', 3200)];
    assert.equal(item(evaluate({ ...day14, entries: back }), 'weight-regained').status, 'pass');
    const stillBelowOnDay12 = [weight('w1', '2026-12-02T09:00:00+07:00', 3150)];
    assert.deepEqual(item(evaluate({ ...day14, entries: stillBelowOnDay12 }), 'weight-regained'), {
      id: 'weight-regained',
      status: 'unknown',
      observed: -1.6,
      threshold: 0,
      basis: null,
    });
    const stillBelowOnDay14 = [weight('w1', '2026-12-04T09:00:00+07:00', 3150)];
    assert.equal(item(evaluate({ ...day14, entries: stillBelowOnDay14 }), 'weight-regained').status, 'fail');
  });
});

describe('evaluateAdequacy: yes/no items and the overall result', () => {
  it('asks only the items of the day', () => {
    assert.deepEqual(
      evaluate({}).items.map((i) => i.id),
      ['feeds', 'wet-nappies', 'stools', 'baby-settles', 'weight-loss'],
    );
    assert.deepEqual(
      evaluate({ dayOfLife: 6 }).items.map((i) => i.id),
      ['feeds', 'wet-nappies', 'stools', 'stools-yellow', 'baby-settles', 'breasts-softer', 'weight-loss'],
    );
  });

  it('is adequate when every item passes', () => {
    const result = evaluate({ entries: goodDay3, answers: { 'baby-settles': true } });
    assert.deepEqual(
      result.items.map((i) => [i.id, i.status]),
      [
        ['feeds', 'pass'],
        ['wet-nappies', 'pass'],
        ['stools', 'pass'],
        ['baby-settles', 'pass'],
        ['weight-loss', 'unknown'],
      ],
    );
    assert.equal(result.result, 'adequate');
  });

  it('is not adequate when any item fails, even with others unanswered', () => {
    assert.equal(evaluate({ entries: goodDay3, answers: { 'baby-settles': false } }).result, 'not_adequate');
    assert.equal(
      evaluate({ entries: [weight('w1', '2026-11-23T09:00:00+07:00', 2800)], answers: {} }).result,
      'not_adequate',
    );
  });

  it('is incomplete while a required item has no answer or log', () => {
    assert.equal(evaluate({ entries: goodDay3, answers: { 'baby-settles': null } }).result, 'incomplete');
    assert.equal(evaluate({ entries: goodDay3 }).result, 'incomplete');
  });

  it('refuses a day of life below 1', () => {
    assert.throws(() => evaluate({ dayOfLife: 0 }), RangeError);
  });
});
