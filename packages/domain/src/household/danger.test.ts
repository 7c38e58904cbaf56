import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeDangerSigns, type DangerInput, type DangerSignRule } from './danger.ts';
import type { HouseholdEntry } from './entries.ts';
import { entry, motherState, nappy, session, voidOf, weight } from './test-fixtures.ts';
import { weightChangePercent } from './weight.ts';

// A subset of content/danger-signs.json with the same rules, written out so these tests stand alone.
const none = { detection: null, motherState: null, safetyQuestions: [] };
const signs: DangerSignRule[] = [
  { id: 'baby-jaundice', who: 'baby', severity: 'immediate', ...none },
  {
    id: 'baby-too-few-wet-nappies',
    who: 'baby',
    severity: 'soon',
    ...none,
    detection: {
      rule: 'too_few_wet_nappies',
      fromDay: 5,
      minWetNappies: [
        { fromDay: 1, toDay: 1, min: 1 },
        { fromDay: 2, toDay: 2, min: 2 },
        { fromDay: 3, toDay: 3, min: 3 },
        { fromDay: 4, toDay: 4, min: 4 },
        { fromDay: 5, toDay: 5, min: 5 },
        { fromDay: 6, toDay: null, min: 6 },
      ],
    },
  },
  {
    id: 'baby-weight-loss',
    who: 'baby',
    severity: 'soon',
    ...none,
    detection: { rule: 'weight_loss', maxLossPercent: 10 },
  },
  {
    id: 'baby-weight-not-regained',
    who: 'baby',
    severity: 'soon',
    ...none,
    detection: { rule: 'weight_not_regained', byDay: 14 },
  },
  {
    id: 'baby-meconium-after-day-5',
    who: 'baby',
    severity: 'soon',
    ...none,
    detection: { rule: 'meconium_after_day', afterDay: 5 },
  },
  { id: 'mother-heavy-bleeding', who: 'mother', severity: 'immediate', ...none },
  {
    id: 'mother-fever',
    who: 'mother',
    severity: 'soon',
    ...none,
    motherState: { fever: true },
    safetyQuestions: ['fever'],
  },
  {
    id: 'mother-breast-red-painful-fever',
    who: 'mother',
    severity: 'soon',
    ...none,
    motherState: { fever: true, breastComfort: 'red_painful' },
  },
  {
    id: 'mother-breast-red-tender',
    who: 'mother',
    severity: 'soon',
    ...none,
    motherState: { breastComfort: 'red_painful' },
  },
  { id: 'safety-calf-or-breath', who: 'mother', severity: 'immediate', ...none, safetyQuestions: ['calf-breath'] },
];

// Born 22:15 WIB on 20 November: day d runs from (20 + d - 1) Nov 22:15 to (20 + d) Nov 22:15.
const born = new Date('2026-11-20T22:15:00+07:00');

function active(entries: HouseholdEntry[], over: Partial<DangerInput> = {}) {
  return activeDangerSigns({
    signs,
    entries,
    babies: [{ id: 'b1', birthWeightG: 3200 }],
    deliveredAt: born,
    now: new Date('2026-11-26T00:00:00+07:00'),
    ...over,
  });
}

function report(id: string, at: string, ids: string[], babyId: string | null = 'b1') {
  return entry('danger_report', id, at, { signs: ids }, babyId);
}

/** `wet` wet and `dry` dirty-only nappies on one day of life, an hour apart from `date` 01:00. */
function nappyDay(date: string, wet: number, dry = 0, babyId = 'b1') {
  return Array.from({ length: wet + dry }, (_, i) =>
    nappy(
      `${babyId}-${date}-${i}`,
      `${date}T${String(i + 1).padStart(2, '0')}:00:00+07:00`,
      i < wet,
      i >= wet,
      null,
      babyId,
    ),
  );
}

