import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('GET /api/audit-events', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('shows a facility admin who read a mother’s record, newest first, in pages', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    await midwife.get(`/api/mothers/${demoId('mother:siti')}`);
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const page = await admin.get(`/api/audit-events?subjectId=${demoId('mother:siti')}&limit=1`);
    assert.equal(page.status, 200);
    assert.equal(page.body.events.length, 1);
    assert.equal(page.body.events[0].actorName, 'Bidan Sari Wulandari');
    assert.equal(page.body.events[0].action, 'read');
    assert.equal(page.body.events[0].purpose, 'care');
    assert.ok(page.body.nextBefore);
    const next = await admin.get(
      `/api/audit-events?subjectId=${demoId('mother:siti')}&limit=1&before=${page.body.nextBefore}`,
    );
    assert.equal(next.body.events.length, 1);
    assert.notEqual(next.body.events[0].id, page.body.events[0].id);
  });

  it('keeps other facilities’ logs closed to a facility admin', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    assert.equal((await admin.get(`/api/audit-events?facilityId=${demoId('facility:harapan')}`)).status, 403);
    assert.equal((await admin.get('/api/audit-events?limit=500')).status, 400);
  });
});
