import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { sql } from 'kysely';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

// Born 14-02-1998, a woman (14 + 40 = 54).
const NIK = '3301015402980001';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000).toISOString();

function enrolment(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    fullName: 'Dewi Lestari',
    village: 'Desa Sukamaju',
    dateOfBirth: '1998-02-14',
    deliveredAt: hoursAgo(30),
    deliveryMode: 'vaginal',
    parity: 'multipara',
    gestationalAgeWeeks: 39,
    consentCare: true,
    consentResearch: false,
    babies: [{ id: newId(), sex: 'male', birthWeightG: 3100 }],
    ...overrides,
  };
}

describe('enrolment checks', () => {
  let server: TestServer;
  let midwife: TestClient;
  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
  });
  after(() => server.close());

  async function counts(): Promise<string> {
    const r = await sql<{ c: string }>`
      SELECT (SELECT count(*) FROM mother) || '/' || (SELECT count(*) FROM baby) || '/' || (SELECT count(*) FROM user_account) AS c`.execute(
      server.database.db,
    );
    return r.rows[0]?.c ?? '';
  }

  async function refused(body: Record<string, unknown>, status: number, type: string, locale = 'id') {
    const before = await counts();
    const r = await midwife.request('POST', '/api/mothers', JSON.stringify(body), {
      'content-type': 'application/json',
      'accept-language': locale,
    });
    assert.equal(r.status, status, r.text);
    assert.equal(r.body.type, `https://lancar.id/problems/${type}`);
    assert.equal(await counts(), before, 'nothing saved');
    return r.body as { detail: string; errors?: { path: string; message: string }[]; candidates?: unknown[] };
  }

  it('refuses the issue’s bad input with messages in the caller’s language, saving nothing', async () => {
    const light = await refused(
      enrolment({ babies: [{ id: newId(), sex: 'male', birthWeightG: 300 }] }),
      400,
      'invalid-input',
    );
    assert.equal(light.errors?.[0]?.path, 'babies.0.birthWeightG');
    assert.match(light.errors?.[0]?.message ?? '', /antara 500 dan 6000 gram/);
    const heavy = await refused(
      enrolment({ babies: [{ id: newId(), sex: 'male', birthWeightG: 9000 }] }),
      400,
      'invalid-input',
    );
    assert.equal(heavy.errors?.[0]?.path, 'babies.0.birthWeightG');
    const shortNik = await refused(enrolment({ nik: '33010154029800' }), 400, 'invalid-input');
    assert.match(shortNik.errors?.[0]?.message ?? '', /16 angka/);
    const impossible = await refused(enrolment({ nik: '3301013513980001' }), 400, 'invalid-input', 'en');
    assert.deepEqual(
      impossible.errors?.map((e) => e.path),
      ['nik'],
    );
    assert.match(impossible.errors?.[0]?.message ?? '', /not a possible date/);
    const future = await refused(
      enrolment({ deliveredAt: new Date(Date.now() + 3 * 3600_000).toISOString() }),
      400,
      'invalid-input',
    );
    assert.deepEqual(
      future.errors?.map((e) => e.path),
      ['deliveredAt'],
    );
    assert.match(future.errors?.[0]?.message ?? '', /belum terjadi/);
    const futureEn = await refused(
      enrolment({ deliveredAt: new Date(Date.now() + 3 * 3600_000).toISOString() }),
      400,
      'invalid-input',
      'en',
    );
    assert.match(futureEn.errors?.[0]?.message ?? '', /in the future/);
    const weeks = await refused(enrolment({ gestationalAgeWeeks: 18 }), 400, 'invalid-input');
    assert.equal(weeks.errors?.[0]?.path, 'gestationalAgeWeeks');
    const child = await refused(enrolment({ dateOfBirth: '2022-01-01' }), 400, 'invalid-input');
    assert.deepEqual(
      child.errors?.map((e) => e.path),
      ['dateOfBirth'],
    );
  });

  it('accepts a NIK typed with spaces and stores its 16 digits', async () => {
    const body = enrolment({ fullName: 'Nik Spasi', nik: '3301 0154 0298 0001' });
    const created = await midwife.post('/api/mothers', body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.mother.nik, NIK);
  });

  it('never enrols the same NIK twice in a facility and offers the existing record', async () => {
    const again = await refused(
      enrolment({ fullName: 'Orang Lain', dateOfBirth: '1998-02-14', nik: NIK, confirmNotDuplicate: true }),
      409,
      'nik-exists',
    );
    assert.equal(again.candidates?.length, 1);
    const [first] = again.candidates as { fullName: string; match: string; village: string; deliveredAt: string }[];
    assert.equal(first?.fullName, 'Nik Spasi');
    assert.equal(first?.match, 'nik');
    assert.equal(first?.village, 'Desa Sukamaju');
    assert.ok(first?.deliveredAt);
    // Another facility may hold the same NIK (a mother moves): facilities do not see each other's records.
    const other = await server.loginAs(DEMO.otherFacilityMidwife);
    const elsewhere = await other.post('/api/mothers', enrolment({ nik: NIK }));
    assert.equal(elsewhere.status, 201, elsewhere.text);
  });

  it('asks to confirm a NIK whose date differs from the date of birth, or a man’s NIK, then keeps it', async () => {
    const body = enrolment({ fullName: 'Beda Tanggal', nik: '3301015402970002', dateOfBirth: '1998-02-14' });
    const warned = await refused(body, 422, 'nik-needs-confirmation');
    assert.match(warned.errors?.[0]?.message ?? '', /14-02-97/);
    const husband = await refused(
      enrolment({ fullName: 'NIK Suami', nik: '3301011402980003' }),
      422,
      'nik-needs-confirmation',
    );
    assert.match(husband.errors?.[0]?.message ?? '', /laki-laki/);
    const confirmed = await midwife.post('/api/mothers', { ...body, confirmNikWarnings: true });
    assert.equal(confirmed.status, 201, confirmed.text);
    assert.equal(confirmed.body.mother.nik, '3301015402970002');
  });

  it('lists a mother with the same name and date of birth, and enrols when the midwife says it is someone else', async () => {
    const first = await midwife.post('/api/mothers', enrolment({ fullName: 'Ani Rahayu', dateOfBirth: '1995-06-01' }));
    assert.equal(first.status, 201);
    const auditsBefore = await server.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('subject_id', '=', first.body.mother.id)
      .execute();
    const body = enrolment({ fullName: '  ani   RAHAYU ', dateOfBirth: '1995-06-01' });
    const dup = await refused(body, 409, 'possible-duplicate');
    assert.deepEqual(
      (dup.candidates as { id: string; match: string; dateOfBirth: string }[]).map((c) => [
        c.id,
        c.match,
        c.dateOfBirth,
      ]),
      [[first.body.mother.id, 'name-and-birth-date', '1995-06-01']],
    );
    // Showing the candidate is a read of her record, and is audited.
    const auditsAfter = await server.database.db
      .selectFrom('audit_event')
      .select(['id', 'action'])
      .where('subject_id', '=', first.body.mother.id)
      .execute();
    assert.equal(auditsAfter.length, auditsBefore.length + 1);
    // Same name, another birth date: not a candidate.
    assert.equal(
      (await midwife.post('/api/mothers', enrolment({ fullName: 'Ani Rahayu', dateOfBirth: '1996-06-01' }))).status,
      201,
    );
    const confirmed = await midwife.post('/api/mothers', { ...body, confirmNotDuplicate: true });
    assert.equal(confirmed.status, 201, confirmed.text);
  });

  it('sets a protocol start date from the delivery date up to 42 days later, and refuses one before delivery', async () => {
    const deliveredAt = '2026-11-20T10:00:00+07:00';
    const mother = await midwife.post('/api/mothers', enrolment({ fullName: 'Mulai Nanti', deliveredAt }));
    assert.equal(mother.status, 201, mother.text);
    const path = `/api/mothers/${mother.body.mother.id}/care-plans`;
    const plan = (startsOn: string | null | undefined) => ({
      id: newId(),
      protocolId: 'standard-3min-2x-day1-3',
      extendedToDay: null,
      ...(startsOn === undefined ? {} : { startsOn }),
    });
    const plansBefore = await server.database.db.selectFrom('care_plan').select('id').execute();
    const early = await midwife.post(path, plan('2026-11-19'));
    assert.equal(early.status, 400, early.text);
    assert.equal(early.body.errors[0].path, 'startsOn');
    assert.match(early.body.errors[0].message, /sebelum persalinan \(2026-11-20\)/);
    const late = await midwife.post(path, plan('2027-01-02'));
    assert.equal(late.status, 400);
    assert.equal((await server.database.db.selectFrom('care_plan').select('id').execute()).length, plansBefore.length);

    const ok = await midwife.post(path, plan('2026-11-22'));
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.startsOn, '2026-11-22');
    const read = await midwife.get(`/api/mothers/${mother.body.mother.id}`);
    assert.equal(read.body.carePlan.startsOn, '2026-11-22');
    // Without a start date the plan counts from delivery, as before.
    const plain = await midwife.post(path, plan(undefined));
    assert.equal(plain.status, 201);
    assert.equal(plain.body.startsOn, null);
  });
});
