import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('GET /api/research/records', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('gives a researcher pseudonymised records of consenting mothers only', async () => {
    const researcher = await server.loginAs(DEMO.researcher);
    const response = await researcher.get('/api/research/records');
    assert.equal(response.status, 200);
    assert.equal(response.body.records.length, 3, 'Ani did not consent');
    const text = response.text;
    for (const identifying of ['Siti', 'Aminah', '6281200000001', '1999-04-12', 'Sukamaju']) {
      assert.ok(!text.includes(identifying), `the response must not contain ${identifying}`);
    }
    const audit = await server.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('subject_type', '=', 'research_records')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.purpose, 'research');
  });

  it('is closed to midwives and households', async () => {
    for (const login of [DEMO.midwife, DEMO.mother, DEMO.companion]) {
      assert.equal((await (await server.loginAs(login)).get('/api/research/records')).status, 403, login);
    }
  });
});
