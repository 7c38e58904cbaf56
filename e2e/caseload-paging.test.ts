import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { browserAvailability, newPhone } from './support/browser.ts';
import { logIn, SCREENSHOTS, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/** A caseload longer than a page: the first 50 mothers come at once, the rest with "show more". */
const availability = browserAvailability();

describe('a long caseload', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();
  let total = 0;

  before(async () => {
    const midwife = await env.server.loginAs('bidan.sari');
    for (let i = 1; i <= 50; i++) {
      const enrolled = await midwife.post('/api/mothers', {
        id: newId(),
        fullName: `Ibu Halaman ${i}`,
        village: 'Desa Panjang',
        deliveredAt: new Date(Date.now() - (i + 1) * 3600_000).toISOString(),
        deliveryMode: 'vaginal',
        parity: 'multipara',
        consentCare: true,
        consentResearch: false,
        babies: [{ id: newId(), sex: i % 2 ? 'female' : 'male', birthWeightG: 3000 }],
      });
      assert.equal(enrolled.status, 201, enrolled.text);
    }
    total = (await midwife.get<{ total: number }>('/api/mothers?limit=1')).body.total;
    assert.ok(total > 50);
  });

  it('shows the first page, then the rest on "show more", on a phone', async () => {
    const phone = await newPhone(env.browser);
    try {
      const page = await phone.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, 'bidan.sari');
      const items = page.locator('.case-list > li');
      await page.getByTestId('caseload-count').getByText(`50 dari ${total} ibu`).waitFor();
      assert.equal(await items.count(), 50);
      await page.getByTestId('caseload-more').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'caseload-more-phone.png') });
      await page.getByTestId('caseload-more').click();
      await page.getByTestId('caseload-count').getByText(`${total} ibu`, { exact: true }).waitFor();
      assert.equal(await items.count(), total);
      assert.equal(await page.getByTestId('caseload-more').count(), 0, 'no more pages');
      const names = await items.locator('.case-name').allTextContents();
      assert.equal(new Set(names).size, total, 'each mother once');
      await screenshot(page, 'caseload-all-pages-phone');

      // A search starts again from its own first page.
      await page.getByPlaceholder('Cari nama, desa, atau nomor HP').fill('Halaman 1');
      await page.getByTestId('caseload-count').getByText('11 ibu', { exact: true }).waitFor();
      assert.equal(await items.count(), 11);
      assert.deepEqual(errors, []);
    } finally {
      await phone.close();
    }
  });
});
