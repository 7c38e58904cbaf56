import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

const SITI = demoId('mother:siti');
const RAHMA = demoId('mother:rahma'); // RSUD Harapan Bunda

function enrolment(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    fullName: 'Wulan Sari',
    phone: '0812-7777-0001',
    village: 'Desa Sukamaju',
    dateOfBirth: '1998-02-14',
    deliveredAt: new Date(Date.now() - 20 * 3600 * 1000).toISOString(),
    deliveryMode: 'vaginal',
    parity: 'primipara',
    gestationalAgeWeeks: 39,
    consentCare: true,
    consentResearch: true,
    babies: [{ id: newId(), sex: 'female', birthWeightG: 3050 }],
    ...overrides,
  };
}

async function auditCount(server: TestServer, subjectId: string): Promise<number> {
  const rows = await server.database.db
    .selectFrom('audit_event')
    .select('id')
    .where('subject_id', '=', subjectId)
    .execute();
  return rows.length;
}

describe('mothers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('lets a midwife enrol a mother with her baby and get an activation code for her phone', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const body = enrolment();
    const created = await midwife.post('/api/mothers', body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.mother.fullName, 'Wulan Sari');
    assert.equal(created.body.mother.phone, '6281277770001');
    assert.equal(created.body.mother.dayPostpartum, 1);
    assert.equal(created.body.mother.accountStatus, 'pending');
    assert.match(created.body.mother.pseudonym, /^P-[0-9A-Z]{6}$/);
    assert.deepEqual(
      created.body.mother.babies.map((b: { birthWeightG: number }) => b.birthWeightG),
      [3050],
    );
    assert.ok(created.body.activation.code);
    // The code works on her phone.
    const phone = server.client();
    const activated = await phone.post('/api/auth/activation', {
      code: created.body.activation.code,
      password: 'wulan-asi-2026',
    });
    assert.equal(activated.status, 200);
    assert.deepEqual(activated.body.householdMotherIds, [body.id]);
    assert.equal((await phone.get(`/api/mothers/${body.id}`)).status, 200);
  });

  it('acknowledges the same enrolment sent twice, and refuses a different record under the same id', async () => {
    const midwife = await server.loginAs(DEMO.secondMidwife);
    const body = enrolment({ phone: undefined, fullName: 'Retry Test' });
    assert.equal((await midwife.post('/api/mothers', body)).status, 201);
    const retry = await midwife.post('/api/mothers', body);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.activation, null);
    const rows = await server.database.db.selectFrom('mother').select('id').where('id', '=', body.id).execute();
    assert.equal(rows.length, 1);
    const clash = await midwife.post('/api/mothers', { ...body, fullName: 'Someone Else' });
    assert.equal(clash.status, 409);
  });

  it('refuses bad enrolments with field messages and writes nothing', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const before = await server.database.db.selectFrom('mother').select('id').execute();
    const cases = [
      enrolment({ nik: '12345' }),
      enrolment({ consentCare: false }),
      enrolment({ babies: [] }),
      enrolment({ babies: [{ id: newId(), sex: 'female', birthWeightG: 12000 }] }),
      enrolment({ deliveredAt: 'yesterday' }),
      enrolment({ id: 'not-a-uuid' }),
      enrolment({ phone: 'call me maybe' }),
      enrolment({ unexpected: true }),
    ];
    for (const body of cases) {
      const response = await midwife.post('/api/mothers', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.ok(response.body.errors.length > 0 || response.body.detail);
    }
    const afterRows = await server.database.db.selectFrom('mother').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });

  it('stores names with SQL and HTML characters exactly as typed', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const name = `Ibu O'Brien <b>"x"</b>; DROP TABLE mother; --`;
    const created = await midwife.post('/api/mothers', enrolment({ fullName: name, phone: undefined }));
    assert.equal(created.status, 201);
    const read = await midwife.get(`/api/mothers/${created.body.mother.id}`);
    assert.equal(read.body.fullName, name);
  });

  it('shows a household only its own mother, and staff their facility’s caseload', async () => {
    const companion = await server.loginAs(DEMO.companion);
    const household = await companion.get('/api/mothers');
    assert.deepEqual(
      household.body.mothers.map((m: { id: string }) => m.id),
      [SITI],
    );
    const cadre = await server.loginAs(DEMO.cadre);
    assert.deepEqual(
      (await cadre.get('/api/mothers')).body.mothers.map((m: { fullName: string }) => m.fullName),
      ['Ani Rahmawati'],
    );
    const midwife = await server.loginAs(DEMO.midwife);
    const caseload = await midwife.get('/api/mothers');
    assert.ok(caseload.body.mothers.length >= 4);
    assert.ok(
      caseload.body.mothers.every((m: { id: string }) => m.id !== RAHMA),
      'no mother of another facility',
    );
  });

  it('audits every read of a mother’s record, with who and why', async () => {
    const beforeCount = await auditCount(server, SITI);
    const companion = await server.loginAs(DEMO.companion);
    const read = await companion.get(`/api/mothers/${SITI}`);
    assert.equal(read.status, 200);
    assert.deepEqual(
      read.body.companions.map((c: { displayName: string }) => c.displayName),
      ['Budi Santoso'],
    );
    assert.equal(await auditCount(server, SITI), beforeCount + 1);
    const last = await server.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('subject_id', '=', SITI)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(last.action, 'read');
    assert.equal(last.purpose, 'household');
    assert.equal(last.actor_role, 'companion');
  });

  it('refuses another household’s or another facility’s mother', async () => {
    const companion = await server.loginAs(DEMO.companion);
    assert.equal((await companion.get(`/api/mothers/${demoId('mother:dewi')}`)).status, 403);
    const midwife = await server.loginAs(DEMO.midwife);
    assert.equal((await midwife.get(`/api/mothers/${RAHMA}`)).status, 404, 'her facility does not hold this record');
    const researcher = await server.loginAs(DEMO.researcher);
    assert.equal((await researcher.get(`/api/mothers/${SITI}`)).status, 403);
  });

  it('links a new companion with a code, links an existing cadre without one, and refuses duplicates', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const dewi = demoId('mother:dewi');
    const added = await midwife.post(`/api/mothers/${dewi}/companions`, {
      displayName: 'Hendra',
      phone: '0812 7777 0099',
      relationship: 'husband',
    });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.body.companion.accountStatus, 'pending');
    assert.ok(added.body.activation.code);

    // Bu Wati already has a cadre account: she is linked as she is.
    await server.database.db
      .updateTable('user_account')
      .set({ phone: '6281277770055' })
      .where('id', '=', demoId('user:wati'))
      .execute();
    await server.database.db
      .insertInto('login_name')
      .values({
        name: 'tel:6281277770055',
        facility_id: demoId('facility:sukamaju'),
        user_id: demoId('user:wati'),
      })
      .execute();
    const cadre = await midwife.post(`/api/mothers/${dewi}/companions`, {
      displayName: 'Kader Wati',
      phone: '081277770055',
      relationship: 'cadre',
    });
    assert.equal(cadre.status, 201, cadre.text);
    assert.equal(cadre.body.activation, null);
    const again = await midwife.post(`/api/mothers/${dewi}/companions`, {
      displayName: 'Kader Wati',
      phone: '081277770055',
      relationship: 'cadre',
    });
    assert.equal(again.status, 409);
    // A midwife's own number cannot be made into a companion account.
    const staffPhone = await midwife.post(`/api/mothers/${dewi}/companions`, {
      displayName: 'Siti',
      phone: '081200000001',
      relationship: 'family',
    });
    assert.equal(staffPhone.status, 409);
  });
});
