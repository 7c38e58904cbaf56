import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('GET /api/health', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ demo: false });
  });
  after(() => server.close());

  it('answers without a session and names the database kind', async () => {
    const response = await server.client().get('/api/health');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
    assert.equal(response.body.database, process.env.DATABASE_URL ? 'postgres' : 'pglite');
    assert.match(response.body.version, /^\d+\.\d+\.\d+/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });
});
