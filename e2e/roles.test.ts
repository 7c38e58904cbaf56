import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, sidewaysOverflow, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/** Every demo role logs in and sees its own home page, on a 360x640 phone and on a desktop. */
const availability = browserAvailability();

const ROLES = [
  { role: 'mother', login: '0812-0000-0001', heading: 'Halo, Ibu Siti Aminah', sees: 'Telepon' },
  { role: 'companion', login: '081200000011', heading: 'Halo, Budi Santoso', sees: 'Hari ke-2' },
  { role: 'cadre', login: 'kader.wati', heading: 'Halo, Kader Wati', sees: 'Ani Rahmawati' },
  { role: 'midwife', login: 'bidan.sari', heading: 'Daftar ibu', sees: 'Siti Aminah' },
  { role: 'facility_admin', login: 'admin.sukamaju', heading: '[DEMO] Puskesmas Sukamaju', sees: 'Tambah staf' },
  { role: 'researcher', login: 'peneliti.ayu', heading: 'Data penelitian', sees: '3 ibu' },
  { role: 'system_admin', login: 'admin.sistem', heading: 'Fasilitas', sees: '[DEMO] RSUD Harapan Bunda' },
] as const;

describe('each role’s home page', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  for (const { role, login, heading, sees } of ROLES) {
    for (const device of ['phone', 'desktop'] as const) {
      it(`${role} on a ${device}`, async () => {
        const context = device === 'phone' ? await newPhone(env.browser) : await newDesktop(env.browser);
        const page = await context.newPage();
        const errors = watchForErrors(page);
        try {
          await logIn(page, env.server.origin, login);
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await page.getByText(sees, { exact: false }).first().waitFor();
          assert.ok(await page.getByText('DATA DEMO').isVisible(), 'the demo is marked as such');
          await screenshot(page, `home-${role}-${device}`);
          // Nothing overflows sideways on a small phone.
          const overflow = await sidewaysOverflow(page);
          if (device === 'phone') assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('switches to English and back, and the account remembers it', async () => {
    const context = await newPhone(env.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.origin}/masuk`);
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.fill('input[name=login]', 'bidan.rina');
      await page.fill('input[name=password]', 'nope-nope-nope');
      await page.getByRole('button', { name: 'Log in' }).click();
      // The server's problem text arrives in English too.
      await page.getByText('Wrong phone number/username or password.', { exact: false }).waitFor();
      await page.fill('input[name=password]', 'demo-lancar');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Mothers' }).waitFor();
      await screenshot(page, 'home-midwife-phone-english');
      // Another device that never chose a language follows the account's choice.
      const other = await newDesktop(env.browser);
      try {
        const otherPage = await other.newPage();
        await logIn(otherPage, env.server.origin, 'bidan.rina');
        await otherPage.getByRole('heading', { name: 'Mothers' }).waitFor();
      } finally {
        await other.close();
      }
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
      await page.getByRole('heading', { name: 'Daftar ibu' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('sends a visitor without a session to the login page', async () => {
    const context = await newPhone(env.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.origin}/ibu-baru`);
      await page.waitForURL(`${env.server.origin}/masuk`);
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
