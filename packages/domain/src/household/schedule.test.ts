import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HouseholdEntry } from './entries.ts';
import {
  activeDays,
  lastActiveDay,
  massageProgress,
  plannedSessions,
  type ScheduleProtocol,
  suggestedTimesOnDay,
} from './schedule.ts';
import { session, voidOf } from './test-fixtures.ts';

// The default protocol: 3 minutes twice a day on days 1-3, extendable to day 14.
const standard: ScheduleProtocol = {
  sessionsPerDay: 2,
  sessionsPerDayMin: 2,
  firstDay: 1,
  lastDay: 3,
  extendableToDay: 14,
  suggestedTimes: ['08:00', '16:00'],
};
// The husband protocol: "1 to 2 a day" for 14 days.
const oneToTwo: ScheduleProtocol = { ...standard, sessionsPerDayMin: 1, lastDay: 14, extendableToDay: null };
const noExtension = { extendedToDay: null };
const WIB = 420;
// Born late in the evening: day 1 runs to 22:15 the next evening and holds that day's 08:00 and 16:00.
const born = new Date('2026-11-20T22:15:00+07:00');

function progress(entries: HouseholdEntry[], now: string, protocol = standard) {
  return massageProgress({
    protocol,
    plan: noExtension,
    deliveredAt: born,
    entries,
    now: new Date(now),
    utcOffsetMinutes: WIB,
  });
}

describe('active days', () => {
  it('runs from the first to the last day of the protocol', () => {
    assert.deepEqual(activeDays(standard, noExtension), [1, 2, 3]);
  });
  it('follows the midwife’s extension, but never past what the protocol allows', () => {
    assert.equal(lastActiveDay(standard, { extendedToDay: 10 }), 10);
    assert.equal(lastActiveDay(standard, { extendedToDay: 14 }), 14);
    assert.equal(lastActiveDay(standard, { extendedToDay: 20 }), 14);
  });
  it('ignores an "extension" that would shorten the protocol or a protocol that cannot be extended', () => {
    assert.equal(lastActiveDay(standard, { extendedToDay: 2 }), 3);
    assert.equal(lastActiveDay({ ...standard, extendableToDay: null }, { extendedToDay: 10 }), 3);
  });
  it('plans the minimum number of sessions on active days and none outside them', () => {
    assert.equal(plannedSessions(standard, noExtension, 1), 2);
    assert.equal(plannedSessions(standard, noExtension, 3), 2);
    assert.equal(plannedSessions(standard, noExtension, 4), 0);
    assert.equal(plannedSessions(standard, noExtension, 0), 0);
    assert.equal(plannedSessions(oneToTwo, noExtension, 7), 1);
  });
});

describe('suggestedTimesOnDay', () => {
  it('places each local time once in the 24 hours of the day, in order', () => {
    assert.deepEqual(
      suggestedTimesOnDay(standard, born, 1, WIB).map((d) => d.toISOString()),
      ['2026-11-21T01:00:00.000Z', '2026-11-21T09:00:00.000Z'],
    );
  });
  it('puts the afternoon first when the baby was born at noon', () => {
    const noon = new Date('2026-11-20T12:00:00+07:00');
    assert.deepEqual(
      suggestedTimesOnDay(standard, noon, 1, WIB).map((d) => d.toISOString()),
      ['2026-11-20T09:00:00.000Z', '2026-11-21T01:00:00.000Z'],
    );
  });
  it('reads the times on the phone’s clock: 08:00 WITA is 07:00 WIB', () => {
    const noon = new Date('2026-11-20T12:00:00+07:00');
    assert.deepEqual(
      suggestedTimesOnDay(standard, noon, 1, 480).map((d) => d.toISOString()),
      ['2026-11-20T08:00:00.000Z', '2026-11-21T00:00:00.000Z'],
    );
  });
  it('includes a suggested time that coincides with the start of the day', () => {
    const atEight = new Date('2026-11-20T08:00:00+07:00');
    assert.deepEqual(
      suggestedTimesOnDay(standard, atEight, 2, WIB).map((d) => d.toISOString()),
      ['2026-11-21T01:00:00.000Z', '2026-11-21T09:00:00.000Z'],
    );
  });
  it('refuses a time that is not HH:MM', () => {
    assert.throws(() => suggestedTimesOnDay({ suggestedTimes: ['8:00'] }, born, 1, WIB), RangeError);
    assert.throws(() => suggestedTimesOnDay({ suggestedTimes: ['24:00'] }, born, 1, WIB), RangeError);
  });
});

