import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('sessions: me, logout, log out other devices', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('ends this session on logout', async () => {
    const client = await server.loginAs(DEMO.companion);
    const cookie = client.cookie;
    assert.equal((await client.post('/api/auth/logout')).status, 204);
    assert.equal(client.cookie, undefined, 'the cookie is cleared');
    const reused = server.client();
    reused.cookie = cookie;
    assert.equal((await reused.get('/api/auth/me')).status, 401, 'the old cookie no longer works');
  });

  it('ends the other devices but keeps this one', async () => {
    const phone = await server.loginAs(DEMO.mother);
    const tablet = await server.loginAs(DEMO.mother);
    const listed = await phone.get('/api/auth/sessions');
    assert.ok(listed.body.sessions.length >= 2);
    assert.equal(listed.body.sessions.filter((s: { current: boolean }) => s.current).length, 1);
    const ended = await phone.post('/api/auth/logout-others');
    assert.equal(ended.status, 200);
    assert.ok(ended.body.ended >= 1);
    assert.equal((await phone.get('/api/auth/me')).status, 200);
    assert.equal((await tablet.get('/api/auth/me')).status, 401);
  });

  it('refuses a forged, tampered or expired cookie', async () => {
    const client = await server.loginAs(DEMO.midwife);
    const good = client.cookie ?? '';
    const tampered = server.client();
    tampered.cookie = `${good.slice(0, -3)}AAA`;
    assert.equal((await tampered.get('/api/auth/me')).status, 401);
    const junk = server.client();
    junk.cookie = "__Host-lancar=' OR 1=1 --";
    assert.equal((await junk.get('/api/auth/me')).status, 401);
    // Midwife sessions last 12 hours without use.
    server.clock.now = new Date(Date.now() + 13 * 3600 * 1000);
    try {
      assert.equal((await client.get('/api/auth/me')).status, 401);
    } finally {
      server.clock.now = undefined;
    }
  });

  it('renews the cookie as the session slides forward, so the browser keeps it as long as the server does', async () => {
    const client = await server.loginAs(DEMO.cadre);
    const first = await client.get('/api/auth/me');
    assert.equal(first.headers.get('set-cookie'), null, 'no renewal on every request');
    server.clock.now = new Date(Date.now() + 10 * 3600 * 1000);
    try {
      const later = await client.get('/api/auth/me');
      assert.equal(later.status, 200);
      const expires = /Expires=([^;]+)/.exec(later.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(expires, 'the cookie is sent again with a new expiry');
      assert.ok(Date.parse(expires) > Date.now() + 21 * 3600 * 1000, `renewed until ${expires}`);
    } finally {
      server.clock.now = undefined;
    }
  });

  it('saves the preferred language', async () => {
    const client = await server.loginAs(DEMO.facilityAdmin);
    assert.equal((await client.patch('/api/auth/me', { locale: 'en' })).status, 204);
    assert.equal((await client.get('/api/auth/me')).body.locale, 'en');
    assert.equal((await client.patch('/api/auth/me', { locale: 'fr' })).status, 400);
  });
});
