import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('staff accounts', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('lets a facility admin add a midwife, who activates her own account', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const created = await admin.post('/api/staff', {
      displayName: 'Perawat Dina',
      username: 'Perawat.Dina',
      role: 'midwife',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.member.username, 'perawat.dina');
    assert.equal(created.body.member.status, 'pending');
    const phone = server.client();
    assert.equal(
      (await phone.post('/api/auth/activation', { code: created.body.activation.code, password: 'dina-perawat-1' }))
        .status,
      200,
    );
    assert.equal(
      (await server.client().post('/api/auth/login', { login: 'perawat.dina', password: 'dina-perawat-1' })).status,
      200,
    );
    const taken = await admin.post('/api/staff', {
      displayName: 'Another Dina',
      username: 'perawat.dina',
      role: 'cadre',
    });
    assert.equal(taken.status, 409);
    assert.match(taken.body.detail, /perawat\.dina/);
  });

  it('disables an account and ends its sessions, and enables it again', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const researcher = await server.loginAs(DEMO.researcher);
    const id = demoId('user:ayu');
    assert.equal((await admin.patch(`/api/staff/${id}`, { status: 'disabled' })).status, 200);
    assert.equal((await researcher.get('/api/auth/me')).status, 401);
    const login = await server.client().post('/api/auth/login', { login: DEMO.researcher, password: 'demo-lancar' });
    assert.equal(login.status, 403);
    assert.equal(login.body.type, 'https://lancar.id/problems/account-disabled');
    assert.equal((await admin.patch(`/api/staff/${id}`, { status: 'active' })).status, 200);
    assert.equal(
      (await server.client().post('/api/auth/login', { login: DEMO.researcher, password: 'demo-lancar' })).status,
      200,
    );
  });

  it('keeps each admin inside her facility; a system admin may act in any', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const harapan = demoId('facility:harapan');
    assert.equal((await admin.get(`/api/staff?facilityId=${harapan}`)).status, 403);
    assert.equal(
      (await admin.post('/api/staff', { displayName: 'X', username: 'x.x.x', role: 'midwife', facilityId: harapan }))
        .status,
      403,
    );
    const system = await server.loginAs(DEMO.systemAdmin);
    const list = await system.get(`/api/staff?facilityId=${harapan}`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.staff.map((s: { displayName: string }) => s.displayName),
      ['Bidan Lina Marlina'],
    );
  });
});