describe('activeDangerSigns: reported', () => {
  it('raises each sign the family reported, with the report as evidence', () => {
    assert.deepEqual(active([report('r1', '2026-11-21T10:00:00+07:00', ['baby-jaundice'])]), [
      {
        signId: 'baby-jaundice',
        who: 'baby',
        babyId: 'b1',
        severity: 'immediate',
        via: ['danger_report'],
        evidence: ['r1'],
        day: 1,
      },
    ]);
  });

  it('merges repeated reports of one sign, evidence oldest first', () => {
    const result = active([
      report('r2', '2026-11-22T10:00:00+07:00', ['baby-jaundice']),
      report('r1', '2026-11-21T10:00:00+07:00', ['baby-jaundice']),
    ]);
    assert.equal(result.length, 1);
    assert.deepEqual(result[0]?.evidence, ['r1', 'r2']);
    assert.equal(result[0]?.day, 2);
  });

  it('keeps a reported id the content does not know, as immediate', () => {
    const [sign] = active([report('r1', '2026-11-21T10:00:00+07:00', ['mother-from-a-newer-version'], null)]);
    assert.deepEqual(sign && [sign.signId, sign.who, sign.severity], [
      'mother-from-a-newer-version',
      'mother',
      'immediate',
    ]);
  });

  it('ignores voided reports and those before `reportedSince`', () => {
    assert.deepEqual(active([report('r1', '2026-11-21T10:00:00+07:00', ['baby-jaundice']), voidOf('v1', 'r1')]), []);
    const old = [report('r1', '2026-11-21T10:00:00+07:00', ['baby-jaundice'])];
    assert.deepEqual(active(old, { reportedSince: new Date('2026-11-21T10:00:01+07:00') }), []);
    assert.equal(active(old, { reportedSince: new Date('2026-11-21T10:00:00+07:00') }).length, 1);
  });

  it('lists immediate signs first, then in content order', () => {
    const result = active([
      report('r1', '2026-11-21T10:00:00+07:00', ['mother-fever'], null),
      report('r2', '2026-11-21T11:00:00+07:00', ['mother-heavy-bleeding', 'baby-jaundice'], null),
    ]);
    assert.deepEqual(
      result.map((s) => s.signId),
      ['baby-jaundice', 'mother-heavy-bleeding', 'mother-fever'],
    );
  });
});

describe('activeDangerSigns: the mother’s state and the safety check', () => {
  it('raises only the most specific sign for a red painful breast with fever', () => {
    const result = active([
      motherState('s1', '2026-11-22T08:00:00+07:00', { fever: true }),
      motherState('s2', '2026-11-22T09:00:00+07:00', { breastComfort: 'red_painful', sleepHours: 4 }),
    ]);
    assert.deepEqual(result, [
      {
        signId: 'mother-breast-red-painful-fever',
        who: 'mother',
        babyId: null,
        severity: 'soon',
        via: ['mother_state'],
        evidence: ['s1', 's2'],
        day: 2,
      },
    ]);
  });

  it('raises fever alone, and a red painful breast alone', () => {
    const fever = [motherState('s1', '2026-11-22T08:00:00+07:00', { fever: true, breastComfort: 'full' })];
    assert.deepEqual(
      active(fever).map((s) => s.signId),
      ['mother-fever'],
    );
    const breast = [motherState('s1', '2026-11-22T08:00:00+07:00', { fever: false, breastComfort: 'red_painful' })];
    assert.deepEqual(
      active(breast).map((s) => s.signId),
      ['mother-breast-red-tender'],
    );
  });

  it('follows the latest answer of each field: a later "no fever" clears it, an unanswered one does not', () => {
    const feverThenSleep = [
      motherState('s1', '2026-11-22T08:00:00+07:00', { fever: true }),
      motherState('s2', '2026-11-22T20:00:00+07:00', { sleepHours: 5 }),
    ];
    assert.deepEqual(
      active(feverThenSleep).map((s) => s.evidence),
      [['s1']],
    );
    const feverThenNone = [
      motherState('s1', '2026-11-22T08:00:00+07:00', { fever: true }),
      motherState('s2', '2026-11-22T20:00:00+07:00', { fever: false }),
    ];
    assert.deepEqual(active(feverThenNone), []);
  });

  it('raises the sign of a danger question that stopped a massage, and nothing for consent', () => {
    const result = active([
      session('m1', '2026-11-21T08:00:00+07:00', 'stopped_safety', ['calf-breath']),
      session('m2', '2026-11-21T16:00:00+07:00', 'stopped_safety', ['consent']),
    ]);
    assert.deepEqual(
      result.map((s) => [s.signId, s.severity, s.via, s.evidence]),
      [['safety-calf-or-breath', 'immediate', ['safety_check'], ['m1']]],
    );
  });

  it('merges one sign arriving by the safety check and the mother’s state', () => {
    const result = active([
      session('m1', '2026-11-22T08:00:00+07:00', 'stopped_safety', ['fever']),
      motherState('s1', '2026-11-22T09:00:00+07:00', { fever: true }),
    ]);
    assert.deepEqual(
      result.map((s) => [s.signId, s.via, s.evidence]),
      [['mother-fever', ['safety_check', 'mother_state'], ['m1', 's1']]],
    );
  });
});

