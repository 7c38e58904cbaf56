import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { createHousehold } from './support/household.ts';
import { logIn, screenshot, waitUntilControlledByServiceWorker, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * Days without a connection: a husband logs feeds, nappies and a massage on four days, closes the app and opens it
 * again, still offline; when the phone is back online every entry reaches the server exactly once and shows in the
 * midwife's view, on the right day of life.
 */
const availability = browserAvailability();
const HOUR = 3600_000;

describe('offline logging over several days', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('keeps every entry through days offline and a closed app, then sends each exactly once', async () => {
    const household = await createHousehold(env.server, 4 * 24 + 6);
    const context = await newPhone(env.browser);
    try {
      let page = await context.newPage();
      const errors = watchForErrors(page);
      const dayTime = (day: number) => new Date(household.deliveredAt.getTime() + (day - 1) * 24 * HOUR + 2 * HOUR);
      await page.clock.install({ time: dayTime(1) });
      await logIn(page, env.server.origin, household.companionLogin, household.password);
      await waitUntilControlledByServiceWorker(page);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();

      await context.setOffline(true);
      for (const day of [1, 2, 3, 4]) {
        await page.clock.setSystemTime(dayTime(day));
        await page.goto(`${env.server.origin}/catat/menyusui`);
        await page.getByTestId('feed-side-left').click();
        await page.fill('input[name=minutes]', String(10 + day));
        await page.getByTestId('log-save').click();
        await page.waitForURL(/tersimpan/);
        await page.goto(`${env.server.origin}/catat/popok`);
        await page.getByTestId('nappy-wet').click();
        await page.getByTestId('log-save').click();
        await page.waitForURL(/tersimpan/);
        if (day === 2) {
          await page.goto(`${env.server.origin}/pijat`);
          await page.getByTestId('safety-yes-consent').click();
          for (const id of ['fever', 'back-skin', 'spine', 'pain-faint', 'calf-breath', 'bleeding-headache']) {
            await page.getByTestId(`safety-no-${id}`).click();
          }
          for (let step = 0; step < 8; step++) await page.getByTestId('step-next').click();
          await page.getByTestId('review-comfort-4').click();
          await page.getByTestId('review-save').click();
          await page.waitForURL(/tersimpan/);
        }
      }
      await page.getByTestId('sync-status').getByText('9 catatan menunggu dikirim').waitFor();
      await screenshot(page, 'offline-nine-waiting-phone');

      // The app is closed and opened again, still without a connection: nothing is lost.
      await page.close();
      page = await context.newPage();
      await page.goto(`${env.server.origin}/`);
      await page.getByTestId('sync-status').getByText('9 catatan menunggu dikirim').waitFor();
      assert.equal(
        await env.server.database.db
          .selectFrom('household_entry')
          .select('id')
          .where('mother_id', '=', household.motherId)
          .execute()
          .then((rows) => rows.length),
        0,
        'nothing reached the server while offline',
      );

      await context.setOffline(false);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor({ timeout: 60_000 });
      await screenshot(page, 'offline-all-sent-phone');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }

    const rows = await env.server.database.db
      .selectFrom('household_entry')
      .select(['id', 'kind', 'occurred_at'])
      .where('mother_id', '=', household.motherId)
      .execute();
    assert.equal(rows.length, 9, 'four feeds, four nappies, one massage');
    assert.equal(new Set(rows.map((r) => r.id)).size, 9, 'each exactly once');
    const days = rows
      .filter((r) => r.kind === 'feed')
      .map((r) => Math.floor((r.occurred_at.getTime() - household.deliveredAt.getTime()) / (24 * HOUR)) + 1)
      .sort();
    assert.deepEqual(days, [1, 2, 3, 4]);

    const desk = await newDesktop(env.browser);
    try {
      const page = await desk.newPage();
      await logIn(page, env.server.origin, 'bidan.sari');
      await page.goto(`${env.server.origin}/ibu/${household.motherId}`);
      const table = page.getByTestId('records');
      await table.waitFor();
      const bodyRows = await table.locator('tbody tr').allTextContents();
      assert.equal(bodyRows.length, 4, bodyRows.join(' | '));
      await screenshot(page, 'offline-midwife-records-desktop');
    } finally {
      await desk.close();
    }
  });
});
