import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LESSONS, QUIZ_ITEMS, SKILL_CHECKLIST } from '@lancar/content/training';
import type { Page } from 'playwright-core';
import { browserAvailability, newPhone } from './support/browser.ts';
import { createHousehold } from './support/household.ts';
import { logIn, screenshot, waitUntilControlledByServiceWorker, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * A husband learns the massage on a 360x640 phone without a connection: the pre-test (closing and reopening the app
 * in the middle keeps his answers and the order of the questions), every lesson, and the post-test, which he passes
 * and whose answers are then explained. Back online, the outbox empties and the midwife sees him as having passed
 * the test, with both scores, on her own phone, and records the skill check she watches: he is competent.
 */
const availability = browserAvailability();
const COUNT = QUIZ_ITEMS.length;

/** The item on screen, once the counter shows question `number`. */
async function itemOnScreen(page: Page, number: number): Promise<string> {
  await page.getByTestId('quiz-count').getByText(`${number} / ${COUNT}`, { exact: true }).waitFor();
  return (await page.getByTestId('quiz-question').getAttribute('data-item')) ?? '';
}

function correctOption(itemId: string): string {
  const item = QUIZ_ITEMS.find((i) => i.id === itemId);
  assert.ok(item, `unknown item ${itemId} on screen`);
  return item.correctOptionId;
}

function wrongOption(itemId: string): string {
  const item = QUIZ_ITEMS.find((i) => i.id === itemId);
  const wrong = item?.options.find((o) => o.id !== item.correctOptionId);
  assert.ok(wrong);
  return wrong.id;
}

describe('companion training on the phone', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('takes both tests and every lesson offline, then the midwife sees the result', async () => {
    const household = await createHousehold(env.server, 30);
    const companion = await env.server.loginAs(household.companionLogin, household.password);
    const companionId = (await companion.get('/api/auth/me')).body.userId as string;

    const context = await newPhone(env.browser);
    let preScore = '';
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, household.companionLogin, household.password);
      await waitUntilControlledByServiceWorker(page);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor();
      await page.getByTestId('training-card-status').getByText('Belum mulai').waitFor();

      await context.setOffline(true);
      await page.getByTestId('training-card').getByRole('link').click();
      await page.getByTestId('training-status').getByText('Belum mulai').waitFor();
      await screenshot(page, 'training-home-start-phone');

      // The post-test first: the app explains that the pre-test comes first.
      await page.goto(`${env.server.origin}/belajar/tes/post`);
      await page.getByTestId('pre-test-first').waitFor();
      await page.goto(`${env.server.origin}/belajar`);

      // Pre-test: five answers, then the app is closed and opened again.
      await page.getByTestId('training-next').click();
      await page.getByTestId('test-start').click();
      for (let n = 1; n <= 5; n++) {
        const itemId = await itemOnScreen(page, n);
        await page.getByTestId(`option-${wrongOption(itemId)}`).click();
        await page.getByTestId('quiz-next').click();
      }
      const sixth = await itemOnScreen(page, 6);
      await page.reload();
      assert.equal(await itemOnScreen(page, 6), sixth, 'the same question after reopening');
      await page.getByTestId('quiz-back').click();
      assert.equal(await page.locator('.quiz-options input:checked').count(), 1, 'the answer before closing is kept');
      await page.getByTestId('quiz-next').click();
      for (let n = 6; n <= COUNT; n++) {
        const itemId = await itemOnScreen(page, n);
        // Leave the last question blank, then fill it in after the warning.
        if (n < COUNT) await page.getByTestId(`option-${wrongOption(itemId)}`).click();
        await page.getByTestId('quiz-next').click();
      }
      await page.getByTestId('quiz-blanks').getByText('1 soal belum dijawab.').waitFor();
      await screenshot(page, 'training-pre-blank-warning-phone');
      await page.getByTestId('quiz-blanks').getByRole('button').click();
      const last = await itemOnScreen(page, COUNT);
      await page.getByTestId(`option-${correctOption(last)}`).click();
      await page.getByTestId('quiz-next').click();
      await page.getByTestId('quiz-answered').getByText(`${COUNT} dari ${COUNT} soal dijawab.`).waitFor();
      await page.getByTestId('quiz-send').click();
      await page.getByTestId('pre-result').waitFor();
      preScore = (await page.getByTestId('test-score').textContent()) ?? '';
      assert.match(preScore, /^Nilai \d+$/);
      assert.equal(await page.getByTestId('quiz-review').count(), 0, 'no answers after the pre-test');
      await screenshot(page, 'training-pre-result-phone');

      // Every lesson, page by page.
      await page.getByTestId('start-lessons').click();
      for (const [index, lesson] of LESSONS.entries()) {
        await page.getByTestId('lesson-title').getByText(lesson.title.id, { exact: true }).waitFor();
        for (let p = 1; p < lesson.pages.length; p++) await page.getByTestId('lesson-next').click();
        await page.getByTestId('lesson-finished').waitFor();
        if (index === 2) await screenshot(page, 'training-lesson-last-page-phone');
        if (index < LESSONS.length - 1) await page.getByTestId('lesson-following').click();
        else await page.getByTestId('lesson-done').click();
      }
      await page.getByTestId('path-lessons').getByText(`${LESSONS.length} dari ${LESSONS.length} selesai`).waitFor();
      await page.getByTestId('training-status').getByText('Sedang belajar').waitFor();

      // Post-test: two answers wrong (16 of 18, 89), which passes the mark of 80.
      await page.getByTestId('training-next').click();
      await page.getByTestId('test-start').click();
      const wrongOnPurpose: string[] = [];
      for (let n = 1; n <= COUNT; n++) {
        const itemId = await itemOnScreen(page, n);
        const wrong = n === 3 || n === 11;
        if (wrong) wrongOnPurpose.push(itemId);
        await page.getByTestId(`option-${wrong ? wrongOption(itemId) : correctOption(itemId)}`).click();
        await page.getByTestId('quiz-next').click();
      }
      await page.getByTestId('quiz-send').click();
      await page.getByTestId('post-passed').waitFor();
      assert.equal((await page.getByTestId('test-score').textContent())?.trim(), 'Nilai 89');
      const review = page.getByTestId('quiz-review');
      for (const itemId of wrongOnPurpose) {
        const row = review.getByTestId(`review-${itemId}`);
        const item = QUIZ_ITEMS.find((i) => i.id === itemId);
        await row.getByText(item?.explanation.id ?? '').waitFor();
        await row.getByTestId('review-correct').waitFor();
        const lessonLink = await row.getByTestId('review-lesson').getAttribute('href');
        assert.equal(lessonLink, `/belajar/materi/${item?.lesson}`);
      }
      assert.equal(await review.getByTestId('review-lesson').count(), 2, 'a lesson link only for the wrong ones');
      assert.equal(await review.locator('li').count(), COUNT);
      await screenshot(page, 'training-post-review-phone');

      // Back home: ten records wait (pre-test, eight lessons, post-test); online, they all go.
      await page.goto(`${env.server.origin}/`);
      const waiting = `${2 + LESSONS.length} catatan menunggu dikirim`;
      await page.getByTestId('sync-status').getByText(waiting).waitFor();
      await page.getByTestId('training-card-status').getByText('Lulus tes akhir').waitFor();
      await context.setOffline(false);
      await page.getByTestId('sync-status').getByText('Semua catatan sudah terkirim').waitFor({ timeout: 60_000 });
      await page.goto(`${env.server.origin}/belajar`);
      await page.getByTestId('training-status').getByText('Lulus tes akhir').waitFor();
      assert.equal(await page.getByTestId('training-pending').count(), 0);
      await screenshot(page, 'training-home-passed-phone');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }

    // The midwife, on her own phone, finds him among the companions who passed the test, sees both scores, and
    // records the return demonstration she watches.
    const midwifePhone = await newPhone(env.browser);
    try {
      const page = await midwifePhone.newPage();
      const errors = watchForErrors(page);
      await logIn(page, env.server.origin, 'bidan.sari');
      await page.goto(`${env.server.origin}/pelatihan`);
      await page.locator('[data-filter=passed_test]').click();
      await page.getByTestId('companion-list').locator(`a[href="/pelatihan/pendamping/${companionId}"]`).click();
      await page.waitForURL(`${env.server.origin}/pelatihan/pendamping/${companionId}`);
      await page.locator('.staff-status-passed_test').waitFor();
      assert.equal(`Nilai ${await page.getByTestId('pre-score').textContent()}`, preScore);
      assert.equal(await page.getByTestId('post-score').textContent(), '89');
      const form = page.getByTestId('skill-check-form');
      for (const step of SKILL_CHECKLIST.steps) {
        await form.getByTestId(`step-${step.id}`).locator('label.staff-mark-pass').click();
      }
      await form.locator('.staff-verdict-passes').waitFor();
      await form.locator('button[type=submit]').click();
      await page.getByTestId('skill-check-saved').waitFor();
      await page.locator('.staff-status-competent').waitFor();
      await screenshot(page, 'training-midwife-skill-check-phone');
      assert.deepEqual(errors, []);
    } finally {
      await midwifePhone.close();
    }

    const midwife = await env.server.loginAs('bidan.sari');
    const seen = await midwife.get(`/api/training/companions/${companionId}`);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.body.status, 'competent');
    assert.equal(`Nilai ${seen.body.preScore}`, preScore);
    assert.equal(seen.body.postScore, 89);
    assert.deepEqual([...seen.body.lessonsDone].sort(), LESSONS.map((l) => l.id).sort());
    assert.equal(seen.body.attempts.length, 2, 'each test exactly once');
    assert.equal(seen.body.skillChecks.length, 1);
  });
});
