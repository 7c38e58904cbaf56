import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoActivationCode } from '@lancar/db';
import { formatActivationCode } from '@lancar/domain';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

// Nur Hidayah's demo account is pending, with a known code.
const NUR_CODE = formatActivationCode(demoActivationCode('nur'));

describe('activation codes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('shows whose account a code opens, accepting the code however it was typed', async () => {
    const preview = await server
      .client()
      .post('/api/auth/activation/check', { code: NUR_CODE.toLowerCase().replace('-', ' ') });
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.body, {
      displayName: 'Nur Hidayah',
      role: 'mother',
      facilityName: '[DEMO] Puskesmas Sukamaju',
    });
  });

  it('refuses a weak password without using up the code', async () => {
    const weak = await server.client().post('/api/auth/activation', { code: NUR_CODE, password: '12345678' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.type, 'https://lancar.id/problems/weak-password');
    assert.equal((await server.client().post('/api/auth/activation/check', { code: NUR_CODE })).status, 200);
  });

  it('sets the password, logs in, and works once only', async () => {
    const phone = server.client();
    const activated = await phone.post('/api/auth/activation', { code: NUR_CODE, password: 'nur-asi-lancar' });
    assert.equal(activated.status, 200);
    assert.equal(activated.body.displayName, 'Nur Hidayah');
    assert.equal((await phone.get('/api/auth/me')).status, 200);
    const again = await server.client().post('/api/auth/activation', { code: NUR_CODE, password: 'someone-else-1' });
    assert.equal(again.status, 400);
    assert.equal(again.body.type, 'https://lancar.id/problems/activation-invalid');
    // Her phone number and new password now log in.
    assert.equal(
      (await server.client().post('/api/auth/login', { login: '0812 0000 0004', password: 'nur-asi-lancar' })).status,
      200,
    );
  });

  it('lets a midwife reset a forgotten password with a new code, which ends old sessions', async () => {
    const oldPhone = await server.loginAs(DEMO.companion);
    const midwife = await server.loginAs(DEMO.midwife);
    const me = await oldPhone.get('/api/auth/me');
    const issued = await midwife.post(`/api/users/${me.body.userId}/activation-code`);
    assert.equal(issued.status, 201);
    assert.match(issued.body.formatted, /^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    assert.match(issued.body.url, /\/aktivasi\?kode=/);
    assert.match(issued.body.qrSvg, /^<svg[^>]*>.*<\/svg>\s*$/s);
    const newPhone = server.client();
    assert.equal(
      (await newPhone.post('/api/auth/activation', { code: issued.body.code, password: 'budi-baru-2026' })).status,
      200,
    );
    assert.equal((await oldPhone.get('/api/auth/me')).status, 401, 'the lost phone is logged out');
  });

  it('retires an older unused code when a new one is issued', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const staff = await admin.get('/api/staff');
    const rina = staff.body.staff.find((s: { displayName: string }) => s.displayName === 'Bidan Rina Kartika');
    const first = await admin.post(`/api/users/${rina.id}/activation-code`);
    const second = await admin.post(`/api/users/${rina.id}/activation-code`);
    assert.equal((await server.client().post('/api/auth/activation/check', { code: first.body.code })).status, 400);
    assert.equal((await server.client().post('/api/auth/activation/check', { code: second.body.code })).status, 200);
  });

  it('refuses an expired code', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const me = await (await server.loginAs('081200000012')).get('/api/auth/me');
    const issued = await midwife.post(`/api/users/${me.body.userId}/activation-code`);
    server.clock.now = new Date(Date.now() + 15 * 24 * 3600 * 1000);
    try {
      assert.equal((await server.client().post('/api/auth/activation/check', { code: issued.body.code })).status, 400);
    } finally {
      server.clock.now = undefined;
    }
  });

  it('stops guessing: after ten wrong codes from one address even a right code waits', async () => {
    // Earlier tests in this file already spent some of this address's allowance.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await server.client().post('/api/auth/activation/check', { code: 'AAAA-AAAA' })).status);
    }
    assert.equal(statuses.at(-1), 429, statuses.join(','));
    assert.ok(statuses.every((s) => s === 400 || s === 429));
    const midwife = await server.loginAs(DEMO.midwife);
    const me = await (await server.loginAs('081200000013')).get('/api/auth/me');
    const valid = await midwife.post(`/api/users/${me.body.userId}/activation-code`);
    const locked = await server.client().post('/api/auth/activation/check', { code: valid.body.code });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });
});
