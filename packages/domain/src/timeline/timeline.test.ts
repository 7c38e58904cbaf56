import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countByKind, groupTimeline, type TimelineEvent } from './timeline.ts';

const born = new Date('2026-11-20T22:15:00+07:00');
const WIB = 420;
const event = (id: string, kind: TimelineEvent['kind'], at: string): TimelineEvent => ({ id, kind, at });

describe('timeline', () => {
  const events = [
    event('f1', 'feed', '2026-11-21T08:00:00+07:00'), // day 1
    event('f2', 'feed', '2026-11-21T23:00:00+07:00'), // day 2 (after 22:15 the next evening)
    event('v1', 'visit', '2026-11-21T16:00:00.000Z'), // 23:00 WIB: day 2
    event('m1', 'message', '2026-11-22T01:00:00.000Z'), // 08:00 WIB: day 2
    event('t1', 'training', '2026-11-02T03:00:00.000Z'), // before the birth
    event('t2', 'training', '2026-10-30T03:00:00.000Z'),
    event('w1', 'weight', '2026-11-23T09:00:00+07:00'), // day 3
  ];

  it('groups by day postpartum, newest day and newest event first, and the time before birth by date last', () => {
    const groups = groupTimeline(events, born, WIB);
    assert.deepEqual(
      groups.map((g) => g.key),
      ['day:3', 'day:2', 'day:1', 'date:2026-11-02', 'date:2026-10-30'],
    );
    assert.deepEqual(
      groups[1]?.items.map((e) => e.id),
      ['m1', 'v1', 'f2'],
      'times with different offsets are compared as instants',
    );
    assert.equal(groups[1]?.day, 2);
    assert.equal(groups[3]?.day, null);
    assert.equal(groups[3]?.date, '2026-11-02');
  });

  it('keeps only the kinds asked for, and drops days left empty', () => {
    const groups = groupTimeline(events, born, WIB, new Set(['feed', 'weight'] as const));
    assert.deepEqual(
      groups.map((g) => [g.key, g.items.map((e) => e.id)]),
      [
        ['day:3', ['w1']],
        ['day:2', ['f2']],
        ['day:1', ['f1']],
      ],
    );
  });

  it('groups by calendar date in the viewer’s offset when the delivery time is unknown', () => {
    const groups = groupTimeline([event('a', 'message', '2026-11-21T18:30:00.000Z')], null, WIB);
    assert.equal(groups[0]?.key, 'date:2026-11-22', '01:30 WIB is already the 22nd');
  });

  it('counts events by kind for the filter', () => {
    const counts = countByKind(events);
    assert.equal(counts.get('feed'), 2);
    assert.equal(counts.get('training'), 2);
    assert.equal(counts.get('alert'), undefined);
  });
});
