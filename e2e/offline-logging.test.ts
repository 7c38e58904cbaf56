import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Route } from 'playwright-core';
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

/**
 * Makes the database refuse new household entries with SQLSTATE 53100 disk_full, the error PostgreSQL (and PGlite,
 * on ENOSPC) gives when its disk is full, so the real server answers the phone as it would then.
 */
const DISK_FULL_ON = `
  CREATE FUNCTION e2e_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
  CREATE TRIGGER e2e_disk_full BEFORE INSERT ON household_entry FOR EACH STATEMENT EXECUTE FUNCTION e2e_disk_full();`;
const DISK_FULL_OFF = 'DROP TRIGGER e2e_disk_full ON household_entry; DROP FUNCTION e2e_disk_full();';

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

  it('says so when the server cannot store records or does not answer, keeps them, and sends them once it can', async () => {
    const household = await createHousehold(env.server, 30);
    const context = await newPhone(env.browser);
    const database = env.server.database;
    let diskFull = false;
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, household.companionLogin, household.password);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();

      await database.withSession((session) => session.exec(DISK_FULL_ON));
      diskFull = true;
      await page.goto(`${env.server.origin}/catat/menyusui`);
      await page.getByTestId('feed-side-right').click();
      await page.fill('input[name=minutes]', '15');
      await page.getByTestId('log-save').click();
      await page.waitForURL(/tersimpan/);
      // The status line gives the server's own reason, not "no connection", and the record waits on the phone.
      await page.getByTestId('sync-status').getByText('1 catatan menunggu dikirim').waitFor();
      await page.getByTestId('sync-status').getByText('Penyimpanan penuh').waitFor();

      await page.goto(`${env.server.origin}/kirim`);
      const notice = page.getByTestId('sync-server-problem');
      await notice.getByText('Penyimpanan penuh').waitFor();
      await notice.getByText(/Admin perlu mengosongkan ruang disk/).waitFor();
      await notice.getByText(/tetap tersimpan di HP ini/).waitFor();
      // The outbox list is read from the phone's store after the sync round that raised the notice.
      await page.getByTestId('outbox-pending').first().waitFor();
      assert.equal(await page.getByTestId('outbox-pending').count(), 1, 'the record waits to be sent, not refused');
      assert.equal(await page.getByTestId('outbox-rejected').count(), 0);
      await screenshot(page, 'sync-server-disk-full-phone');

      await database.withSession((session) => session.exec(DISK_FULL_OFF));
      diskFull = false;
      await page.getByRole('button', { name: 'Kirim sekarang' }).click();
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();
      assert.equal(await notice.count(), 0, 'the notice goes once the server stores records again');

      // With Lancar down behind a proxy, the proxy answers 502 in HTML: the phone says the server does not answer
      // rather than that there is no connection, and keeps the record for later.
      const proxyDown = (route: Route) =>
        route.fulfill({ status: 502, contentType: 'text/html', body: '<html><h1>502 Bad Gateway</h1></html>' });
      await page.route('**/api/sync/push', proxyDown);
      await page.goto(`${env.server.origin}/catat/menyusui`);
      await page.getByTestId('feed-side-left').click();
      await page.fill('input[name=minutes]', '9');
      await page.getByTestId('log-save').click();
      await page.waitForURL(/tersimpan/);
      const status = page.getByTestId('sync-status');
      await status.getByText('1 catatan menunggu dikirim').waitFor();
      await status.getByText('server bermasalah').waitFor();
      assert.equal(await status.getByText('tidak ada koneksi').count(), 0, 'not blamed on the phone’s connection');
      await page.unroute('**/api/sync/push', proxyDown);
      await page.goto(`${env.server.origin}/kirim`);
      await page.getByRole('button', { name: 'Kirim sekarang' }).click();
      await status.getByText('Semua catatan sudah terkirim').waitFor();
      assert.deepEqual(errors, []);
    } finally {
      if (diskFull) await database.withSession((session) => session.exec(DISK_FULL_OFF));
      await context.close();
    }
    const feeds = await database.db
      .selectFrom('household_entry')
      .select(['id', 'kind'])
      .where('mother_id', '=', household.motherId)
      .execute();
    assert.deepEqual(
      feeds.map((f) => f.kind),
      ['feed', 'feed'],
      'the feeds logged while the disk was full and while the server was down are each stored once',
    );
  });
});
