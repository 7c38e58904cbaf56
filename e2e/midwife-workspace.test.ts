import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateBundle } from '@lancar/fhir/validate';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The midwife's workspace end to end. At her desk she enrols a mother (born yesterday, 3,150 g), sets the protocol
 * and adds the husband, whose code she hands over. On his 360x640 phone he activates the account and logs the
 * baby's weight: 2,750 g, a loss of 12.7%. The server raises the "weight loss over 10%" alert; the midwife, on her
 * own phone, finds it in the day's summary and her tasks, acknowledges it, records that she visited, closes it with
 * the outcome, and exports the mother's FHIR bundle, which passes validation against the R4 definitions.
 */
const availability = browserAvailability();
const MOTHER = 'Rahayu Setyowati';
const HUSBAND = 'Teguh Santoso';

describe('midwife workspace: enrol, alert, act, export', {
  skip: 'skip' in availability ? availability.skip : false,
}, () => {
  const env = serverAndBrowser();

  it('enrols a household, sees the alert its phone raises, records the action and exports valid FHIR', async () => {
    const origin = env.server.origin;
    const desk = await newDesktop(env.browser);
    let motherPath = '';
    let husbandCode = '';
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      await logIn(page, origin, 'bidan.sari');
      await page.goto(`${origin}/ibu-baru`);
      await page.getByRole('heading', { name: 'Daftarkan ibu' }).waitFor();
      await page.fill('input[name=fullName]', MOTHER);
      await page.fill('input[name=phone]', '0812 7000 4321');
      await page.fill('input[name=village]', 'Desa Karanganyar');
      const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
      await page.fill('input[name=deliveryDate]', yesterday);
      await page.selectOption('select[name=deliveryMode]', 'vaginal');
      await page.selectOption('select[name=parity]', 'primipara');
      await page.selectOption('select[name=babySex0]', 'male');
      // A weight no baby has is refused at the field (the browser names the limit), and nothing is sent.
      await page.fill('input[name=babyWeight0]', '9000');
      await page.check('input[name=consentCare]');
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      assert.equal(
        await page
          .locator('input[name=babyWeight0]')
          .evaluate((input: HTMLInputElement) => input.validity.rangeOverflow),
        true,
      );
      assert.equal(await page.getByRole('heading', { name: 'Ibu terdaftar' }).count(), 0);
      await page.fill('input[name=babyWeight0]', '3150');
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByRole('heading', { name: 'Ibu terdaftar' }).waitFor();
      await page.getByTestId('care-plan-form').waitFor();
      await page.getByRole('button', { name: 'Tetapkan protokol' }).click();
      await page.getByTestId('plan-assigned').waitFor();
      await screenshot(page, 'workspace-1-enrolled-desktop');

      await page.getByRole('link', { name: 'Buka catatan ibu dan tambah pendamping' }).click();
      await page.getByRole('heading', { name: MOTHER }).waitFor();
      motherPath = new URL(page.url()).pathname;
      await page.fill('input[name=companionName]', HUSBAND);
      await page.fill('input[name=companionPhone]', '0812-7000-8765');
      await page.getByRole('button', { name: 'Tambah dan buat kode aktivasi' }).click();
      await page.getByRole('heading', { name: `Kode aktivasi untuk ${HUSBAND}` }).waitFor();
      husbandCode = (await page.getByTestId('activation-code').textContent())?.trim() ?? '';
      assert.match(husbandCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await screenshot(page, 'workspace-2-companion-code-desktop');
      assert.deepEqual(errors, []);
    } finally {
      await desk.close();
    }
    assert.match(motherPath, /^\/ibu\/[0-9a-f-]{36}$/);

    // The husband, on his phone, activates with the code and logs the weight; it is sent as soon as it is saved.
    const husbandPhone = await newPhone(env.browser);
    try {
      const page = await husbandPhone.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${origin}/aktivasi?kode=${encodeURIComponent(husbandCode)}`);
      await page.getByRole('button', { name: 'Periksa kode' }).click();
      await page.fill('input[name=password]', 'teguh-pendamping');
      await page.fill('input[name=repeat]', 'teguh-pendamping');
      await page.getByRole('button', { name: 'Simpan dan masuk' }).click();
      await page.getByRole('heading', { name: `Halo, ${HUSBAND}` }).waitFor();
      await page.goto(`${origin}/catat/berat`);
      await page.fill('input[name=grams]', '2750');
      await page.getByTestId('weight-change').getByText('turun 12,7%').waitFor();
      await screenshot(page, 'workspace-3-weight-phone');
      await page.getByTestId('log-save').click();
      await page.waitForURL(/tersimpan/);
      await page.goto(`${origin}/`);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();
      await screenshot(page, 'workspace-4-husband-home-phone');
      assert.deepEqual(errors, []);
    } finally {
      await husbandPhone.close();
    }

    // The midwife, on her phone during the day: the summary counts the new alert, the task is worked to the end.
    const midwifePhone = await newPhone(env.browser);
    try {
      const page = await midwifePhone.newPage();
      const errors = watchForErrors(page);
      await logIn(page, origin, 'bidan.sari');
      const summary = page.getByTestId('alert-summary');
      await summary.waitFor();
      await page.getByText(MOTHER).first().waitFor();
      await screenshot(page, 'workspace-5-midwife-home-phone');

      await page.goto(`${origin}/tugas`);
      const task = page.getByTestId('alert-task').filter({ hasText: MOTHER }).first();
      await task.getByText('Berat bayi turun lebih dari 10% dari berat lahir').waitFor();
      await task.getByRole('button', { name: 'Sudah dilihat' }).click();
      await page.getByRole('button', { name: 'Ditangani' }).click();
      const working = page.getByTestId('alert-task').filter({ hasText: MOTHER }).first();
      await working.getByRole('button', { name: 'Catat tindakan' }).click();
      await working.getByLabel('Tindakan').selectOption('home_visit');
      await working.getByLabel('Catatan (boleh kosong)').fill('Menyusui diperbaiki, timbang ulang besok');
      await working.getByRole('button', { name: 'Simpan tindakan' }).click();
      await working.getByRole('button', { name: 'Tutup dengan hasil' }).click();
      await working.getByLabel('Hasil').selectOption('improving');
      await working.getByRole('button', { name: 'Tutup tugas' }).click();
      await page.getByRole('button', { name: 'Selesai' }).click();
      const closed = page.getByTestId('alert-task').filter({ hasText: MOTHER }).first();
      await closed.getByText(/Ditutup/).waitFor();
      await screenshot(page, 'workspace-6-task-closed-phone');

      // The mother's page offers the FHIR bundle; what it serves validates against the FHIR R4 definitions.
      await page.goto(`${origin}${motherPath}`);
      const link = page.getByRole('link', { name: 'Unduh FHIR' });
      await link.waitFor();
      const href = (await link.getAttribute('href')) ?? '';
      const response = await page.request.get(`${origin}${href}`);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'] ?? '', /^application\/fhir\+json/);
      const bundle = (await response.json()) as {
        resourceType: string;
        entry: { resource: { resourceType: string; [key: string]: unknown } }[];
      };
      assert.equal(bundle.resourceType, 'Bundle');
      assert.deepEqual(validateBundle(bundle), []);
      const kinds = new Set(bundle.entry.map((e) => e.resource.resourceType));
      for (const kind of ['Patient', 'RelatedPerson', 'Observation', 'CarePlan', 'Consent']) {
        assert.ok(kinds.has(kind), `the bundle has a ${kind}`);
      }
      const weights = bundle.entry.filter(
        (e) =>
          e.resource.resourceType === 'Observation' &&
          (e.resource.valueQuantity as { value?: number; code?: string } | undefined)?.code === 'g' &&
          (e.resource.valueQuantity as { value?: number }).value === 2750,
      );
      assert.equal(weights.length, 1, 'the weight the husband logged, in grams');
      assert.deepEqual(errors, []);
    } finally {
      await midwifePhone.close();
    }
  });
});
