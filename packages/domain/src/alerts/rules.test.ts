import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeDangerSigns, type DangerSignRule } from '../household/danger.ts';
import type { HouseholdEntry } from '../household/entries.ts';
import { entry, motherState, nappy, session, voidOf, weight } from '../household/test-fixtures.ts';
import { ALERT_RULES, ALERT_RULES_VERSION, alertRuleBySign, noStoolDays, timeBasedAlerts } from './rules.ts';

// Born 2026-11-20 08:00 WIB: day 1 is until 2026-11-21 08:00, day 6 from 2026-11-25 08:00.
const deliveredAt = new Date('2026-11-20T08:00:00+07:00');
// The numbered sections of shared/domain/oxytocin-massage-evidence.md (the repository does not hold the file).
const EVIDENCE_SECTIONS = [
  '1.1',
  '1.2',
  '1.3',
  '2',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '4.1',
  '4.2',
  '5.1',
  '5.2',
  '6.1',
];
const at = (iso: string) => new Date(iso);
const standard = { firstDay: 1, lastDay: 3, extendableToDay: 14 };

function check(id: string, occurredAt: string, dayOfLife: number, result: 'adequate' | 'not_adequate' | 'incomplete') {
  return entry('adequacy_check', id, occurredAt, { dayOfLife, answers: {}, result, contentVersion: 1 }, 'b1');
}

describe('alert rules', () => {
  it('every rule has an id, a version, a severity and a source section that exists in the evidence file', () => {
    assert.ok(ALERT_RULES_VERSION >= 1);
    const ids = new Set<string>();
    for (const rule of ALERT_RULES) {
      assert.ok(!ids.has(rule.id), `duplicate ${rule.id}`);
      ids.add(rule.id);
      assert.ok(rule.version >= 1);
      assert.ok(rule.severity === 'immediate' || rule.severity === 'soon');
      assert.ok(rule.sources.length > 0, `${rule.id} has a source`);
      for (const s of rule.sources) {
        assert.ok(EVIDENCE_SECTIONS.includes(s.section), `${rule.id}: section ${s.section} exists`);
        assert.ok(['S', 'S2', 'D', 'U'].includes(s.grade));
      }
    }
    assert.equal(alertRuleBySign('baby-weight-loss')?.id, 'weight-loss-over-10-percent');
  });
});

describe('no stool after day 5', () => {
  const babies = [{ id: 'b1' }];
  it('flags a completed day after day 5 with nappies but none dirty, once per day', () => {
    const entries = [
      nappy('n1', '2026-11-25T10:00:00+07:00', true, false), // day 6
      nappy('n2', '2026-11-25T18:00:00+07:00', true, false),
    ];
    const found = noStoolDays({ entries, babies, deliveredAt, now: at('2026-11-26T09:00:00+07:00') });
    assert.equal(found.length, 1);
    assert.equal(found[0]?.signId, 'baby-no-stool-after-day-5');
    assert.equal(found[0]?.entryId, 'n2');
    assert.equal(found[0]?.episode, 'baby:b1:day:6');
  });
  it('does not judge day 5, a day still running, a day with a stool, or a day with nothing logged', () => {
    const entries = [
      nappy('n0', '2026-11-24T10:00:00+07:00', true, false), // day 5
      nappy('n1', '2026-11-25T10:00:00+07:00', true, true, 'yellow'), // day 6, stool
      nappy('n2', '2026-11-26T10:00:00+07:00', true, false), // day 7, still running
    ];
    assert.deepEqual(noStoolDays({ entries, babies, deliveredAt, now: at('2026-11-27T07:00:00+07:00') }), []);
  });
  it('respects corrections: a voided nappy does not count', () => {
    const entries = [
      nappy('n1', '2026-11-25T10:00:00+07:00', true, true),
      nappy('n2', '2026-11-25T11:00:00+07:00', true, false),
      voidOf('v1', 'n1'),
    ];
    assert.equal(noStoolDays({ entries, babies, deliveredAt, now: at('2026-11-27T07:00:00+07:00') }).length, 1);
  });
});