describe('massageProgress', () => {
  it('counts completed and stopped-early sessions per day of life, not a safety stop', () => {
    const result = progress(
      [
        session('s1', '2026-11-21T08:05:00+07:00'),
        session('s2', '2026-11-21T16:10:00+07:00', 'stopped_early'),
        session('s3', '2026-11-22T08:00:00+07:00'),
        session('s4', '2026-11-22T09:00:00+07:00', 'stopped_safety', ['fever']),
      ],
      '2026-11-22T12:00:00+07:00',
    );
    assert.equal(result.today, 2);
    assert.deepEqual(result.days, [
      { day: 1, planned: 2, target: 2, done: 2, missed: 0 },
      { day: 2, planned: 2, target: 2, done: 1, missed: null },
      { day: 3, planned: 2, target: 2, done: 0, missed: null },
    ]);
    // Day 1: 2 of 2. Today only 08:00 has passed: 1 of 1.
    assert.deepEqual(result.adherence, { done: 3, due: 3, ratio: 1 });
  });

  it('counts missed sessions only once the day is over', () => {
    const result = progress([session('s1', '2026-11-21T08:05:00+07:00')], '2026-11-22T17:00:00+07:00');
    assert.equal(result.days[0]?.missed, 1);
    assert.equal(result.days[1]?.missed, null);
    // Day 1: 1 of 2; today both 08:00 and 16:00 have passed, nothing done: 0 of 2.
    assert.deepEqual(result.adherence, { done: 1, due: 4, ratio: 0.25 });
  });

  it('uses day-of-life windows: a session at 23:00 belongs to the next day of life', () => {
    const result = progress([session('s1', '2026-11-21T23:00:00+07:00')], '2026-11-22T12:00:00+07:00');
    assert.equal(result.days[0]?.done, 0);
    assert.equal(result.days[1]?.done, 1);
  });

  it('puts a session exactly 24 hours after the birth in day 2', () => {
    const result = progress([session('s1', '2026-11-21T22:15:00+07:00')], '2026-11-22T12:00:00+07:00');
    assert.deepEqual(
      result.days.map((d) => d.done),
      [0, 1, 0],
    );
  });

  it('counts a suggested time as passed at that very minute', () => {
    assert.deepEqual(progress([], '2026-11-22T07:59:59+07:00').adherence, { done: 0, due: 2, ratio: 0 });
    assert.deepEqual(progress([], '2026-11-22T08:00:00+07:00').adherence, { done: 0, due: 3, ratio: 0 });
  });

  it('counts a session given before its suggested time as due and done', () => {
    const result = progress(
      [
        session('s1', '2026-11-21T08:00:00+07:00'),
        session('s2', '2026-11-21T16:00:00+07:00'),
        session('s3', '2026-11-22T06:30:00+07:00'),
      ],
      '2026-11-22T07:00:00+07:00',
    );
    assert.deepEqual(result.adherence, { done: 3, due: 3, ratio: 1 });
  });

  it('never counts more than planned on a day, nor sessions outside the active days', () => {
    const result = progress(
      [
        session('s1', '2026-11-21T08:00:00+07:00'),
        session('s2', '2026-11-21T12:00:00+07:00'),
        session('s3', '2026-11-21T16:00:00+07:00'),
        session('s4', '2026-11-24T08:00:00+07:00'),
      ],
      '2026-11-25T12:00:00+07:00',
    );
    assert.equal(result.today, 5);
    assert.deepEqual(
      result.days.map((d) => [d.day, d.done, d.missed]),
      [
        [1, 3, 0],
        [2, 0, 2],
        [3, 0, 2],
      ],
    );
    assert.deepEqual(result.adherence, { done: 2, due: 6, ratio: 2 / 6 });
  });

  it('leaves out voided sessions', () => {
    const result = progress(
      [session('s1', '2026-11-21T08:00:00+07:00'), voidOf('v1', 's1')],
      '2026-11-21T09:00:00+07:00',
    );
    assert.equal(result.days[0]?.done, 0);
  });

  it('has nothing due before the birth or before the first suggested time', () => {
    const before = progress([], '2026-11-20T20:00:00+07:00');
    assert.equal(before.today, undefined);
    assert.deepEqual(before.adherence, { done: 0, due: 0, ratio: null });
    assert.ok(before.days.every((d) => d.missed === null));
    assert.deepEqual(progress([], '2026-11-20T23:00:00+07:00').adherence, { done: 0, due: 0, ratio: null });
  });

  it('counts the minimum for a "1 to 2 a day" protocol, and shows 2 as the target', () => {
    const result = progress([session('s1', '2026-11-21T08:00:00+07:00')], '2026-11-22T17:00:00+07:00', oneToTwo);
    assert.equal(result.days.length, 14);
    assert.deepEqual(result.days[0], { day: 1, planned: 1, target: 2, done: 1, missed: 0 });
    // Day 1: 1 of 1. Today: two suggested times passed, but only 1 is planned.
    assert.deepEqual(result.adherence, { done: 1, due: 2, ratio: 0.5 });
  });

  it('extends the days when the midwife continues the protocol', () => {
    const result = massageProgress({
      protocol: standard,
      plan: { extendedToDay: 5 },
      deliveredAt: born,
      entries: [],
      now: new Date('2026-11-30T12:00:00+07:00'),
      utcOffsetMinutes: WIB,
    });
    assert.deepEqual(
      result.days.map((d) => d.missed),
      [2, 2, 2, 2, 2],
    );
    assert.deepEqual(result.adherence, { done: 0, due: 10, ratio: 0 });
  });
});

describe('a start date set by the midwife', () => {
  it('moves the whole course, extension included, and never starts earlier than the protocol', () => {
    assert.deepEqual(activeDays(standard, { extendedToDay: null, startDay: 4 }), [4, 5, 6]);
    assert.equal(lastActiveDay(standard, { extendedToDay: 10, startDay: 4 }), 13);
    assert.deepEqual(activeDays(standard, { extendedToDay: null, startDay: 1 }), [1, 2, 3]);
    assert.deepEqual(activeDays(standard, { extendedToDay: null, startDay: null }), [1, 2, 3]);
    assert.equal(plannedSessions(standard, { extendedToDay: null, startDay: 4 }, 3), 0);
    assert.equal(plannedSessions(standard, { extendedToDay: null, startDay: 4 }, 6), 2);
  });
  it('counts adherence only from the start: days before it are not missed', () => {
    const result = massageProgress({
      protocol: standard,
      plan: { extendedToDay: null, startDay: 3 },
      deliveredAt: born,
      entries: [],
      now: new Date('2026-11-23T23:00:00+07:00'), // day 4 has just begun; day 3 (the first) is over
      utcOffsetMinutes: WIB,
    });
    assert.deepEqual(
      result.days.map((d) => d.day),
      [3, 4, 5],
    );
    assert.deepEqual(result.adherence, { done: 0, due: 2, ratio: 0 });
  });
});
