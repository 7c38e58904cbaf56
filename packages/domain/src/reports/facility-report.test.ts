import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type FacilityReportInput,
  facilityReport,
  type ReportAlertRow,
  type ReportMassageDayRow,
  type ReportMotherRow,
} from './facility-report.ts';

const F = 'facility-1';
const period = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta' };
const now = new Date('2026-12-20T00:00:00Z');
const standard = { firstDay: 1, lastDay: 3, sessionsPerDayMin: 2 };
const husband = { firstDay: 1, lastDay: 14, sessionsPerDayMin: 1 };

const mothers: ReportMotherRow[] = [
  { facilityId: F, motherId: 'm1', deliveredAt: '2026-11-02T08:00:00+07:00', protocol: standard },
  { facilityId: F, motherId: 'm2', deliveredAt: '2026-11-05T08:00:00+07:00', protocol: standard },
  { facilityId: F, motherId: 'm3', deliveredAt: '2026-11-10T08:00:00+07:00', protocol: husband },
  // Delivered 12 hours before "now": day 1 is not over, so she has nothing due and has not finished.
  { facilityId: F, motherId: 'm4', deliveredAt: '2026-12-19T12:00:00Z', protocol: standard },
  // No delivery time and no plan.
  { facilityId: F, motherId: 'm5', deliveredAt: null, protocol: null },
];

const massage: ReportMassageDayRow[] = [
  // m1: every planned session: completed, 100%.
  { motherId: 'm1', day: 1, done: 2 },
  { motherId: 'm1', day: 2, done: 2 },
  { motherId: 'm1', day: 3, done: 2 },
  // m2: 1 + min(3, 2) + 0 = 3 of 6: 50%.
  { motherId: 'm2', day: 1, done: 1 },
  { motherId: 'm2', day: 2, done: 3 },
  // m3: one a day on days 1-10 of 14: 10/14 = 71.43%.
  ...Array.from({ length: 10 }, (_, i) => ({ motherId: 'm3', day: i + 1, done: 1 })),
  // m4 massaged already, but her day 1 is not over yet.
  { motherId: 'm4', day: 1, done: 1 },
  // Not in the cohort: ignored.
  { motherId: 'other', day: 1, done: 2 },
];

const at = (iso: string) => iso;
const alerts: ReportAlertRow[] = [
  {
    facilityId: F,
    signId: 'mother-fever',
    severity: 'immediate',
    raisedAt: at('2026-11-03T01:00:00Z'),
    firstActionAt: at('2026-11-03T03:00:00Z'),
    closedAt: at('2026-11-04T00:00:00Z'),
  },
  {
    facilityId: F,
    signId: 'mother-fever',
    severity: 'immediate',
    raisedAt: at('2026-11-10T00:00:00Z'),
    firstActionAt: at('2026-11-10T06:00:00Z'),
    closedAt: null,
  },
  {
    facilityId: F,
    signId: 'weight-loss',
    severity: 'soon',
    raisedAt: at('2026-11-12T00:00:00Z'),
    firstActionAt: null,
    closedAt: null,
  },
  // One minute before 1 November 00:00 WIB, and exactly at 1 December 00:00 WIB: both outside the period.
  {
    facilityId: F,
    signId: 'weight-loss',
    severity: 'soon',
    raisedAt: at('2026-10-31T16:59:00Z'),
    firstActionAt: null,
    closedAt: null,
  },
  {
    facilityId: F,
    signId: 'weight-loss',
    severity: 'soon',
    raisedAt: at('2026-11-30T17:00:00Z'),
    firstActionAt: null,
    closedAt: null,
  },
];

const input: FacilityReportInput = {
  period,
  now,
  mothers,
  massage,
  expression: [
    { motherId: 'm1', day: 1, ml: 10 },
    { motherId: 'm2', day: 1, ml: 20 },
    { motherId: 'm3', day: 1, ml: 30 },
    { motherId: 'm4', day: 1, ml: 5 },
    { motherId: 'm1', day: 2, ml: 12.5 },
    { motherId: 'other', day: 2, ml: 99 },
  ],
  weights: [
    { motherId: 'm1', babyId: 'b1', day: 3, grams: 2790, birthWeightG: 3000 },
    { motherId: 'm2', babyId: 'b2', day: 3, grams: 2944, birthWeightG: 3200 },
    { motherId: 'm1', babyId: 'b1', day: 14, grams: 3050, birthWeightG: 3000 },
  ],
  adequacy: [
    { motherId: 'm1', day: 3, result: 'adequate' },
    { motherId: 'm2', day: 3, result: 'not_adequate' },
    { motherId: 'm3', day: 3, result: 'adequate' },
    { motherId: 'm5', day: 3, result: 'adequate' },
    { motherId: 'other', day: 3, result: 'adequate' },
    { motherId: 'm3', day: 7, result: 'incomplete' },
    { motherId: 'm3', day: 5, result: 'adequate' },
  ],
  alerts,
  companions: [
    { facilityId: F, userId: 'c1', tookPostTest: true, competent: true },
    { facilityId: F, userId: 'c2', tookPostTest: true, competent: false },
    { facilityId: F, userId: 'c3', tookPostTest: false, competent: false },
    // Linked to two mothers: counted once.
    { facilityId: F, userId: 'c1', tookPostTest: true, competent: true },
  ],
};

