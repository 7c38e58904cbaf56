import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { DEMO, prePostStudyRequest } from '@lancar/server/testing';
import { browserAvailability, newPhone } from './support/browser.ts';
import { logIn, screenshot, sidewaysOverflow, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * Midwives, admins and researchers also work from a phone: no page of theirs may scroll sideways on a 360 px
 * screen. Wide tables and plots scroll inside their own box; the page itself stays put.
 */
const availability = browserAvailability();

describe('staff pages on a 360 px phone', { skip: 'skip' in availability ? availability.skip : false }, () => {
  const env = serverAndBrowser();

  /** Routes per demo account. */
  const ACCOUNTS = [
    {
      login: 'bidan.sari',
      routes: [
        '/',
        '/ibu',
        '/ibu-baru',
        '/tugas',
        '/ibu/:mother',
        '/laporan',
        '/laporan/kabupaten',
        '/pelatihan',
        '/pelatihan/sesi/:session',
        '/ekspor',
        '/pengaturan',
      ],
    },
    { login: DEMO.facilityAdmin, routes: ['/', '/audit', '/laporan'] },
    { login: DEMO.researcher, routes: ['/', '/studi', '/studi/:study', '/tinjauan', '/tinjauan/:review'] },
    { login: DEMO.systemAdmin, routes: ['/'] },
  ] as const;

  /**
   * The records behind the `:name` routes: the demo's first mother, and a study, a literature review and a group
   * training session made here with titles as long as real ones get, which are what used to push pages sideways.
   */
  let ids: Record<string, string> | undefined;
  async function recordIds(): Promise<Record<string, string>> {
    if (ids) return ids;
    const researcher = await env.server.loginAs(DEMO.researcher);
    const midwife = await env.server.loginAs(DEMO.midwife);
    const study = prePostStudyRequest(
      'Pengaruh pijat oksitosin oleh suami terhadap volume ASI perah ibu nifas primipara di Puskesmas Sukamaju, Kabupaten Contoh',
      demoId('facility:sukamaju'),
    );
    const createdStudy = await researcher.post('/api/studies', study);
    assert.equal(createdStudy.status, 201, createdStudy.text);
    const review = {
      id: newId(),
      title:
        'Kombinasi pijat oksitosin dan pijat laktasi terhadap produksi ASI ibu postpartum: tinjauan sistematis dan meta-analisis',
      question: 'Apakah pijat oksitosin yang diberikan keluarga menambah volume ASI perah pada minggu pertama?',
    };
    const createdReview = await researcher.post('/api/reviews', review);
    assert.equal(createdReview.status, 201, createdReview.text);
    const session = {
      id: newId(),
      heldOn: '2026-11-20',
      place: 'Aula Puskesmas Sukamaju, Jalan Raya Sukamaju Nomor 123, Kecamatan Sukamaju',
      facilitators: 'Bidan Sari Wulandari, Bidan Rina Kartika dan Kader Wati',
    };
    const createdSession = await midwife.post('/api/training/sessions', session);
    assert.equal(createdSession.status, 201, createdSession.text);
    ids = {
      mother: demoId('mother:siti'),
      study: study.definition.id,
      review: review.id,
      session: session.id,
    };
    return ids;
  }

  for (const { login, routes } of ACCOUNTS) {
    it(`${login}: no page is wider than the screen`, async () => {
      const ids = await recordIds();
      const context = await newPhone(env.browser);
      try {
        const page = await context.newPage();
        const errors = watchForErrors(page);
        await logIn(page, env.server.origin, login);
        const screenWidth = page.viewportSize()?.width ?? 0;
        assert.equal(screenWidth, 360);
        const tooWide: string[] = [];
        for (const route of routes) {
          const path = route.replace(/:(\w+)/, (_, name: string) => ids[name] ?? '');
          await page.goto(`${env.server.origin}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          const overflow = await sidewaysOverflow(page);
          if (overflow > 0) {
            tooWide.push(`${route} by ${overflow} px`);
            await screenshot(page, `too-wide-${login}${route.replaceAll(/[/:]/g, '-')}`);
          }
        }
        assert.deepEqual(tooWide, [], `pages wider than the ${screenWidth} px screen`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
