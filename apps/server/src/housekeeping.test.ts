import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId, recordFailure } from '@lancar/db';
import { tidyUp } from './housekeeping.ts';
import { DEMO, startTestServer, type TestServer } from './testing/test-server.ts';

describe('housekeeping', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('removes sessions and failure counters a day after they stopped mattering, and keeps live ones', async () => {
    const live = await server.loginAs(DEMO.companion); // household sessions last 30 days
    const ended = await server.loginAs(DEMO.secondMidwife);
    await ended.post('/api/auth/logout');
    const now = new Date();
    await recordFailure(server.database.db, 'login:old-name', new Date(now.getTime() - 3 * 24 * 3600 * 1000), {
      maxFailures: 5,
      windowMs: 60_000,
      lockMs: 60_000,
    });
    await recordFailure(server.database.db, 'login:fresh-name', now, {
      maxFailures: 5,
      windowMs: 60_000,
      lockMs: 60_000,
    });

    // Nothing has been over for a day yet.
    assert.deepEqual(await tidyUp(server.database, now), { sessions: 0, throttles: 1 });
    const twoDaysLater = new Date(now.getTime() + 2 * 24 * 3600 * 1000);
    const removed = await tidyUp(server.database, twoDaysLater);
    assert.equal(removed.sessions, 1, 'the logged-out session goes');
    const rina = await server.database.db
      .selectFrom('auth_session')
      .select('id')
      .where('user_id', '=', demoId('user:rina'))
      .execute();
    assert.deepEqual(rina, []);
    const keys = (await server.database.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    assert.ok(!keys.includes('login:old-name'));
    assert.equal((await live.get('/api/auth/me')).status, 200, 'a session that is still live stays');
  });
});