describe('time-based rules', () => {
  const base = { deliveredAt, protocol: standard, plan: { extendedToDay: null }, lastSyncAt: null };

  it('no massage for 2 days while the protocol is active: one episode named by the last massage', () => {
    const entries = [session('s1', '2026-11-20T10:00:00+07:00')];
    const before = timeBasedAlerts({ ...base, entries, now: at('2026-11-22T09:59:00+07:00') });
    assert.deepEqual(before, []);
    const after = timeBasedAlerts({ ...base, entries, now: at('2026-11-22T10:00:00+07:00') });
    assert.equal(after.length, 1);
    assert.equal(after[0]?.signId, 'no-massage-2-days');
    assert.equal(after[0]?.episode, `since:${at('2026-11-20T10:00:00+07:00').toISOString()}`);
    // Same stretch an hour later: the same episode, so the store raises it once.
    const later = timeBasedAlerts({ ...base, entries, now: at('2026-11-22T11:00:00+07:00') });
    assert.equal(later[0]?.episode, after[0]?.episode);
  });

  it('counts from the start date the midwife set, not from birth', () => {
    // Protocol set to start on day 3 (2026-11-22 08:00); no massage yet.
    const plan = { extendedToDay: null, startDay: 3 };
    const entries: HouseholdEntry[] = [];
    assert.deepEqual(timeBasedAlerts({ ...base, plan, entries, now: at('2026-11-23T07:59:00+07:00') }), []);
    const due = timeBasedAlerts({ ...base, plan, entries, now: at('2026-11-24T08:00:00+07:00') });
    assert.equal(due[0]?.signId, 'no-massage-2-days');
    assert.equal(due[0]?.episode, `since:${at('2026-11-22T08:00:00+07:00').toISOString()}`);
  });

  it('a safety stop is not a massage, and nothing is raised once the protocol is over', () => {
    const entries = [session('s1', '2026-11-20T10:00:00+07:00', 'stopped_safety', ['fever'])];
    const found = timeBasedAlerts({ ...base, entries, now: at('2026-11-22T08:30:00+07:00') });
    assert.equal(found[0]?.episode, `since:${deliveredAt.toISOString()}`, 'counted from the protocol start');
    assert.deepEqual(timeBasedAlerts({ ...base, entries, now: at('2026-11-23T08:30:00+07:00') }), [], 'day 4');
    const extended = timeBasedAlerts({
      ...base,
      plan: { extendedToDay: 14 },
      entries,
      now: at('2026-11-23T08:30:00+07:00'),
    });
    assert.equal(extended.length, 1, 'an extended protocol is still active on day 4');
    assert.deepEqual(timeBasedAlerts({ ...base, protocol: null, entries, now: at('2026-11-22T09:00:00+07:00') }), []);
  });

  it('no sync for 3 days, only when the household has synced before and within follow-up', () => {
    const lastSyncAt = at('2026-11-21T12:00:00+07:00');
    const none: HouseholdEntry[] = [];
    const p = { ...base, protocol: null, entries: none };
    assert.deepEqual(timeBasedAlerts({ ...p, lastSyncAt, now: at('2026-11-24T11:59:00+07:00') }), []);
    const found = timeBasedAlerts({ ...p, lastSyncAt, now: at('2026-11-24T12:00:00+07:00') });
    assert.equal(found[0]?.signId, 'no-sync-3-days');
    assert.equal(found[0]?.episode, `since:${lastSyncAt.toISOString()}`);
    assert.deepEqual(timeBasedAlerts({ ...p, lastSyncAt: null, now: at('2026-11-30T12:00:00+07:00') }), []);
    assert.deepEqual(timeBasedAlerts({ ...p, lastSyncAt, now: at('2026-12-10T12:00:00+07:00') }), [], 'day 21');
  });

  it('"not adequate" on 3 consecutive days raises one alert for the run; a break starts a new run', () => {
    const p = { ...base, protocol: null, now: at('2026-11-30T12:00:00+07:00') };
    const two = [
      check('c3', '2026-11-22T20:00:00+07:00', 3, 'not_adequate'),
      check('c4', '2026-11-23T20:00:00+07:00', 4, 'not_adequate'),
    ];
    assert.deepEqual(timeBasedAlerts({ ...p, entries: two }), []);
    const three = [...two, check('c5', '2026-11-24T20:00:00+07:00', 5, 'not_adequate')];
    const found = timeBasedAlerts({ ...p, entries: three });
    assert.equal(found.length, 1);
    assert.equal(found[0]?.signId, 'checklist-not-adequate-3-days');
    assert.equal(found[0]?.episode, 'baby:b1:from-day:3');
    assert.equal(found[0]?.entryId, 'c5');
    // A fourth day keeps the same run: no second alert.
    const four = [...three, check('c6', '2026-11-25T20:00:00+07:00', 6, 'not_adequate')];
    assert.equal(timeBasedAlerts({ ...p, entries: four }).length, 1);
    // A later re-check of day 4 that is adequate breaks the run.
    const fixed = [...three, check('c4b', '2026-11-23T21:00:00+07:00', 4, 'adequate')];
    assert.deepEqual(timeBasedAlerts({ ...p, entries: fixed }), []);
    // A skipped day is not "in a row".
    const gap = [
      two[0],
      check('c5', '2026-11-24T20:00:00+07:00', 5, 'not_adequate'),
      check('c6', '2026-11-25T20:00:00+07:00', 6, 'not_adequate'),
    ];
    assert.deepEqual(timeBasedAlerts({ ...p, entries: gap.filter((e) => e !== undefined) }), []);
  });
});

describe('entry rules reuse the danger-sign detection', () => {
  // The danger signs that the entry rules name, with the rules as in content/danger-signs.json.
  const none = { detection: null, motherState: null, safetyQuestions: [] };
  const signs: DangerSignRule[] = [
    { id: 'baby-jaundice', who: 'baby', severity: 'immediate', ...none },
    {
      id: 'baby-weight-loss',
      who: 'baby',
      severity: 'soon',
      ...none,
      detection: { rule: 'weight_loss', maxLossPercent: 10 },
    },
    { id: 'mother-fever', who: 'mother', severity: 'soon', ...none, motherState: { fever: true } },
    {
      id: 'mother-breast-red-tender',
      who: 'mother',
      severity: 'soon',
      ...none,
      motherState: { breastComfort: 'red_painful' },
    },
  ];
  it('weight loss over 10%, jaundice reported, mother fever: each maps to a rule with a source', () => {
    const entries = [
      weight('w1', '2026-11-22T10:00:00+07:00', 2690), // 3000 g at birth: -10.3%
      entry('danger_report', 'd1', '2026-11-22T11:00:00+07:00', { signs: ['baby-jaundice'] }, 'b1'),
      motherState('m1', '2026-11-22T12:00:00+07:00', { fever: true }),
    ];
    const active = activeDangerSigns({
      signs,
      entries,
      babies: [{ id: 'b1', birthWeightG: 3000 }],
      deliveredAt,
      now: at('2026-11-22T13:00:00+07:00'),
    });
    const ids = active.map((a) => a.signId).sort();
    assert.deepEqual(ids, ['baby-jaundice', 'baby-weight-loss', 'mother-fever']);
    for (const id of ids) assert.ok(alertRuleBySign(id), `${id} has a versioned rule`);
  });
});
