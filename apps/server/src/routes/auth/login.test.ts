import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('POST /api/auth/login', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('logs in with a username and sets a __Host- session cookie', async () => {
    const client = server.client();
    const response = await client.post('/api/auth/login', { login: 'Bidan.Sari', password: 'demo-lancar' });
    assert.equal(response.status, 200);
    assert.equal(response.body.role, 'midwife');
    assert.equal(response.body.facility.name, '[DEMO] Puskesmas Sukamaju');
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-lancar=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    assert.equal((await client.get('/api/auth/me')).body.displayName, 'Bidan Sari Wulandari');
  });

  it('logs in with a phone number however it is written', async () => {
    for (const login of ['0812-0000-0001', '+62 812 0000 0001', '6281200000001']) {
      const response = await server.client().post('/api/auth/login', { login, password: 'demo-lancar' });
      assert.equal(response.status, 200, login);
      assert.equal(response.body.role, 'mother');
      assert.equal(response.body.householdMotherIds.length, 1);
    }
  });

  it('answers a wrong password and an unknown account with the same generic message', async () => {
    const wrong = await server.client().post('/api/auth/login', { login: DEMO.cadre, password: 'not-her-password' });
    const unknown = await server.client().post('/api/auth/login', { login: 'bidan.nobody', password: 'whatever1' });
    for (const response of [wrong, unknown]) {
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(response.body.type, 'https://lancar.id/problems/login-failed');
      assert.equal(response.headers.get('set-cookie'), null);
    }
    assert.deepEqual(wrong.body.detail, unknown.body.detail);
  });

  it('does not let a pending account (no password yet) log in', async () => {
    const response = await server.client().post('/api/auth/login', { login: '081200000004', password: '' });
    assert.equal(response.status, 400, 'an empty password is invalid input');
    const guess = await server.client().post('/api/auth/login', { login: '081200000004', password: 'guess-1234' });
    assert.equal(guess.status, 401);
  });

  it('locks a login name after five failures, for everyone, with the time to try again', async () => {
    const login = DEMO.secondMidwife;
    for (let i = 0; i < 4; i++) {
      assert.equal((await server.client().post('/api/auth/login', { login, password: `wrong-${i}-pass` })).status, 401);
    }
    const fifth = await server.client().post('/api/auth/login', { login, password: 'wrong-5-pass' });
    assert.equal(fifth.status, 429);
    assert.equal(fifth.body.type, 'https://lancar.id/problems/login-locked');
    assert.ok(Date.parse(fifth.body.retryAt) > Date.now() + 14 * 60 * 1000);
    assert.ok(Number(fifth.headers.get('retry-after')) > 800);
    // Even the right password is refused while locked.
    const right = await server.client().post('/api/auth/login', { login, password: 'demo-lancar' });
    assert.equal(right.status, 429);
    // After the lock the right password works again.
    server.clock.now = new Date(Date.now() + 16 * 60 * 1000);
    try {
      assert.equal((await server.client().post('/api/auth/login', { login, password: 'demo-lancar' })).status, 200);
    } finally {
      server.clock.now = undefined;
    }
  });

  it('locks names that have no account the same way, so lockout does not reveal which exist', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = (await server.client().post('/api/auth/login', { login: '081299999999', password: `guess-${i}-x` }))
        .status;
    }
    assert.equal(last, 429);
  });

  it('answers in English when the browser asks for it', async () => {
    const response = await server
      .client()
      .post('/api/auth/login', { login: 'bidan.sari', password: 'nope-nope' }, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(response.body.title, 'Login failed');
  });
});