describe('activeDangerSigns: detected', () => {
  it('detects a loss of more than 10% from the latest weight only', () => {
    const lost = [weight('w1', '2026-11-23T09:00:00+07:00', 2879)];
    assert.deepEqual(active(lost), [
      {
        signId: 'baby-weight-loss',
        who: 'baby',
        babyId: 'b1',
        severity: 'soon',
        via: ['detected'],
        evidence: ['w1'],
        day: 3,
      },
    ]);
    assert.deepEqual(active([weight('w1', '2026-11-23T09:00:00+07:00', 2880)]), []);
    assert.deepEqual(active([...lost, weight('w2', '2026-11-24T09:00:00+07:00', 2950)]), []);
    assert.deepEqual(active(lost, { babies: [{ id: 'b1', birthWeightG: null }] }), []);
  });

  it('detects birth weight not regained from a weight taken on day 14 or later', () => {
    const now = new Date('2026-12-06T00:00:00+07:00');
    const day13 = [weight('w1', '2026-12-03T09:00:00+07:00', 3100)];
    assert.deepEqual(active(day13, { now }), []);
    const day14 = [weight('w1', '2026-12-04T09:00:00+07:00', 3100)];
    assert.deepEqual(
      active(day14, { now }).map((s) => [s.signId, s.day]),
      [['baby-weight-not-regained', 14]],
    );
    assert.deepEqual(active([weight('w1', '2026-12-04T09:00:00+07:00', 3200)], { now }), []);
  });

  it('detects too few wet nappies on a completed day from day 5', () => {
    // Day 5 is 24 Nov 22:15 to 25 Nov 22:15; at 26 Nov 00:00 it is over.
    const short = nappyDay('2026-11-25', 4, 1);
    assert.deepEqual(active(short), [
      {
        signId: 'baby-too-few-wet-nappies',
        who: 'baby',
        babyId: 'b1',
        severity: 'soon',
        via: ['detected'],
        evidence: short.map((n) => n.id),
        day: 5,
      },
    ]);
    assert.deepEqual(active(nappyDay('2026-11-25', 5)), []);
  });

  it('does not judge a day in progress, a day before day 5, or a day with no nappy logged', () => {
    const inProgress = new Date('2026-11-25T12:00:00+07:00');
    assert.deepEqual(active(nappyDay('2026-11-25', 1), { now: inProgress }), []);
    // Day 4 (23 Nov 22:15 to 24 Nov 22:15) with 1 wet nappy: before the rule starts.
    assert.deepEqual(active(nappyDay('2026-11-24', 1)), []);
    assert.deepEqual(active([]), []);
  });

  it('judges the latest completed day with nappies logged', () => {
    const now = new Date('2026-11-28T00:00:00+07:00'); // day 8; days 5, 6 and 7 are over
    const shortDay5 = nappyDay('2026-11-25', 2);
    assert.deepEqual(
      active([...shortDay5, ...nappyDay('2026-11-26', 6)], { now }),
      [],
      'a good day 6 replaces a short day 5',
    );
    // Nothing logged on day 6 or 7: day 5 is still the latest evidence.
    assert.deepEqual(
      active(shortDay5, { now }).map((s) => s.day),
      [5],
    );
  });

  it('detects meconium after day 5 until a stool of another colour is logged', () => {
    const now = new Date('2026-11-28T00:00:00+07:00');
    const day5 = nappy('n5', '2026-11-25T09:00:00+07:00', false, true, 'meconium');
    const day6 = nappy('n6', '2026-11-26T09:00:00+07:00', false, true, 'meconium');
    const uncoloured = nappy('n7', '2026-11-27T09:00:00+07:00', false, true, null);
    const yellow = nappy('n8', '2026-11-27T10:00:00+07:00', false, true, 'yellow');
    const wet = (d: string) => nappyDay(d, 6);
    const background = [...wet('2026-11-25'), ...wet('2026-11-26'), ...wet('2026-11-27')];
    assert.deepEqual(active([...background, day5], { now }), []);
    assert.deepEqual(
      active([...background, day5, day6, uncoloured], { now }).map((s) => [s.signId, s.evidence, s.day]),
      [['baby-meconium-after-day-5', ['n6'], 6]],
    );
    assert.deepEqual(active([...background, day6, yellow], { now }), []);
  });

  it('detects per baby for twins', () => {
    const result = active(
      [weight('w1', '2026-11-23T09:00:00+07:00', 2600, 'b2'), weight('w2', '2026-11-23T09:00:00+07:00', 3100)],
      {
        babies: [
          { id: 'b1', birthWeightG: 3200 },
          { id: 'b2', birthWeightG: 3000 },
        ],
      },
    );
    assert.deepEqual(
      result.map((s) => [s.signId, s.babyId, s.evidence]),
      [['baby-weight-loss', 'b2', ['w1']]],
    );
  });
});

describe('weightChangePercent', () => {
  it('rounds to one decimal, half away from zero', () => {
    assert.equal(weightChangePercent(3200, 2879), -10);
    assert.equal(weightChangePercent(3200, 3000), -6.3);
    assert.equal(weightChangePercent(3000, 2790), -7);
    assert.equal(weightChangePercent(3000, 3300), 10);
    assert.equal(weightChangePercent(3000, 3000), 0);
    assert.equal(weightChangePercent(3000, 2999), 0);
  });
  it('refuses a birth weight that is not positive', () => {
    assert.throws(() => weightChangePercent(0, 2900), RangeError);
  });
});
