import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@lancar/server/testing';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';

/** The built web app (npm test builds it first when its sources changed); LANCAR_WEB_DIST points at another build. */
export const WEB_DIST = process.env.LANCAR_WEB_DIST || fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

/**
 * A real Lancar server on a private database, serving the built web app. Cookies are `__Host-` and Secure, which
 * Chromium accepts on http://localhost, so journeys use "localhost" rather than 127.0.0.1.
 */
export type WebServer = TestServer & { origin: string };

export async function startWebServer(options: { demo?: boolean } = {}): Promise<WebServer> {
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    throw new Error('The web app is not built: run "npm run build" (npm test does it for you).');
  }
  const server = await startTestServer({ demo: options.demo ?? true, webDist: WEB_DIST });
  return { ...server, origin: server.url.replace('127.0.0.1', 'localhost') };
}

/**
 * For a journey file: inside its describe(), starts a server and Chromium before the tests and closes both after.
 * The returned object is filled in by the time the tests run.
 */
export function serverAndBrowser(): { server: WebServer; browser: Browser } {
  const env = {} as { server: WebServer; browser: Browser };
  before(async () => {
    env.server = await startWebServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
