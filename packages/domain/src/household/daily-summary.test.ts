import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailySummaries, lastFeed } from './daily-summary.ts';
import { entry, feed, nappy, session, voidOf, weight } from './test-fixtures.ts';

// Born 22:15 WIB on 20 November: day 1 ends 21 Nov 22:15, day 2 ends 22 Nov 22:15.
const born = new Date('2026-11-20T22:15:00+07:00');

function expression(id: string, at: string, leftMl: number, rightMl: number) {
  return entry('expression', id, at, { leftMl, rightMl }, null);
}

const entries = [
  feed('f1', '2026-11-21T06:00:00+07:00', 12, 'left'),
  feed('f2', '2026-11-21T09:00:00+07:00', 15, 'right'),
  feed('f3', '2026-11-21T22:15:00+07:00', 20, 'both'), // first instant of day 2
  feed('twin', '2026-11-21T07:00:00+07:00', 9, 'left', 'b2'),
  nappy('n1', '2026-11-21T07:00:00+07:00', true, true, 'meconium'),
  nappy('n2', '2026-11-21T10:00:00+07:00', true, false),
  nappy('n3', '2026-11-22T10:00:00+07:00', false, true, 'meconium'),
  expression('e1', '2026-11-21T08:00:00+07:00', 2.5, 3),
  expression('e2', '2026-11-21T16:00:00+07:00', 4, 0),
  session('s1', '2026-11-21T08:00:00+07:00'),
  session('s2', '2026-11-21T16:00:00+07:00', 'stopped_safety', ['fever']),
  session('s3', '2026-11-22T08:00:00+07:00', 'stopped_early'),
  weight('w1', '2026-11-21T11:00:00+07:00', 3100),
  weight('w2', '2026-11-21T09:00:00+07:00', 3150), // earlier in the day, recorded later
  feed('bad', '2026-11-22T12:00:00+07:00', 30, 'left'),
  voidOf('v1', 'bad'),
  feed('before', '2026-11-20T20:00:00+07:00', 10, 'left'), // before the birth: a wrong clock
];

describe('dailySummaries', () => {
  it('adds up each day of life for one baby', () => {
    const [day1, day2, day3] = dailySummaries({ deliveredAt: born, entries, babyId: 'b1' });
    assert.deepEqual(day1, {
      day: 1,
      feeds: 2,
      feedMinutes: 27,
      wetNappies: 2,
      dirtyNappies: 1,
      expressedMl: { left: 6.5, right: 3, total: 9.5 },
      sessionsDone: 1,
      lastWeightG: 3100,
    });
    assert.deepEqual(day2, {
      day: 2,
      feeds: 1,
      feedMinutes: 20,
      wetNappies: 0,
      dirtyNappies: 1,
      expressedMl: { left: 0, right: 0, total: 0 },
      sessionsDone: 1,
      lastWeightG: null,
    });
    assert.equal(day3?.feeds, 0);
  });

  it('returns 14 days by default, or as many as asked, and leaves out later entries', () => {
    assert.equal(dailySummaries({ deliveredAt: born, entries, babyId: 'b1' }).length, 14);
    const one = dailySummaries({ deliveredAt: born, entries, babyId: 'b1', days: 1 });
    assert.deepEqual(
      one.map((d) => d.feeds),
      [2],
    );
  });

  it('rounds the millilitres to one decimal', () => {
    const ml = [
      expression('a', '2026-11-21T08:00:00+07:00', 2.1, 0.1),
      expression('b', '2026-11-21T09:00:00+07:00', 3.2, 0.2),
    ];
    assert.deepEqual(dailySummaries({ deliveredAt: born, entries: ml, babyId: null })[0]?.expressedMl, {
      left: 5.3,
      right: 0.3,
      total: 5.6,
    });
  });

  it('counts every baby when no baby is given', () => {
    assert.equal(dailySummaries({ deliveredAt: born, entries, babyId: null })[0]?.feeds, 3);
  });
});

describe('lastFeed', () => {
  it('gives the latest feed of the baby, its side and whole minutes since', () => {
    assert.deepEqual(lastFeed({ entries, babyId: 'b1', now: new Date('2026-11-22T00:00:59+07:00') }), {
      entryId: 'f3',
      at: '2026-11-21T22:15:00+07:00',
      side: 'both',
      minutesSince: 105,
    });
  });
  it('leaves out voided feeds and other babies', () => {
    assert.equal(lastFeed({ entries, babyId: 'b2', now: new Date('2026-11-22T00:00:00+07:00') })?.entryId, 'twin');
  });
  it('compares instants, not strings, across time zones', () => {
    const wita = [feed('a', '2026-11-21T09:00:00+07:00'), feed('b', '2026-11-21T09:30:00+08:00', 10, 'right')];
    assert.deepEqual(lastFeed({ entries: wita, babyId: 'b1', now: new Date('2026-11-21T09:00:00+07:00') }), {
      entryId: 'a',
      at: '2026-11-21T09:00:00+07:00',
      side: 'left',
      minutesSince: 0,
    });
  });
  it('never reports negative minutes, and is null before any feed', () => {
    const ahead = [feed('a', '2026-11-21T09:10:00+07:00')];
    assert.equal(
      lastFeed({ entries: ahead, babyId: 'b1', now: new Date('2026-11-21T09:00:00+07:00') })?.minutesSince,
      0,
    );
    assert.equal(lastFeed({ entries: [], babyId: 'b1', now: new Date() }), null);
  });
});