const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

function assertNoNaN(value: unknown, path = 'report'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertNoNaN(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

describe('facility report', () => {
  const report = facilityReport(input);

  it('counts the cohort and the mothers without a delivery time', () => {
    assert.equal(report.mothersEnrolled, 5);
    assert.equal(report.withoutDelivery, 1);
  });

  it('counts protocol completion among mothers whose planned days are over', () => {
    assert.deepEqual(report.protocol, { withPlan: 4, finished: 3, completed: 1, share: 1 / 3 });
  });

  it('buckets adherence (done capped at planned per day) and gives its median and quartiles', () => {
    const a = report.adherence;
    assert.deepEqual([a.n, a.below50, a.from50to79, a.atLeast80], [3, 0, 2, 1]);
    // quantile(c(50, 100 * 10/14, 100)): median 71.4286, q1 = 50 + 0.5 * 21.4286, q3 = 71.4286 + 0.5 * 28.5714
    close(a.percent.median, 1000 / 14);
    close(a.percent.q1, 50 + 0.5 * (1000 / 14 - 50));
    close(a.percent.q3, 1000 / 14 + 0.5 * (100 - 1000 / 14));
  });

  it('gives the share adequate on days 3, 7 and 14 with n, only for the cohort with a delivery time', () => {
    assert.deepEqual(report.adequacy, [
      { day: 3, n: 3, adequate: 2, notAdequate: 1, incomplete: 0, share: 2 / 3 },
      { day: 7, n: 1, adequate: 0, notAdequate: 0, incomplete: 1, share: 0 },
      { day: 14, n: 0, adequate: 0, notAdequate: 0, incomplete: 0, share: null },
    ]);
  });

  it('gives expressed millilitres by day of life: median and IQR as R type 7', () => {
    assert.equal(report.expressedMlByDay.length, 14);
    // quantile(c(5, 10, 20, 30)) -> 8.75, 15, 22.5
    assert.deepEqual(report.expressedMlByDay[0], { day: 1, n: 4, median: 15, q1: 8.75, q3: 22.5 });
    assert.deepEqual(report.expressedMlByDay[1], { day: 2, n: 1, median: 12.5, q1: 12.5, q3: 12.5 });
    assert.deepEqual(report.expressedMlByDay[2], { day: 3, n: 0, median: null, q1: null, q3: null });
  });

  it('gives the change from birth weight in percent by day of life', () => {
    const day3 = report.weightChangeByDay[2];
    // -7% and -8%: median -7.5, q1 -7.75, q3 -7.25
    assert.equal(day3?.n, 2);
    close(day3?.median, -7.5);
    close(day3?.q1, -7.75);
    close(day3?.q3, -7.25);
    close(report.weightChangeByDay[13]?.median, (50 / 3000) * 100);
    assert.equal(report.weightChangeByDay[6]?.median, null);
  });

  it('counts alerts raised in the period (local dates, end exclusive), acted on and closed, hours to first action', () => {
    const a = report.alerts;
    assert.deepEqual([a.raised, a.acted, a.closed], [3, 2, 1]);
    assert.deepEqual(a.hoursToFirstAction, { n: 2, median: 4, q1: 3, q3: 5 });
    assert.deepEqual(a.bySign, [
      {
        signId: 'mother-fever',
        severity: 'immediate',
        raised: 2,
        acted: 2,
        closed: 1,
        hoursToFirstAction: { n: 2, median: 4, q1: 3, q3: 5 },
      },
      {
        signId: 'weight-loss',
        severity: 'soon',
        raised: 1,
        acted: 0,
        closed: 0,
        hoursToFirstAction: { n: 0, median: null, q1: null, q3: null },
      },
    ]);
  });

  it('counts each companion once: trained (post-test) and competent (skill check)', () => {
    assert.deepEqual(report.companions, { linked: 3, trained: 2, competent: 1 });
  });

  it('says exclusive breastfeeding is not recorded', () => {
    assert.deepEqual(report.exclusiveBreastfeeding, { recorded: false });
  });

  it('handles an empty period: zeros and nulls, never NaN', () => {
    const empty = facilityReport({
      period,
      now,
      mothers: [],
      massage: [],
      expression: [],
      weights: [],
      adequacy: [],
      alerts: [],
      companions: [],
    });
    assertNoNaN(empty);
    assert.equal(empty.mothersEnrolled, 0);
    assert.deepEqual(empty.protocol, { withPlan: 0, finished: 0, completed: 0, share: null });
    assert.equal(empty.adherence.percent.median, null);
    assert.equal(
      empty.adequacy.every((d) => d.n === 0 && d.share === null),
      true,
    );
    assert.equal(empty.alerts.hoursToFirstAction.median, null);
    assertNoNaN(report);
  });

  it('refuses a period that ends before it starts', () => {
    assert.throws(() => facilityReport({ ...input, period: { ...period, from: '2026-12-01' } }), RangeError);
  });
});
