import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, startTestServer, type TestServer } from './testing/test-server.ts';

describe('security headers and cross-site writes', () => {
  let server: TestServer;
  let behindProxy: TestServer;
  before(async () => {
    server = await startTestServer({ config: { publicUrl: 'https://lancar.puskesmas.example' } });
    behindProxy = await startTestServer({ demo: false, config: { trustProxy: true } });
  });
  after(async () => {
    await server.close();
    await behindProxy.close();
  });

  it('sends a Content-Security-Policy that allows no inline script', async () => {
    const response = await server.client().get('/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('sends HSTS only when the request came over HTTPS (through a trusted proxy)', async () => {
    assert.equal((await server.client().get('/api/health')).headers.get('strict-transport-security'), null);
    const https = await behindProxy.client().get('/api/health', { 'x-forwarded-proto': 'https' });
    assert.match(https.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    // Without trustProxy the header is not believed.
    const spoofed = await server.client().get('/api/health', { 'x-forwarded-proto': 'https' });
    assert.equal(spoofed.headers.get('strict-transport-security'), null);
  });

  it('refuses writes sent from another site, and accepts our own origins', async () => {
    const client = await server.loginAs(DEMO.facilityAdmin);
    const evil = await client.patch('/api/auth/me', { locale: 'en' }, { origin: 'https://evil.example' });
    assert.equal(evil.status, 403);
    assert.equal(evil.body.type, 'https://lancar.id/problems/cross-origin');
    const fetchMetadata = await client.patch('/api/auth/me', { locale: 'en' }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(fetchMetadata.status, 403);
    assert.equal((await client.patch('/api/auth/me', { locale: 'en' }, { origin: server.url })).status, 204);
    const viaPublicUrl = await client.patch(
      '/api/auth/me',
      { locale: 'id' },
      { origin: 'https://lancar.puskesmas.example' },
    );
    assert.equal(viaPublicUrl.status, 204);
    // A cross-site login attempt is refused too (login CSRF).
    const login = await server
      .client()
      .post('/api/auth/login', { login: DEMO.midwife, password: 'demo-lancar' }, { origin: 'https://evil.example' });
    assert.equal(login.status, 403);
  });

  it('never caches API answers', async () => {
    const client = await server.loginAs(DEMO.midwife);
    assert.equal((await client.get('/api/mothers')).headers.get('cache-control'), 'no-store');
  });
});
