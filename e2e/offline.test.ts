import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newPhone } from './support/browser.ts';
import { logIn, screenshot, waitUntilControlledByServiceWorker } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * A companion's phone loses its connection: the app still opens (service worker app shell), shows the household
 * and the number to call from what the phone kept, and says plainly that it is offline.
 */
const availability = browserAvailability();

describe('offline app shell', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('opens without a connection after one visit, with the household and the midwife’s number', async () => {
    const context = await newPhone(env.browser);
    try {
      const page = await context.newPage();
      await logIn(page, env.server.origin, '081200000011');
      await page.getByRole('heading', { name: 'Halo, Budi Santoso' }).waitFor();
      await page.getByText('Hari ke-2').waitFor();
      // Wait until the service worker controls the page, so the app shell is cached.
      await waitUntilControlledByServiceWorker(page);
      await page.getByText('Hari ke-2').waitFor();

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Halo, Budi Santoso' }).waitFor();
      await page.getByText('Anda sedang offline').waitFor();
      await page.getByText('Hari ke-2').waitFor();
      const call = page.getByRole('link', { name: /Telepon/ });
      assert.equal(await call.getAttribute('href'), 'tel:+6281200000100');
      await screenshot(page, 'offline-companion-phone');

      // A deep link the phone never opened still renders from the cached shell.
      await page.goto(`${env.server.origin}/pengaturan`);
      await page.getByRole('heading', { name: 'Akun' }).waitFor();

      await context.setOffline(false);
      await page.goto(`${env.server.origin}/`);
      await page.getByText('Hari ke-2').waitFor();
      assert.equal(
        await page.getByText('Anda sedang offline').count(),
        0,
        'the banner goes when the connection is back',
      );
    } finally {
      await context.close();
    }
  });
});
