import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

const availability = browserAvailability();

/** Fills the enrolment form with a mother delivered yesterday at 08:00. */
async function fillMother(page: Page, fields: { name: string; nik?: string; dateOfBirth: string }) {
  await page.fill('input[name=fullName]', fields.name);
  if (fields.nik) await page.fill('input[name=nik]', fields.nik);
  await page.fill('input[name=village]', 'Desa Mekarsari');
  await page.fill('input[name=dateOfBirth]', fields.dateOfBirth);
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.fill('input[name=deliveryDate]', yesterday);
  await page.selectOption('select[name=babySex0]', 'female');
  await page.fill('input[name=babyWeight0]', '3150');
  await page.check('input[name=consentCare]');
}

describe('enrolment checks and the dataset export in Chromium', {
  skip: 'skip' in availability ? availability.skip : false,
}, () => {
  const env = serverAndBrowser();

  it('asks about a NIK that disagrees, sets the protocol start, and offers the choice for a possible duplicate', async () => {
    const desk = await newDesktop(env.browser);
    const phone = await newPhone(env.browser);
    try {
      const midwife = await desk.newPage();
      const errors = watchForErrors(midwife);
      await logIn(midwife, env.server.origin, 'bidan.sari');
      await midwife.goto(`${env.server.origin}/ibu-baru`);
      await midwife.getByRole('heading', { name: 'Daftarkan ibu' }).waitFor();
      await fillMother(midwife, { name: 'Maya Kartika', nik: '3301 0154 0297 0001', dateOfBirth: '1998-02-14' });
      await midwife.getByText('Tanggal lahir menurut NIK: 14-02-97 (perempuan)').waitFor();
      await midwife.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await midwife.getByTestId('nik-question').waitFor();
      await midwife.getByText('Tanggal lahir di NIK (14-02-97) berbeda').waitFor();
      await screenshot(midwife, 'enrolment-1-nik-question-desktop');
      await midwife.getByRole('button', { name: 'NIK sudah sesuai KTP, tetap simpan' }).click();
      await midwife.getByRole('heading', { name: 'Ibu terdaftar' }).waitFor();
      // The protocol and the day the household starts it.
      const form = midwife.getByTestId('care-plan-form');
      const deliveryDate = await form.locator('input[name=startsOn]').getAttribute('min');
      assert.ok(deliveryDate);
      await form.locator('input[name=startsOn]').fill(deliveryDate);
      await midwife.getByRole('button', { name: 'Tetapkan protokol' }).click();
      await midwife.getByTestId('plan-assigned').waitFor();
      await screenshot(midwife, 'enrolment-2-plan-assigned-desktop');

      // On a phone: the same name and date of birth again, without a NIK.
      const onPhone = await phone.newPage();
      const phoneErrors = watchForErrors(onPhone);
      await logIn(onPhone, env.server.origin, 'bidan.sari');
      await onPhone.goto(`${env.server.origin}/ibu-baru`);
      await fillMother(onPhone, { name: 'maya  KARTIKA', dateOfBirth: '1998-02-14' });
      await onPhone.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      const question = onPhone.getByTestId('duplicate-question');
      await question.waitFor();
      await onPhone.getByRole('link', { name: 'Buka data ibu yang sudah ada' }).waitFor();
      await question.scrollIntoViewIfNeeded();
      await screenshot(onPhone, 'enrolment-3-possible-duplicate-phone');
      await onPhone.getByRole('button', { name: 'Ini orang lain, tetap daftarkan' }).click();
      await onPhone.getByRole('heading', { name: 'Ibu terdaftar' }).waitFor();

      // The same NIK can never be enrolled twice: only "open the existing record" is offered.
      await onPhone.goto(`${env.server.origin}/ibu-baru`);
      await fillMother(onPhone, { name: 'Orang Lain', nik: '3301015402970001', dateOfBirth: '1997-02-14' });
      await onPhone.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await onPhone.getByText('Ibu dengan NIK ini sudah terdaftar di fasilitas ini.').waitFor();
      assert.equal(await onPhone.getByRole('button', { name: 'Ini orang lain, tetap daftarkan' }).count(), 0);
      await screenshot(onPhone, 'enrolment-4-nik-exists-phone');
      await onPhone.getByRole('link', { name: 'Buka data ibu yang sudah ada' }).click();
      await onPhone.getByRole('heading', { name: 'Maya Kartika' }).waitFor();
      assert.deepEqual([...errors, ...phoneErrors], []);
    } finally {
      await desk.close();
      await phone.close();
    }
  });

  it('lets a midwife and a researcher download the dataset, each told plainly what they get', async () => {
    const desk = await newDesktop(env.browser);
    const phone = await newPhone(env.browser);
    try {
      const midwife = await desk.newPage();
      await logIn(midwife, env.server.origin, 'bidan.sari');
      await midwife.getByRole('link', { name: 'Ekspor' }).click();
      await midwife.getByRole('heading', { name: 'Ekspor data' }).waitFor();
      await midwife.getByText('Anda mendapat data dengan identitas.').waitFor();
      await midwife.fill('input[name=from]', '2026-01-01');
      const [download] = await Promise.all([
        midwife.waitForEvent('download'),
        midwife.getByTestId('download-xlsx').click(),
      ]);
      assert.match(download.suggestedFilename(), /^lancar-dataset-2026-01-01_akhir\.xlsx$/);
      const path = await download.path();
      assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip file');
      await screenshot(midwife, 'export-1-midwife-desktop');

      const researcher = await phone.newPage();
      await logIn(researcher, env.server.origin, 'peneliti.ayu');
      await researcher.getByRole('link', { name: 'Ekspor' }).click();
      await researcher.getByText('Anda mendapat data tanpa identitas (pseudonim).').waitFor();
      await screenshot(researcher, 'export-2-researcher-phone');
      const [csv] = await Promise.all([
        researcher.waitForEvent('download'),
        researcher.getByRole('link', { name: 'mothers.csv' }).click(),
      ]);
      const text = readFileSync(await csv.path(), 'utf8');
      assert.ok(text.split('\r\n')[0]?.includes('pseudonym'));
      assert.ok(!text.includes('full_name') && !text.includes('Siti'));
    } finally {
      await desk.close();
      await phone.close();
    }
  });
});
