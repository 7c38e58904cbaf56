import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('facilities', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('gives everyone their own facility with the number to call', async () => {
    const companion = await server.loginAs(DEMO.companion);
    const facility = await companion.get('/api/facility');
    assert.equal(facility.status, 200);
    assert.equal(facility.body.phone, '6281200000100');
    assert.equal(facility.body.isDemo, true);
  });

  it('lets a system admin register a facility, once per id', async () => {
    const system = await server.loginAs(DEMO.systemAdmin);
    const body = {
      id: newId(),
      name: 'Puskesmas Baru',
      kind: 'puskesmas',
      district: 'Kab. Baru',
      province: 'Jawa Barat',
      phone: '022-123-4567',
    };
    const created = await system.post('/api/facilities', body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.phone, '6222123' + '4567');
    assert.equal(created.body.isDemo, false);
    assert.equal((await system.post('/api/facilities', body)).status, 200, 'a retry is acknowledged');
    assert.equal((await system.post('/api/facilities', { ...body, name: 'Other' })).status, 409);
    const list = await system.get('/api/facilities');
    assert.equal(list.body.facilities.length, 3);
  });

  it('refuses facility registration and the full list to everyone else', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    assert.equal((await admin.get('/api/facilities')).status, 403);
    const body = { id: newId(), name: 'X', kind: 'clinic', district: 'D', province: 'P' };
    assert.equal((await admin.post('/api/facilities', body)).status, 403);
  });
});
