import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newPhone } from './support/browser.ts';
import { logIn, screenshot, sidewaysOverflow, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/** Every household screen at 360x640 in Indonesian and in English: it renders, text fits, nothing scrolls sideways. */
const availability = browserAvailability();
const SCREENS = [
  ['home', '/', 'Halo, Budi Santoso', 'Hello, Budi Santoso'],
  ['feed', '/catat/menyusui', 'Catat menyusui', 'Log a feed'],
  ['nappy', '/catat/popok', 'Catat popok', 'Log a nappy'],
  ['expression', '/catat/asi-perah', 'Catat ASI perah', 'Log expressed milk'],
  ['weight', '/catat/berat', 'Catat berat bayi', "Log the baby's weight"],
  ['mother-state', '/catat/kondisi-ibu', 'Kondisi ibu', "Mother's condition"],
  ['checklist', '/ceklis', 'Ceklis ASI cukup, hari ke-2', 'Enough-milk checklist, day 2'],
  ['danger', '/tanda-bahaya', 'Tanda bahaya', 'Danger signs'],
  ['progress', '/perkembangan', 'Perkembangan 14 hari', '14-day progress'],
  ['sync', '/kirim', 'Pengiriman catatan', 'Sending entries'],
  ['massage', '/pijat', 'Sebelum memijat', 'Before the massage'],
] as const;

describe('household screens in both languages', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  for (const language of ['id', 'en'] as const) {
    it(`renders every screen in ${language === 'id' ? 'Indonesian' : 'English'} without sideways scrolling`, async () => {
      const context = await newPhone(env.browser, language === 'id' ? 'id-ID' : 'en-GB');
      try {
        const page = await context.newPage();
        const errors = watchForErrors(page);
        if (language === 'en') {
          await page.goto(`${env.server.origin}/masuk`);
          await page.getByRole('button', { name: 'English' }).click();
          await page.getByRole('heading', { name: 'Log in' }).waitFor();
        }
        await logIn(page, env.server.origin, '081200000011');
        for (const [name, path, idHeading, enHeading] of SCREENS) {
          await page.goto(`${env.server.origin}${path}`);
          await page.getByRole('heading', { level: 1, name: language === 'id' ? idHeading : enHeading }).waitFor();
          const overflow = await sidewaysOverflow(page);
          assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen in ${language}`);
          await screenshot(page, `household-${name}-${language}-phone`);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
