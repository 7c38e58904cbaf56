import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, demoId, nextSeq } from '@lancar/db';
import { newId } from '@lancar/domain';
import { loadFacilityReport } from '../../reports/load-report.ts';
import { FACILITY_CSV_HEADER } from '../../reports/report-csv.ts';
import { facilityReportDocument } from '../../reports/report-pdf.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

/**
 * Reports over a facility seeded in the real database: three mothers of Puskesmas Sukamaju enrolled in October
 * 2026 (the demo's own mothers are enrolled now, in another month), one of RSUD Harapan (another district), and a
 * second facility of Kabupaten Contoh with six mothers for the district view.
 *
 * Hand-computed expectations (standard protocol: 2 sessions a day on days 1-3):
 *   M1: 2 + 2 + 2 sessions -> completed, 100%;  M2: 1 session on day 1 -> 1/6 = 16.7%;  M3: none -> 0%
 *   adherence median 16.7%; buckets < 50%: 2, >= 80%: 1; completion 1 of 3
 *   expressed day 1: M1 10 mL, M2 30 mL (its 20 mL entry was voided) -> median 20, IQR 15-25
 *   checklist day 3: M1 adequate, M2 "not adequate" then a later "adequate" -> n 2, 100%
 *   weight day 3: M1 2790 g of 3000 g -> -7.0%
 *   one alert, acknowledged after 3 hours and closed after 5 -> median 3 hours to first action
 *   one companion of M1 with a complete post-test and a passed skill check -> trained 1, competent 1
 */
const A = demoId('facility:sukamaju');
const B = demoId('facility:harapan');
const SARI = demoId('user:sari');
const OCTOBER = 'from=2026-10-01&to=2026-10-31';
const delivered = new Date('2026-10-10T01:00:00Z');
const hoursAfter = (h: number) => new Date(delivered.getTime() + h * 3_600_000);

let pseudonymCounter = 0;

async function addMother(db: Database['db'], facilityId: string, name: string) {
  const id = newId();
  const babyId = newId();
  await db
    .insertInto('mother')
    .values({
      facility_id: facilityId,
      id,
      pseudonym: `P-R${String(pseudonymCounter++).padStart(5, '0')}`,
      full_name: name,
      delivered_at: delivered,
      consent_care: true,
      created_at: new Date('2026-10-10T03:00:00Z'),
    })
    .execute();
  await db
    .insertInto('baby')
    .values({ facility_id: facilityId, id: babyId, mother_id: id, sex: 'female', birth_weight_g: 3000 })
    .execute();
  await db
    .insertInto('care_plan')
    .values({
      facility_id: facilityId,
      id: newId(),
      mother_id: id,
      protocol_id: 'standard-3min-2x-day1-3',
      extended_to_day: null,
      assigned_at: delivered,
      seq: await nextSeq(db, facilityId),
    })
    .execute();
  return { id, babyId };
}

async function addEntry(
  db: Database['db'],
  facilityId: string,
  mother: { id: string; babyId: string },
  kind: string,
  hours: number,
  data: Record<string, unknown>,
  supersedes: string | null = null,
) {
  const id = newId();
  await db
    .insertInto('household_entry')
    .values({
      facility_id: facilityId,
      id,
      mother_id: mother.id,
      baby_id: ['feed', 'nappy', 'weight'].includes(kind) ? mother.babyId : null,
      kind,
      occurred_at: hoursAfter(hours),
      tz_offset_min: 420,
      recorded_by: SARI,
      recorded_at: hoursAfter(hours),
      supersedes,
      data: JSON.stringify(data),
      schema_version: 1,
      seq: await nextSeq(db, facilityId),
    })
    .execute();
  return id;
}

const massage = { outcome: 'completed', protocolId: 'standard-3min-2x-day1-3' };

