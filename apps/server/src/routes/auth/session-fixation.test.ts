import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { sql } from 'kysely';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

/**
 * Session fixation: whatever session cookie a browser carries when someone logs in (one an attacker planted, or a
 * real session of the person who used the phone before), the session after login is a new one, and the one it came
 * with no longer works. Logging out ends the session on the server, not only in the browser.
 */
describe('session fixation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const tokenOf = (cookie: string | undefined) => cookie?.split('=')[1] ?? '';
  const withCookie = (cookie: string | undefined): TestClient => {
    const client = server.client();
    client.cookie = cookie;
    return client;
  };

  it('never keeps a cookie planted before login, well-formed or not', async () => {
    const sukamaju = demoId('facility:sukamaju');
    for (const planted of [
      `${sukamaju}.${newId()}.${randomBytes(32).toString('base64url')}`,
      'attacker-chosen-value',
      `${sukamaju}.${newId()}.`,
    ]) {
      const browser = withCookie(`__Host-lancar=${planted}`);
      const login = await browser.post('/api/auth/login', { login: DEMO.midwife, password: 'demo-lancar' });
      assert.equal(login.status, 200, login.text);
      assert.ok(browser.cookie, 'a session cookie is set');
      assert.notEqual(tokenOf(browser.cookie), planted);
      assert.equal((await browser.get('/api/auth/me')).body.role, 'midwife');
      assert.equal((await withCookie(`__Host-lancar=${planted}`).get('/api/auth/me')).status, 401);
    }
  });

  it('replaces the session of the person who used the phone before, and ends it on the server', async () => {
    const phone = await server.loginAs(DEMO.companion);
    const before = phone.cookie;
    const login = await phone.post('/api/auth/login', { login: DEMO.mother, password: 'demo-lancar' });
    assert.equal(login.status, 200, login.text);
    assert.notEqual(phone.cookie, before, 'a fresh token');
    assert.equal((await phone.get('/api/auth/me')).body.role, 'mother');
    const old = withCookie(before);
    assert.equal((await old.get('/api/auth/me')).status, 401, 'the companion’s session ended with the new login');
    assert.equal(
      (await old.post('/api/sync/push', { deviceId: 'x', mutations: [{ mutationId: newId() }] })).status,
      401,
    );
  });

  it('issues a new token on every login, even for the same person on the same browser', async () => {
    const browser = await server.loginAs(DEMO.cadre);
    const tokens = new Set([tokenOf(browser.cookie)]);
    for (let i = 0; i < 2; i++) {
      assert.equal((await browser.post('/api/auth/login', { login: DEMO.cadre, password: 'demo-lancar' })).status, 200);
      tokens.add(tokenOf(browser.cookie));
    }
    assert.equal(tokens.size, 3);
    const ids = [...tokens].map((token) => token.split('.')[1]);
    assert.equal(new Set(ids).size, 3, 'three sessions, not one renamed');
  });

  it('ends the session on the server at logout: the old cookie is refused for reads and writes', async () => {
    const browser = await server.loginAs(DEMO.facilityAdmin);
    const cookie = browser.cookie;
    const sessionId = tokenOf(cookie).split('.')[1] ?? '';
    assert.equal((await browser.post('/api/auth/logout')).status, 204);
    const stolen = withCookie(cookie);
    assert.equal((await stolen.get('/api/auth/me')).status, 401);
    assert.equal((await stolen.patch('/api/auth/me', { locale: 'en' })).status, 401);
    const row = await sql<{ revoked: boolean }>`
      SELECT revoked_at IS NOT NULL AS revoked FROM auth_session WHERE id = ${sessionId}`.execute(server.database.db);
    assert.equal(row.rows[0]?.revoked, true, 'revoked in the database, not only cleared in the browser');
  });
});
