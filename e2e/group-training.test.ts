import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUIZ_ITEMS, SKILL_CHECKLIST } from '@lancar/content/training';
import { newId } from '@lancar/domain';
import type { Page } from 'playwright-core';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, screenshot, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * The midwife runs a group training at a posyandu and types the paper answer sheets into Lancar at her desk; the
 * results must be R's. Then, on her phone, she watches a companion's return demonstration and records it.
 *
 * The 25 pairs, checked in R (the same data as apps/server/src/routes/training/results.test.ts):
 *   pre  <- c(40,45,50,35,55,60,45,50,40,65,30,55,50,45,60,35,50,40,55,45,50,60,40,45,50)
 *   post <- pre + c(30,35,25,40,30,20,35,30,45,25,40,30,35,30,20,45,30,35,25,40,30,25,35,30,40)
 *   shapiro.test(post - pre): W = 0.94349, p = 0.1782, normal -> t.test(post, pre, paired = TRUE):
 *   t = 23.218, df = 24, p-value < 2.2e-16; mean difference 32.2, 95% CI 29.33770 35.06230
 *   mean(pre) 47.8, sd(pre) 8.789198; mean(post) 80, sd(post) 5.400617
 * A 26th participant has a pre-test but a post-test sheet with blanks: partial, so "incomplete", not a pair.
 */
const PRE = [40, 45, 50, 35, 55, 60, 45, 50, 40, 65, 30, 55, 50, 45, 60, 35, 50, 40, 55, 45, 50, 60, 40, 45, 50];
const CHANGE = [30, 35, 25, 40, 30, 20, 35, 30, 45, 25, 40, 30, 35, 30, 20, 45, 30, 35, 25, 40, 30, 25, 35, 30, 40];
const POST = PRE.map((score, i) => score + (CHANGE[i] ?? 0));
const PEOPLE = 26;
/** Participant 3's pre-test (50) is typed letter by letter from the sheet: 9 of 18 right is 50. */
const BY_ITEM = 2;
/** Participant 10's pre-test (65) is first mistyped as 56, then corrected. */
const MISTYPED = 9;

const nameOf = (index: number) => `Peserta ${String(index + 1).padStart(2, '0')}`;

/** The letters circled on a sheet with the first `right` questions right, the others wrong, the last `blank` empty. */
function sheetLetters(right: number, blank = 0): string {
  return QUIZ_ITEMS.map((item, i) => {
    if (i >= QUIZ_ITEMS.length - blank) return '-';
    if (i < right) return item.correctOptionId;
    return item.options.find((o) => o.id !== item.correctOptionId)?.id ?? '-';
  }).join('');
}

const row = (page: Page, index: number) => page.getByTestId('participant').nth(index);
const phaseChoice = (page: Page, phase: 'pre' | 'post') =>
  page.locator('label.staff-segment', { has: page.locator(`input[name=phase][value=${phase}]`) });
const modeChoice = (page: Page, mode: 'score' | 'items') =>
  page.locator('label.staff-segment', { has: page.locator(`input[name=mode][value=${mode}]`) });

/** Waits until the form has put the cursor in the named field (after a save, or a change of test or mode). */
async function focusIn(page: Page, name: string): Promise<void> {
  await page.waitForFunction((field) => document.activeElement?.getAttribute('name') === field, name);
}

/** Waits until participant `index` shows `score` for the phase: the sheet was saved and the form moved on. */
async function savedScore(page: Page, index: number, phase: 'pre' | 'post', score: number): Promise<void> {
  await row(page, index)
    .getByTestId(`sheet-${phase}`)
    .locator('.staff-score')
    .getByText(String(score), { exact: true })
    .waitFor();
}

const availability = browserAvailability();

