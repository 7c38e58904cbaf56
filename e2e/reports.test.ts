import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The facility report on a desktop and on a phone (the demo mothers were enrolled this month), and the district
 * view of the system administrator with its small cells hidden.
 */
const availability = browserAvailability();

describe('facility and district reports', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('shows the midwife her facility report with charts and downloads, on a desktop and a phone', async () => {
    for (const [name, open] of [
      ['desktop', newDesktop],
      ['phone', newPhone],
    ] as const) {
      const context = await open(env.browser);
      try {
        const page = await context.newPage();
        const errors = watchForErrors(page);
        const origin = env.server.origin;
        await logIn(page, origin, 'bidan.sari');
        await page.getByRole('link', { name: 'Laporan' }).click();
        await page.getByRole('heading', { name: 'Laporan fasilitas' }).waitFor();
        const enrolled = page.getByTestId('mothers-enrolled');
        await enrolled.waitFor();
        assert.equal(await enrolled.textContent(), '4');
        assert.equal(await page.locator('.report-chart svg').count(), 3);
        await page.getByTestId('exclusive-not-recorded').waitFor();
        const pdf = await page.getByTestId('report-pdf').getAttribute('href');
        assert.match(pdf ?? '', /^\/api\/reports\/facility\.pdf\?from=\d{4}-\d{2}-01&to=/);
        const download = await page.request.get(`${origin}${pdf}`);
        assert.equal(download.status(), 200);
        assert.equal((await download.body()).subarray(0, 4).toString(), '%PDF');
        await screenshot(page, `report-facility-${name}`);
        await page.getByRole('button', { name: 'Bulan lalu' }).click();
        await page.waitForFunction(
          () => document.querySelector('[data-testid="mothers-enrolled"]')?.textContent === '0',
        );
        await page.getByRole('button', { name: 'Pilih tanggal' }).click();
        await page.locator('input[name="from"]').waitFor();
        await screenshot(page, `report-facility-custom-${name}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  it('shows the system admin the district view without names, small cells as "<5"', async () => {
    for (const [name, open] of [
      ['desktop', newDesktop],
      ['phone', newPhone],
    ] as const) {
      const context = await open(env.browser);
      try {
        const page = await context.newPage();
        const errors = watchForErrors(page);
        const origin = env.server.origin;
        await logIn(page, origin, 'admin.sistem');
        await page.getByRole('link', { name: 'Laporan' }).click();
        await page.getByRole('heading', { name: 'Laporan kabupaten/kota' }).waitFor();
        await page.locator('select[name="district"]').selectOption('Kabupaten Contoh');
        await page.getByTestId('suppression-note').waitFor();
        const table = page.locator('table.report-district');
        await table.waitFor();
        const text = (await table.textContent()) ?? '';
        assert.ok(text.includes('[DEMO] Puskesmas Sukamaju'));
        assert.ok(text.includes('<5'));
        assert.equal(text.includes('Siti'), false);
        await screenshot(page, `report-district-${name}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });
});
