import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser (CHROMIUM_PATH overrides the location). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser journeys can run here. Under CI=true a missing browser is a failure, never a skip; elsewhere the
 * journeys are skipped with the reason printed.
 */
export function browserAvailability(): { skip: string } | { ok: true } {
  if (existsSync(CHROMIUM)) return { ok: true };
  const reason = `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`CI needs ${reason}`);
  return { skip: reason };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = {
  viewport: { width: 360, height: 640 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  // Phones in the programme run on Western Indonesia Time.
  timezoneId: 'Asia/Jakarta',
};
export const DESKTOP = { viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Jakarta' };

export function newPhone(browser: Browser, locale = 'id-ID'): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, locale });
}

export function newDesktop(browser: Browser, locale = 'id-ID'): Promise<BrowserContext> {
  return browser.newContext({ ...DESKTOP, locale });
}