describe('facility and district reports', () => {
  let server: TestServer;
  let midwife: TestClient;

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    const db = server.database.db;
    const m1 = await addMother(db, A, 'Ibu Laporan Satu');
    const m2 = await addMother(db, A, 'Ibu Laporan Dua');
    await addMother(db, A, 'Ibu Laporan Tiga');
    await addMother(db, B, 'Ibu Lain Fasilitas');
    for (const h of [2, 10, 26, 34, 50, 58]) await addEntry(db, A, m1, 'massage_session', h, massage);
    await addEntry(db, A, m2, 'massage_session', 3, massage);
    // A safety stop is not a massage.
    await addEntry(db, A, m2, 'massage_session', 27, { ...massage, outcome: 'stopped_safety' });
    await addEntry(db, A, m1, 'expression', 5, { leftMl: 4, rightMl: 6 });
    const wrong = await addEntry(db, A, m2, 'expression', 5, { leftMl: 10, rightMl: 10 });
    await addEntry(db, A, m2, 'void', 6, { reason: 'salah catat' }, wrong);
    await addEntry(db, A, m2, 'expression', 7, { leftMl: 15, rightMl: 15 });
    await addEntry(db, A, m1, 'weight', 60, { grams: 2790 });
    const check = (result: string) => ({ dayOfLife: 3, answers: {}, result, contentVersion: 1 });
    await addEntry(db, A, m1, 'adequacy_check', 70, check('adequate'));
    await addEntry(db, A, m2, 'adequacy_check', 65, check('not_adequate'));
    await addEntry(db, A, m2, 'adequacy_check', 71, check('adequate'));

    const alertId = newId();
    await db
      .insertInto('alert')
      .values({
        facility_id: A,
        id: alertId,
        mother_id: m1.id,
        sign_id: 'mother-fever',
        severity: 'immediate',
        entry_id: null,
        raised_at: hoursAfter(20),
        seq: await nextSeq(db, A),
      })
      .execute();
    for (const [kind, h] of [
      ['acknowledged', 23],
      ['closed', 25],
    ] as const) {
      await db
        .insertInto('alert_action')
        .values({
          facility_id: A,
          id: newId(),
          alert_id: alertId,
          mother_id: m1.id,
          kind,
          acted_by: SARI,
          acted_at: hoursAfter(h),
        })
        .execute();
    }

    const companion = newId();
    await db
      .insertInto('user_account')
      .values({ facility_id: A, id: companion, role: 'companion', display_name: 'Suami Laporan', status: 'pending' })
      .execute();
    await db
      .insertInto('companion_link')
      .values({ facility_id: A, id: newId(), mother_id: m1.id, user_id: companion, relationship: 'husband' })
      .execute();
    await db
      .insertInto('quiz_attempt')
      .values({
        facility_id: A,
        id: newId(),
        user_id: companion,
        phase: 'post',
        item_bank_version: 1,
        answers: JSON.stringify({}),
        correct: 16,
        answered: 18,
        total: 18,
        score: 89,
        complete: true,
        source: 'phone',
        taken_at: hoursAfter(30),
        recorded_by: companion,
      })
      .execute();
    await db
      .insertInto('skill_check')
      .values({
        facility_id: A,
        id: newId(),
        user_id: companion,
        observed_by: SARI,
        observed_at: hoursAfter(40),
        checklist_version: 1,
        results: JSON.stringify({}),
        passed: true,
      })
      .execute();

    // A second facility of the same district, with six mothers.
    const uji = newId();
    await db
      .insertInto('facility')
      .values({
        id: uji,
        name: 'Puskesmas Uji',
        kind: 'puskesmas',
        district: 'Kabupaten Contoh',
        province: 'Jawa Tengah',
      })
      .execute();
    for (let i = 0; i < 6; i++) await addMother(db, uji, `Ibu Uji ${i}`);
  });
  after(() => server.close());

  it('gives the midwife her facility report with hand-computed figures', async () => {
    const response = await midwife.get(`/api/reports/facility?${OCTOBER}`);
    assert.equal(response.status, 200, response.text);
    const r = response.body;
    assert.equal(r.mothersEnrolled, 3);
    assert.deepEqual(r.protocol, { withPlan: 3, finished: 3, completed: 1, share: 1 / 3 });
    assert.deepEqual([r.adherence.n, r.adherence.below50, r.adherence.from50to79, r.adherence.atLeast80], [3, 2, 0, 1]);
    assert.ok(Math.abs(r.adherence.percent.median - 100 / 6) < 1e-9);
    assert.deepEqual(r.expressedMlByDay[0], { day: 1, n: 2, median: 20, q1: 15, q3: 25 });
    assert.deepEqual(r.adequacy[0], { day: 3, n: 2, adequate: 2, notAdequate: 0, incomplete: 0, share: 1 });
    assert.deepEqual(r.weightChangeByDay[2], { day: 3, n: 1, median: -7, q1: -7, q3: -7 });
    assert.equal(r.alerts.raised, 1);
    assert.equal(r.alerts.closed, 1);
    assert.equal(r.alerts.hoursToFirstAction.median, 3);
    assert.deepEqual(r.companions, { linked: 1, trained: 1, competent: 1 });
    assert.deepEqual(r.exclusiveBreastfeeding, { recorded: false });
    assert.equal(JSON.stringify(r).includes('Ibu Laporan'), false, 'no names in a report');
  });

  it('answers an empty period with zeros and nulls', async () => {
    const response = await midwife.get('/api/reports/facility?from=2025-01-01&to=2025-01-31');
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.mothersEnrolled, 0);
    assert.equal(response.body.adherence.percent.median, null);
    assert.equal(response.body.protocol.share, null);
  });

  it('refuses a period that ends before it starts, or is longer than a year', async () => {
    const backwards = await midwife.get('/api/reports/facility?from=2026-10-31&to=2026-10-01');
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.type, 'https://lancar.id/problems/invalid-input');
    assert.equal((await midwife.get('/api/reports/facility?from=2024-01-01&to=2026-10-01')).status, 400);
    assert.equal((await midwife.get('/api/reports/facility?from=2026-10-01')).status, 400);
  });

  it('downloads a PDF and a CSV, each written to the audit log', async () => {
    const pdf = await midwife.get(`/api/reports/facility.pdf?${OCTOBER}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok(pdf.text.startsWith('%PDF'));
    const csv = await midwife.get(`/api/reports/facility.csv?${OCTOBER}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const [header] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(header, FACILITY_CSV_HEADER.join(','));
    assert.ok(csv.text.includes('expressed_ml,median,1,2,20,15,25,'));
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select(['detail'])
      .where('facility_id', '=', A)
      .where('subject_type', '=', 'facility_report')
      .where('action', '=', 'export')
      .execute();
    assert.deepEqual(audit.map((a) => (a.detail as { format: string }).format).sort(), ['csv', 'pdf']);
  });

  it('writes numbers with a decimal comma in Indonesian and a point in English', async () => {
    const report = await loadFacilityReport(
      server.database.db,
      A,
      { from: '2026-10-01', to: '2026-10-31' },
      new Date(),
    );
    const id = JSON.stringify(facilityReportDocument(report, 'id').content);
    const en = JSON.stringify(facilityReportDocument(report, 'en').content);
    assert.ok(id.includes('-7,0'), 'Indonesian -7,0');
    assert.ok(en.includes('-7.0'), 'English -7.0');
    assert.ok(id.includes('<svg'), 'charts are embedded');
  });

  it('refuses researchers, companions, mothers and cadres', async () => {
    for (const login of [DEMO.researcher, DEMO.companion, DEMO.mother, DEMO.cadre]) {
      const client = await server.loginAs(login);
      assert.equal((await client.get(`/api/reports/facility?${OCTOBER}`)).status, 403, login);
      assert.equal((await client.get(`/api/reports/facility.pdf?${OCTOBER}`)).status, 403, login);
    }
  });

  it('gives the system admin the district view without names, small cells shown as "<5"', async () => {
    const admin = await server.loginAs(DEMO.systemAdmin);
    const response = await admin.get(`/api/reports/district?district=Kabupaten%20Contoh&${OCTOBER}`);
    assert.equal(response.status, 200, response.text);
    const r = response.body;
    const row = (name: string) => r.facilities.find((f: { facilityName: string }) => f.facilityName === name);
    assert.equal(r.facilities.length, 2);
    assert.equal(row('[DEMO] Puskesmas Sukamaju').mothersEnrolled, '<5');
    assert.equal(row('[DEMO] Puskesmas Sukamaju').protocolCompletedShare, '<5');
    assert.equal(row('Puskesmas Uji').mothersEnrolled, 6);
    assert.equal(row('Puskesmas Uji').facilityId.length, 36);
    assert.equal(r.total.mothersEnrolled, 9);
    const text = JSON.stringify(r);
    for (const forbidden of ['Ibu Laporan', 'Ibu Uji', 'Siti', 'Suami Laporan', 'Ibu Lain']) {
      assert.equal(text.includes(forbidden), false, forbidden);
    }
    const csv = await admin.get(`/api/reports/district.csv?district=Kabupaten%20Contoh&${OCTOBER}`);
    assert.equal(csv.status, 200);
    assert.ok(csv.text.includes('[DEMO] Puskesmas Sukamaju,<5,'));
    assert.ok(csv.text.includes('Total: Kabupaten Contoh,9,'));
    assert.equal((await admin.get(`/api/reports/district?district=Tidak%20Ada&${OCTOBER}`)).status, 404);
  });

  it('refuses the district view to a midwife and a facility admin', async () => {
    assert.equal((await midwife.get(`/api/reports/district?district=Kabupaten%20Contoh&${OCTOBER}`)).status, 403);
    const admin = await server.loginAs(DEMO.facilityAdmin);
    assert.equal((await admin.get(`/api/reports/district?district=Kabupaten%20Contoh&${OCTOBER}`)).status, 403);
    assert.equal((await admin.get(`/api/reports/facility?${OCTOBER}`)).status, 200);
  });
});
