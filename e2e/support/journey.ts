import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots of every journey land here (git-ignored), for a person to look at. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * How many px the page is wider than the screen (0 or less: it fits). Measured against the viewport's width, not
 * window.innerWidth: an emulated phone widens its layout viewport to content that overflows, and innerWidth with it,
 * which would hide the very overflow this looks for.
 */
export async function sidewaysOverflow(page: Page): Promise<number> {
  const screenWidth = page.viewportSize()?.width;
  if (!screenWidth) throw new Error('the page has no fixed viewport to measure against');
  return page.evaluate((width) => document.documentElement.scrollWidth - width, screenWidth);
}

/** Fails the journey on any script error in the page: a broken screen must not pass as "loaded". */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function logIn(page: Page, origin: string, login: string, password = 'demo-lancar'): Promise<void> {
  await page.goto(`${origin}/masuk`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${origin}/`);
}

/**
 * Waits until the app's service worker controls the page, so the shell is cached and a reload works offline.
 * A first visit is not yet controlled: going offline before this makes the reload fail like a real phone would.
 */
export async function waitUntilControlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
