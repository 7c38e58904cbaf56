// Lighthouse (mobile emulation, Debian's Chromium) on the companion's home screen and the login page: prints the
// performance and accessibility scores. Run `npm run build` first. Targets: performance >= 95, accessibility >= 95.

import { fileURLToPath } from 'node:url';
import { startTestServer } from '@lancar/server/testing';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const webDist = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
const server = await startTestServer({ webDist });
const origin = server.url.replace('127.0.0.1', 'localhost');
const companion = await server.loginAs('081200000011');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const [label, path, cookie] of [
    ['Login page', '/masuk', undefined],
    ['Companion home (logged in)', '/', companion.cookie],
  ] as const) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    const categories = result?.lhr.categories;
    const score = (key: 'performance' | 'accessibility') => Math.round((categories?.[key]?.score ?? 0) * 100);
    const audits = result?.lhr.audits;
    console.log(
      `${label.padEnd(30)} performance ${score('performance')}  accessibility ${score('accessibility')}  ` +
        `FCP ${audits?.['first-contentful-paint']?.displayValue}  LCP ${audits?.['largest-contentful-paint']?.displayValue}  ` +
        `TBT ${audits?.['total-blocking-time']?.displayValue}  CLS ${audits?.['cumulative-layout-shift']?.displayValue}  SI ${audits?.['speed-index']?.displayValue}`,
    );
    for (const audit of Object.values(audits ?? {})) {
      if (
        audit.score !== null &&
        audit.score < 1 &&
        categories?.accessibility?.auditRefs.some((ref) => ref.id === audit.id)
      ) {
        console.log(`    accessibility: ${audit.id}: ${audit.title}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
