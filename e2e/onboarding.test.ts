import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * A midwife enrols a mother at her desk and hands over an activation code; the mother opens the code's link on her
 * phone, sets a password and sees her home. Then the midwife adds the husband, who does the same.
 */
const availability = browserAvailability();

describe('onboarding a household with activation codes', {
  skip: 'skip' in availability ? availability.skip : false,
}, () => {
  const env = serverAndBrowser();

  it('enrols a mother, who activates her account on her phone; then her husband', async () => {
    const desk = await newDesktop(env.browser);
    const phone = await newPhone(env.browser);
    const husbandPhone = await newPhone(env.browser);
    try {
      const midwife = await desk.newPage();
      const deskErrors = watchForErrors(midwife);
      await logIn(midwife, env.server.origin, 'bidan.sari');
      await midwife.getByRole('link', { name: '+ Daftarkan ibu' }).click();
      await midwife.getByRole('heading', { name: 'Daftarkan ibu' }).waitFor();
      await midwife.fill('input[name=fullName]', 'Lestari Wulandari');
      await midwife.fill('input[name=phone]', '0812 9000 1234');
      await midwife.fill('input[name=village]', 'Desa Mekarsari');
      await midwife.selectOption('select[name=deliveryMode]', 'vaginal');
      await midwife.selectOption('select[name=parity]', 'primipara');
      await midwife.selectOption('select[name=babySex0]', 'female');
      await midwife.fill('input[name=babyWeight0]', '3150');
      await midwife.check('input[name=consentCare]');
      await midwife.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await midwife.getByRole('heading', { name: 'Ibu terdaftar' }).waitFor();
      const code = (await midwife.getByTestId('activation-code').textContent())?.trim() ?? '';
      assert.match(code, /^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
      assert.ok(await midwife.getByRole('img', { name: 'Kode QR untuk aktivasi' }).isVisible());
      await screenshot(midwife, 'onboarding-1-enrolled-desktop');

      // The QR code leads to /aktivasi?kode=...: the mother's phone opens that link.
      const mother = await phone.newPage();
      const phoneErrors = watchForErrors(mother);
      await mother.goto(`${env.server.origin}/aktivasi?kode=${encodeURIComponent(code)}`);
      await mother.getByRole('button', { name: 'Periksa kode' }).click();
      await mother.getByText('Lestari Wulandari').waitFor();
      await mother.fill('input[name=password]', 'lestari-asi-2026');
      await mother.fill('input[name=repeat]', 'lestari-asi-2026');
      await screenshot(mother, 'onboarding-2-set-password-phone');
      await mother.getByRole('button', { name: 'Simpan dan masuk' }).click();
      await mother.getByRole('heading', { name: 'Halo, Ibu Lestari Wulandari' }).waitFor();
      await mother.getByText('berat lahir 3.150 g').waitFor();
      await screenshot(mother, 'onboarding-3-mother-home-phone');

      // Back at the desk: the mother's record, now active, and her husband added.
      await midwife.getByRole('link', { name: 'Buka catatan ibu dan tambah pendamping' }).click();
      await midwife.getByRole('heading', { name: 'Lestari Wulandari' }).waitFor();
      await midwife.getByText('Aktif').first().waitFor();
      await midwife.fill('input[name=companionName]', 'Rudi Hartono');
      await midwife.fill('input[name=companionPhone]', '0812-9000-5678');
      await midwife.getByRole('button', { name: 'Tambah dan buat kode aktivasi' }).click();
      await midwife.getByRole('heading', { name: 'Kode aktivasi untuk Rudi Hartono' }).waitFor();
      const husbandCode = (await midwife.getByTestId('activation-code').textContent())?.trim() ?? '';
      await screenshot(midwife, 'onboarding-4-companion-code-desktop');

      // The husband types the code by hand, in lower case.
      const husband = await husbandPhone.newPage();
      await husband.goto(`${env.server.origin}/masuk`);
      await husband.getByRole('link', { name: 'Baru pertama kali? Pakai kode aktivasi dari bidan' }).click();
      await husband.fill('input[name=code]', husbandCode.toLowerCase());
      await husband.getByRole('button', { name: 'Periksa kode' }).click();
      await husband.fill('input[name=password]', 'rudi-pendamping');
      await husband.fill('input[name=repeat]', 'rudi-pendamping-typo');
      await husband.getByRole('button', { name: 'Simpan dan masuk' }).click();
      await husband.getByText('Kedua kata sandi belum sama.').waitFor();
      await husband.fill('input[name=repeat]', 'rudi-pendamping');
      await husband.getByRole('button', { name: 'Simpan dan masuk' }).click();
      await husband.getByRole('heading', { name: 'Halo, Rudi Hartono' }).waitFor();
      await husband.getByRole('heading', { name: 'Lestari Wulandari' }).waitFor();
      await screenshot(husband, 'onboarding-5-husband-home-phone');

      // The code is spent: using it again fails with a message that says what to do.
      const again = await (await newPhone(env.browser)).newPage();
      await again.goto(`${env.server.origin}/aktivasi?kode=${encodeURIComponent(code)}`);
      await again.getByRole('button', { name: 'Periksa kode' }).click();
      await again.getByText('Kode aktivasi tidak berlaku').waitFor();
      await again.getByText('minta kode baru kepada bidan Anda', { exact: false }).waitFor();
      await again.context().close();

      assert.deepEqual([...deskErrors, ...phoneErrors], []);
    } finally {
      await desk.close();
      await phone.close();
      await husbandPhone.close();
    }
  });
});
