import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { createHousehold } from './support/household.ts';
import { logIn, screenshot } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The midwife assigns a massage protocol at her desk and the husband's phone follows it after sync; a wrong entry
 * is removed from the history (a removal entry is added, nothing is erased) and the midwife's view stops counting it.
 */
const availability = browserAvailability();

describe('care plan and entry history', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('sends the midwife’s protocol to the phone, and removes a wrong entry without erasing it', async () => {
    const household = await createHousehold(env.server, 30);
    const desk = await newDesktop(env.browser);
    try {
      const page = await desk.newPage();
      await logIn(page, env.server.origin, 'bidan.sari');
      await page.goto(`${env.server.origin}/ibu/${household.motherId}`);
      await page.selectOption('select[name=protocolId]', 'husband-15min-14days');
      await page.getByRole('button', { name: 'Tetapkan protokol' }).click();
      await page.getByText('Oleh suami: 15 menit, 1–2 kali sehari, 14 hari').first().waitFor();
      await screenshot(page, 'care-plan-assigned-desktop');
    } finally {
      await desk.close();
    }

    const phone = await newPhone(env.browser);
    try {
      const page = await phone.newPage();
      await logIn(page, env.server.origin, household.companionLogin, household.password);
      await page.getByText('Oleh suami: 15 menit, 1–2 kali sehari, 14 hari').waitFor();
      // Log a weight twice by mistake, then remove one.
      for (const grams of ['2950', '2950']) {
        await page.goto(`${env.server.origin}/catat/berat`);
        await page.fill('input[name=grams]', grams);
        await page.getByTestId('weight-change').getByText('turun 1,7%').waitFor();
        await page.getByTestId('log-save').click();
        await page.waitForURL(/tersimpan/);
      }
      await page.goto(`${env.server.origin}/riwayat`);
      await page.getByTestId('remove-weight').nth(1).waitFor();
      assert.equal(await page.getByTestId('remove-weight').count(), 2);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('remove-weight').first().click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=remove-weight]').length === 1);
      await page.goto(`${env.server.origin}/`);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();
    } finally {
      await phone.close();
    }

    const rows = await env.server.database.db
      .selectFrom('household_entry')
      .select(['kind', 'supersedes'])
      .where('mother_id', '=', household.motherId)
      .execute();
    assert.equal(rows.filter((r) => r.kind === 'weight').length, 2, 'both weights are kept');
    assert.equal(
      rows.filter((r) => r.kind === 'void' && r.supersedes !== null).length,
      1,
      'one removal points at one of them',
    );
  });
});
