import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { mutation } from '@lancar/server/testing';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { createHousehold } from './support/household.ts';
import {
  logIn,
  SCREENSHOTS,
  screenshot,
  sidewaysOverflow,
  waitUntilControlledByServiceWorker,
  watchForErrors,
} from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The midwife's page for one mother: the household has logged four days on the husband's phone; on day 5 the midwife
 * sees KF1 missed and KF2 due, records KF2 with what she observed, reads the timeline and charts, sends a message,
 * and the husband's phone shows the message on its home screen after sync. At a desk and on a 360x640 phone.
 */
const availability = browserAvailability();
const HOUR = 3600_000;

describe('the mother’s page', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('shows visits, timeline and charts, records a KF2 visit and sends a message the household receives', async () => {
    const household = await createHousehold(env.server, 4 * 24 + 6);
    const husband = env.server.client();
    const login = await husband.post('/api/auth/login', {
      login: household.companionLogin,
      password: household.password,
    });
    assert.equal(login.status, 200, login.text);
    const at = (hours: number) => ({
      occurredAt: new Date(household.deliveredAt.getTime() + hours * HOUR),
      motherId: household.motherId,
    });
    const baby = (hours: number) => ({ ...at(hours), babyId: household.babyId });
    const mutations = [];
    for (let day = 0; day < 4; day++) {
      for (let feed = 0; feed < 6 + day; feed++) {
        mutations.push(mutation('feed', { side: 'both', durationMinutes: 15 }, baby(day * 24 + 1 + feed * 2.5)));
      }
      for (let n = 0; n < day + 1; n++) {
        mutations.push(mutation('nappy', { wet: true, dirty: false, stoolColour: null }, baby(day * 24 + 3 + n * 4)));
      }
      mutations.push(mutation('expression', { leftMl: 2 + day * 3, rightMl: 1 + day * 2 }, at(day * 24 + 10)));
      mutations.push(mutation('weight', { grams: [3000, 2850, 2790, 2820][day] ?? 2800 }, baby(day * 24 + 12)));
    }
    // Yellow skin reported on day 4: an alert the midwife sees as a task and on the timeline.
    mutations.push(mutation('danger_report', { signs: ['baby-jaundice'] }, at(3 * 24 + 14)));
    const pushed = await husband.post('/api/sync/push', { deviceId: 'e2e-mother-page', mutations });
    assert.equal(pushed.status, 200, pushed.text);

    const message = 'Besok pagi bidan datang untuk KF3. Terus susui bayi 8-12 kali sehari.';
    const desk = await newDesktop(env.browser);
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, 'bidan.sari');
      await page.goto(`${env.server.origin}/ibu/${household.motherId}`);
      await page.getByTestId('kf-KF1').getByText('Terlewat').waitFor();
      await page.getByTestId('kf-KF2').getByText('Waktunya sekarang').waitFor();
      await page.getByTestId('next-visit').getByText('Berikutnya: KF2').waitFor();
      await page.getByTestId('mother-charts').locator('svg').first().waitFor();
      // The records table comes with the timeline, a request of its own that may answer after the charts.
      const recordRows = page.getByTestId('records').locator('tbody tr');
      await recordRows.nth(3).waitFor();
      assert.equal(await recordRows.count(), 4);
      assert.equal(await page.getByTestId('fhir-link').getAttribute('href'), `/api/mothers/${household.motherId}/fhir`);
      await page.getByTestId('header-companions').getByText('Pak Pendamping').waitFor();
      await page.getByTestId('header-companions').getByText('Belum mulai').waitFor();
      await page.getByTestId('alert-task-panel').waitFor();
      await page.getByTestId('timeline').locator('[data-kind=alert]').first().waitFor();

      await page.getByTestId('record-visit').click();
      const form = page.getByTestId('visit-form');
      assert.equal(await form.locator('select[name=visitCode]').inputValue(), 'KF2', 'the open window is suggested');
      await form.locator('select[name=place]').selectOption('home');
      await form.locator('input[name=temperatureC]').fill('36.8');
      await form.locator('input[name=systolic]').fill('115');
      await form.locator('input[name=diastolic]').fill('75');
      await form.locator('select[name=breasts]').selectOption('engorged');
      await form.locator('input[name=weight-0]').fill('2840');
      await form.locator('select[name=jaundice-0]').selectOption('no');
      await form.locator('select[name=latch-0]').selectOption('yes');
      await form.locator('textarea[name=notes]').fill('Payudara bengkak, diajari perah tangan.');
      await page.getByTestId('save-visit').click();
      await page.getByTestId('kf-KF2').getByText('Sudah').waitFor();
      await page.getByTestId('visit-item').getByText('payudara bengkak').first().waitFor();
      await page.getByTestId('next-visit').getByText('Berikutnya: KF3').waitFor();

      await page.fill('textarea[name=message]', message);
      await page.getByTestId('send-message').click();
      await page.getByText('Pesan terkirim.').waitFor();
      const timeline = page.getByTestId('timeline');
      await timeline.getByText(message).waitFor();
      await timeline.locator('[data-kind=visit]').first().waitFor();
      assert.ok((await timeline.locator('[data-kind=feed]').count()) > 0);

      // Filter: only the visits and messages.
      await page.getByTestId('filter-visit').click();
      await page.getByTestId('filter-message').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid=timeline] [data-kind]')].every((e) =>
          ['visit', 'message'].includes(e.getAttribute('data-kind') ?? ''),
        ),
      );
      assert.equal(await timeline.locator('[data-kind]').count(), 2);
      await page.getByTestId('filter-visit').click();
      await page.getByTestId('filter-message').click();
      await screenshot(page, 'mother-page-desktop');
      // What the midwife sees first, and the timeline scrolled into view (full-page shots are very tall).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-desktop-top.png') });
      await timeline.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-desktop-timeline.png') });
      assert.deepEqual(errors, []);
    } finally {
      await desk.close();
    }

    // The same page on a phone during a home visit.
    const midwifePhone = await newPhone(env.browser);
    try {
      const page = await midwifePhone.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, 'bidan.sari');
      await page.goto(`${env.server.origin}/ibu/${household.motherId}`);
      await page.getByTestId('timeline').getByText(message).waitFor();
      await page.getByTestId('mother-charts').locator('svg').first().waitFor();
      const overflow = await sidewaysOverflow(page);
      assert.ok(overflow <= 0, `the page fits 360 px (overflows by ${overflow} px)`);
      await screenshot(page, 'mother-page-phone');
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-phone-top.png') });
      await page.getByTestId('visits').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-phone-visits.png') });
      await page.getByTestId('mother-charts').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-phone-charts.png') });
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'mother-page-phone-timeline.png') });
      assert.deepEqual(errors, []);
    } finally {
      await midwifePhone.close();
    }

    // The husband's phone gets the message with the next sync and shows it on the home screen.
    const phone = await newPhone(env.browser);
    try {
      const page = await phone.newPage();
      await logIn(page, env.server.origin, household.companionLogin, household.password);
      await page.getByTestId('household-messages').getByText(message).waitFor();
      await screenshot(page, 'mother-page-household-message-phone');
      // Kept on the phone: it is still there offline, once the app shell is cached.
      await waitUntilControlledByServiceWorker(page);
      await page.getByTestId('household-messages').getByText(message).waitFor();
      await phone.setOffline(true);
      await page.reload();
      await page.getByTestId('household-messages').getByText(message).waitFor();
    } finally {
      await phone.close();
    }
  });
});
