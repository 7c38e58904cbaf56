import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

/**
 * Guessing from one client: many login names with a common password (credential stuffing), and activation codes.
 * Besides the five-failure lock per login name (login.test.ts), a client address is locked after 30 failed logins
 * across any names and after 10 wrong activation codes; other clients are not affected. Behind a trusted proxy, so
 * the test can speak from several addresses.
 */
describe('brute force from one client', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { trustProxy: true } });
  });
  after(() => server.close());

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const login = (address: string, name: string, password: string) =>
    server.client().post('/api/auth/login', { login: name, password }, from(address));

  it('locks an address that tries many names, whatever it interleaves, and no other address', async () => {
    const attacker = '198.51.100.23';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(attacker, `warga.${i}`, 'Rahasia2026!')).status);
    // A login that works (the attacker's own account) does not wipe the count of failures from the address.
    assert.equal((await login(attacker, DEMO.cadre, 'demo-lancar')).status, 200);
    for (let i = 20; i < 30; i++) statuses.push((await login(attacker, `warga.${i}`, 'Rahasia2026!')).status);
    assert.deepEqual(statuses.slice(0, 29), Array(29).fill(401), 'each name failed once: no name is locked');
    assert.equal(statuses[29], 429, 'the 30th failure from the address locks it');

    const locked = await login(attacker, DEMO.midwife, 'demo-lancar');
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.equal(locked.body.type, 'https://lancar.id/problems/login-locked');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    // Another client, and the names the attacker tried, are not locked.
    assert.equal((await login('198.51.100.24', DEMO.midwife, 'demo-lancar')).status, 200);
    assert.equal((await login('198.51.100.24', 'warga.3', 'Rahasia2026!')).status, 401);
  });

  it('counts wrong activation codes from both activation routes together, per client', async () => {
    const attacker = '198.51.100.77';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const check = await server.client().post('/api/auth/activation/check', { code: 'AAAA-AAA3' }, from(attacker));
      const activate = await server
        .client()
        .post('/api/auth/activation', { code: 'AAAA-AAA4', password: 'kata-sandi-baru-1' }, from(attacker));
      statuses.push(check.status, activate.status);
    }
    assert.deepEqual(
      statuses,
      [...Array(9).fill(400), 429],
      'ten wrong codes, five on each route: the tenth is told the address is now locked',
    );

    const midwife = await server.loginAs(DEMO.midwife);
    const me = await (await server.loginAs('081200000012')).get('/api/auth/me');
    const issued = await midwife.post(`/api/users/${me.body.userId}/activation-code`);
    assert.equal(issued.status, 201, issued.text);
    const code = { code: issued.body.code };
    // After ten wrong codes even a right one waits.
    assert.equal((await server.client().post('/api/auth/activation/check', code, from(attacker))).status, 429);
    assert.equal((await server.client().post('/api/auth/activation/check', code, from('198.51.100.78'))).status, 200);
  });

  it('counts a whole IPv6 /64 as one client, which could otherwise pick a fresh address for every guess', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const address = `2001:db8:aa:bb:${i.toString(16)}:${((i * 7919) % 0xffff).toString(16)}::${i}`;
      statuses.push(
        (await server.client().post('/api/auth/activation/check', { code: 'CCCC-CCC3' }, from(address))).status,
      );
    }
    assert.deepEqual(
      statuses,
      [...Array(9).fill(400), 429],
      'ten wrong codes from ten addresses of one network: the tenth locks the network',
    );
    const sameNetwork = await server
      .client()
      .post('/api/auth/activation/check', { code: 'CCCC-CCC4' }, from('2001:db8:aa:bb::dead:beef'));
    assert.equal(sameNetwork.status, 429);
    const nextNetwork = await server
      .client()
      .post('/api/auth/activation/check', { code: 'CCCC-CCC4' }, from('2001:db8:aa:bc::1'));
    assert.equal(nextNetwork.status, 400);
  });
});
