import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './testing/test-server.ts';

describe('serving the built web app', () => {
  let server: TestServer;
  const dist = mkdtempSync(join(tmpdir(), 'lancar-dist-'));
  before(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Lancar</title><div id="app"></div>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dist, 'assets', 'index-4f2a9c1b.js'), 'console.log(1)');
    server = await startTestServer({ demo: false, webDist: dist });
  });
  after(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('lets phones keep hashed assets for a year, and revalidate everything else', async () => {
    const asset = await server.client().get('/assets/index-4f2a9c1b.js');
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const path of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      const response = await server.client().get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    }
  });

  it('answers page navigations with the app shell, so deep links work', async () => {
    for (const path of ['/', '/bidan/ibu/123', '/aktivasi?kode=ABCD-EFGH']) {
      const response = await server.client().get(path, html);
      assert.equal(response.status, 200, path);
      assert.match(response.text, /<title>Lancar<\/title>/);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    }
  });

  it('does not serve files outside the app, whatever the path', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const response = await server.client().get(path, html);
      assert.ok(!response.text.includes('root:'), path);
      assert.ok(!response.text.includes('"workspaces"'), path);
    }
  });

  it('does not serve files outside the app with encoded backslashes, NUL bytes or very long paths', async () => {
    for (const path of [
      '/..%5c..%5c..%5cpackage.json',
      '/assets/..%5c..%5c..%5cpackage.json',
      '/%5c..%5c..%5cetc%5cpasswd',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      '/..%255c..%255cpackage.json',
      '/%00/../package.json',
      '/index.html%00.js',
      '/assets/index-4f2a9c1b.js%00',
      '/..;/..;/package.json',
      `/${'a/'.repeat(4000)}package.json`,
      `/assets/${'x'.repeat(8000)}.js`,
    ]) {
      for (const headers of [html, {}]) {
        const response = await server.client().get(path, headers);
        const label = `${path.slice(0, 60)} ${JSON.stringify(headers)}: ${response.status}`;
        assert.ok(response.status < 500, label);
        assert.ok(!response.text.includes('root:'), label);
        assert.ok(!response.text.includes('"workspaces"'), label);
        assert.ok(!response.text.includes('console.log(1)') || path.startsWith('/assets/index-4f2a9c1b.js'), label);
      }
    }
  });

  it('answers a missing file that is not a page with 404', async () => {
    assert.equal((await server.client().get('/assets/missing.js')).status, 404);
  });
});