describe('group training and skill check', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  it('enters 26 paper sheets of a group session and shows the pre-post results as R computes them', async () => {
    const desk = await newDesktop(env.browser);
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      const origin = env.server.origin;
      await logIn(page, origin, 'bidan.sari');
      await page.goto(`${origin}/pelatihan`);

      await page.getByTestId('new-session').click();
      const form = page.getByTestId('new-session-form');
      await form.locator('input[name=heldOn]').fill('2026-11-12');
      await form.locator('input[name=place]').fill('Posyandu Mawar, Desa Uji');
      await form.locator('button[type=submit]').click();
      await page.waitForURL(/\/pelatihan\/sesi\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Posyandu Mawar, Desa Uji' }).waitFor();

      // Registering: type a name, Enter, the name field is empty and focused for the next one.
      await page.locator('input[name=participantName]').click();
      for (let i = 0; i < PEOPLE; i++) {
        await page.keyboard.type(nameOf(i));
        await page.keyboard.press('Enter');
        await row(page, i).getByText(nameOf(i)).waitFor();
      }
      assert.equal(await page.getByTestId('participant').count(), PEOPLE);

      // Pre-tests from paper, by keyboard only: score, Enter, and the form is on the next participant.
      const entry = page.getByTestId('sheet-entry');
      await entry.locator('input[name=score]').click();
      // A score out of range is refused next to the field, and nothing is sent.
      await page.keyboard.type('120');
      await page.locator('#staff-score-error').waitFor();
      assert.equal(await entry.locator('input[name=score]').getAttribute('aria-invalid'), 'true');
      await page.keyboard.press('Enter');
      assert.equal(await row(page, 0).getByTestId('sheet-pre').locator('.staff-score').count(), 0);
      await entry.locator('input[name=score]').fill('');
      for (let i = 0; i < PEOPLE; i++) {
        const score = i === PEOPLE - 1 ? 55 : i === MISTYPED ? 56 : (PRE[i] ?? 0);
        if (i === BY_ITEM) {
          await modeChoice(page, 'items').click();
          await focusIn(page, 'answer-1');
          await page.keyboard.type(sheetLetters(9));
          await entry.getByTestId('boxes-summary').getByText(/50/).waitFor();
          await page.keyboard.press('Enter');
          await savedScore(page, i, 'pre', 50);
          await modeChoice(page, 'score').click();
          await focusIn(page, 'score');
          continue;
        }
        await focusIn(page, 'score');
        await page.keyboard.type(String(score));
        await page.keyboard.press('Enter');
        await savedScore(page, i, 'pre', score);
      }
      await screenshot(page, 'group-training-pre-entered-desktop');

      // The mistyped sheet is corrected from its row: the form says it replaces the saved one.
      await row(page, MISTYPED).getByTestId('sheet-pre').locator('button').click();
      // The form was already correcting the last participant's sheet; wait until it is on the one clicked.
      const mistypedId = await participantId(page, MISTYPED);
      await page.waitForFunction(
        (id) =>
          document.querySelector<HTMLSelectElement>('[data-testid=sheet-entry] select[name=participant]')?.value === id,
        mistypedId,
      );
      await entry.getByTestId('correcting').waitFor();
      assert.equal(await entry.locator('input[name=score]').inputValue(), '56');
      await entry.locator('input[name=score]').fill('65');
      await page.keyboard.press('Enter');
      await savedScore(page, MISTYPED, 'pre', 65);

      // Post-tests: 25 totals, then the 26th sheet item by item with three questions left blank.
      await phaseChoice(page, 'post').click();
      await focusIn(page, 'score');
      assert.equal(await entry.locator('select[name=participant]').inputValue(), await participantId(page, 0));
      for (let i = 0; i < PEOPLE - 1; i++) {
        await focusIn(page, 'score');
        await page.keyboard.type(String(POST[i]));
        await page.keyboard.press('Enter');
        await savedScore(page, i, 'post', POST[i] ?? 0);
      }
      await modeChoice(page, 'items').click();
      await focusIn(page, 'answer-1');
      await page.keyboard.type(sheetLetters(13, 3));
      await page.keyboard.press('Enter');
      await row(page, PEOPLE - 1)
        .getByTestId('sheet-post')
        .locator('.staff-partial')
        .waitFor();
      await entry
        .getByTestId('sheet-saved')
        .getByText(/sebagian/)
        .waitFor();

      // The results, as R has them.
      const results = page.getByTestId('results');
      await results.getByTestId('results-pairs').getByText('25', { exact: true }).waitFor();
      await results.getByTestId('summary-pre-mean').getByText('47,8 (8,79)', { exact: true }).waitFor();
      assert.equal(await results.getByTestId('summary-post-mean').textContent(), '80,0 (5,40)');
      const change = (await results.getByTestId('results-change').textContent()) ?? '';
      assert.match(change, /\+32,2/);
      assert.match(change, /29,34 sampai 35,06/);
      const test = (await results.getByTestId('results-test').textContent()) ?? '';
      assert.match(test, /Uji t berpasangan: t\(24\) = 23,22; p < 0,001/);
      const reason = (await results.getByTestId('results-test-reason').textContent()) ?? '';
      assert.match(reason, /Shapiro-Wilk W = 0,943, p = 0,18/);
      assert.match(reason, /uji t berpasangan/);
      assert.match((await results.getByTestId('results-effect').textContent()) ?? '', /^4,50 /);
      assert.match(
        (await results.getByTestId('results-left-out').textContent()) ?? '',
        /Dari 26 peserta, tidak ikut dihitung: 1 dengan lembar belum lengkap\./,
      );
      // Two sheets were entered item by item, so the hardest questions can be shown.
      assert.equal(await results.getByTestId('results-items').locator('tbody tr').count(), QUIZ_ITEMS.length);
      assert.equal(errors.length, 0, errors.join('\n'));
      await screenshot(page, 'group-training-results-desktop');

      // The printable PDF and the CSV are plain downloads carrying the session cookie.
      const pdfHref = await results.getByTestId('download-pdf').getAttribute('href');
      const pdf = await page.request.get(`${origin}${pdfHref}`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
      const csvHref = await results.getByTestId('download-csv').getAttribute('href');
      const csv = await page.request.get(`${origin}${csvHref}`);
      assert.equal(csv.status(), 200);
      assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(lines.length, 1 + PEOPLE);
      assert.match(lines.find((l) => l.startsWith(`${nameOf(BY_ITEM)},`)) ?? '', /,50,75,25,paired,/);
      assert.match(lines.find((l) => l.startsWith(`${nameOf(PEOPLE - 1)},`)) ?? '', /,incomplete,/);

      // Attendance is kept per participant; registered at the event counts as present until unticked.
      await row(page, PEOPLE - 1)
        .locator('input[type=checkbox]')
        .uncheck();
      await page
        .getByTestId('session-counts')
        .getByText(/26 terdaftar · 25 hadir/)
        .waitFor();

      // The walk-in with the partial sheet is invited as a companion: code shown, participation linked.
      await row(page, PEOPLE - 1)
        .getByTestId('invite')
        .click();
      const invite = page.getByTestId('invite-companion');
      await invite.locator('select[name=motherId] option').first().waitFor({ state: 'attached' });
      await invite.locator('input[name=invitePhone]').fill('0812 9911 2626');
      await invite.locator('button[type=submit]').click();
      await page.getByTestId('activation-code').waitFor();
      await row(page, PEOPLE - 1)
        .locator(`a[href^="/pelatihan/pendamping/"]`)
        .waitFor();
      assert.equal(
        await row(page, PEOPLE - 1)
          .getByTestId('invite')
          .count(),
        0,
      );
      assert.equal(errors.length, 0, errors.join('\n'));
    } finally {
      await desk.close();
    }
  });

  it('records a passed return demonstration on a phone, and the companion becomes competent', async () => {
    // Budi passes the knowledge test at a group session entered through the API.
    const midwife = await env.server.loginAs('bidan.sari');
    const companions = (await midwife.get('/api/training/companions')).body.companions as {
      userId: string;
      displayName: string;
    }[];
    const budi = companions.find((c) => c.displayName === 'Budi Santoso');
    assert.ok(budi, 'demo companion Budi');
    const sessionId = newId();
    await midwife.post('/api/training/sessions', {
      id: sessionId,
      heldOn: '2026-11-20',
      place: 'Puskesmas',
      facilitators: 'Bidan Sari',
    });
    const participant = newId();
    assert.equal(
      (await midwife.post(`/api/training/sessions/${sessionId}/participants`, { id: participant, userId: budi.userId }))
        .status,
      201,
    );
    const sheets = `/api/training/sessions/${sessionId}/participants/${participant}/sheets`;
    assert.equal((await midwife.post(sheets, { id: newId(), phase: 'pre', score: 50 })).status, 201);
    assert.equal((await midwife.post(sheets, { id: newId(), phase: 'post', score: 89 })).status, 201);

    const phone = await newPhone(env.browser);
    try {
      const page = await phone.newPage();
      const errors = watchForErrors(page);
      const origin = env.server.origin;
      await logIn(page, origin, 'bidan.sari');
      await page.goto(`${origin}/pelatihan`);
      await page.locator('[data-filter=passed_test]').click();
      await page.getByTestId('companion-list').getByText('Budi Santoso').click();
      await page.waitForURL(`${origin}/pelatihan/pendamping/${budi.userId}`);
      await page.locator('.staff-status-passed_test').waitFor();

      const form = page.getByTestId('skill-check-form');
      const verdict = form.getByTestId('skill-verdict');
      const mark = (stepId: string, result: 'pass' | 'fail') =>
        form.getByTestId(`step-${stepId}`).locator(`label.staff-mark-${result}`).click();
      // A critical step failed: "not yet", whatever the rest.
      await mark('pressure', 'fail');
      await form.locator('.staff-verdict-not_yet').waitFor();
      assert.match((await verdict.textContent()) ?? '', /Tekanan yang nyaman \(kritis\)/);
      // Saving with steps unmarked is refused on the form, naming them.
      await form.locator('button[type=submit]').click();
      assert.ok((await form.locator('.staff-step-missing').count()) > 0);
      await screenshot(page, 'skill-check-marking-phone');
      for (const step of SKILL_CHECKLIST.steps) await mark(step.id, 'pass');
      await form.locator('.staff-verdict-passes').waitFor();
      assert.equal(await form.locator('.staff-step-missing').count(), 0);
      await form.locator('button[type=submit]').click();
      await page.getByTestId('skill-check-saved').waitFor();
      await page.locator('.staff-status-competent').waitFor();
      // Competent: the checklist folds away until someone wants to record another check.
      await page.getByTestId('check-again').waitFor();
      await page
        .getByTestId('skill-check-history')
        .locator('li')
        .first()
        .getByText('Bidan Sari Wulandari', { exact: false })
        .waitFor();
      assert.equal((await midwife.get(`/api/training/companions/${budi.userId}`)).body.status, 'competent');
      assert.equal(errors.length, 0, errors.join('\n'));
      await screenshot(page, 'skill-check-competent-phone');
    } finally {
      await phone.close();
    }
  });
});

/** The option value of participant `index` in the sheet form's list. */
async function participantId(page: Page, index: number): Promise<string> {
  return (
    (await page
      .getByTestId('sheet-entry')
      .locator('select[name=participant] option')
      .nth(index)
      .getAttribute('value')) ?? ''
  );
}
