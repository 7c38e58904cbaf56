import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mutation } from '@lancar/server/testing';
import type { Page } from 'playwright-core';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The midwife's caseload and tasks: Siti's husband reports jaundice from his phone; the midwife's home shows the
 * day's summary and the caseload with adherence, checklist, weight, alerts and last sync; she filters the list to
 * mothers with open alerts, opens her tasks, acknowledges the jaundice alert, records that she phoned, and closes
 * it with the outcome. At a desk and on a 360x640 phone.
 */
const availability = browserAvailability();

describe('caseload and alert tasks', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  async function journey(page: Page, name: string) {
    const errors = watchForErrors(page);
    await logIn(page, env.server.origin, 'bidan.sari');
    await page.getByTestId('alert-summary').waitFor();
    await page.getByText('Siti Aminah').first().waitFor();
    await screenshot(page, `${name}-caseload`);

    await page.getByRole('button', { name: /Saring dan urutkan/ }).click();
    await page.getByTestId('caseload-filters').getByLabel('Hanya yang ada tanda bahaya terbuka').check();
    await page.getByTestId('caseload-filters').getByLabel('Urutkan').selectOption('alerts');
    await page.waitForFunction(() => {
      const items = document.querySelectorAll('.case-list li');
      return items.length > 0 && [...items].every((li) => li.querySelector('[data-testid=alert-badge]'));
    });
    await screenshot(page, `${name}-caseload-filtered`);

    await page.goto(`${env.server.origin}/tugas`);
    const task = page
      .getByTestId('alert-task')
      .filter({ hasText: 'Siti Aminah' })
      .filter({ hasText: /kuning/i })
      .first();
    await task.waitFor();
    await screenshot(page, `${name}-tasks`);
    await task.getByRole('button', { name: 'Sudah dilihat' }).click();
    await page.getByRole('button', { name: 'Ditangani' }).click();
    const inProgress = page
      .getByTestId('alert-task')
      .filter({ hasText: 'Siti Aminah' })
      .filter({ hasText: /kuning/i })
      .first();
    await inProgress.getByRole('button', { name: 'Catat tindakan' }).click();
    await inProgress.getByLabel('Tindakan').selectOption('phoned');
    await inProgress.getByLabel('Catatan (boleh kosong)').fill('Disarankan ke puskesmas hari ini');
    await inProgress.getByRole('button', { name: 'Simpan tindakan' }).click();
    await inProgress.getByText('Menelepon keluarga').waitFor();
    await inProgress.getByRole('button', { name: 'Tutup dengan hasil' }).click();
    await inProgress.getByLabel('Hasil').selectOption('referred');
    await screenshot(page, `${name}-task-close`);
    await inProgress.getByRole('button', { name: 'Tutup tugas' }).click();
    await page.getByRole('button', { name: 'Selesai' }).click();
    await page
      .getByTestId('alert-task')
      .filter({ hasText: 'Siti Aminah' })
      .getByText(/Ditutup: Dirujuk/)
      .first()
      .waitFor();
    assert.deepEqual(errors, []);
  }

  it('shows the summary and caseload, and works a task from acknowledge to closed, at a desk and on a phone', async () => {
    const husband = env.server.client();
    const login = await husband.post('/api/auth/login', { login: '081200000011', password: 'demo-lancar' });
    assert.equal(login.status, 200, login.text);
    for (const device of ['desk', 'phone']) {
      const pushed = await husband.post('/api/sync/push', {
        deviceId: `e2e-alerts-${device}`,
        mutations: [mutation('danger_report', { signs: ['baby-jaundice'] })],
      });
      assert.equal(pushed.status, 200, pushed.text);
      const context = device === 'desk' ? await newDesktop(env.browser) : await newPhone(env.browser);
      try {
        await journey(await context.newPage(), `alert-tasks-${device}`);
      } finally {
        await context.close();
      }
    }
  });
});
