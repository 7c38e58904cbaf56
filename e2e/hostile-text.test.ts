import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { mutation, prePostStudyRequest, type TestClient, XSS_FLAG, XSS_PAYLOADS } from '@lancar/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, watchForErrors } from './support/journey.ts';
import { serverAndBrowser } from './support/web-server.ts';

/**
 * Stored XSS: script payloads are written through the API into every free-text field people type (mother, baby,
 * companion and staff names, villages and addresses, messages, visit notes, alert notes, training sessions and
 * participants, skill-check notes, study and review titles, imported references, extraction fields, facility
 * names), then every page that shows them is opened in Chromium as the role that sees them, on a 360x640 phone and
 * at a desk. On every page: no payload ran (a global flag, a dialog), the Content-Security-Policy had nothing to
 * block (it is the second line of defence, so a violation means markup got through), no element made from a
 * payload is in the DOM, and the text is shown literally where it belongs, also inside the forest plot and PRISMA
 * SVG. Also: an inline script inserted into a served page is blocked by the CSP, and a session cookie planted in
 * the browser before login is not the one after it.
 */
const availability = browserAvailability();
const SHOTS = mkdtempSync(join(tmpdir(), 'lancar-hostile-'));

/** A payload made unique by a tag, so that each field's text can be found where it belongs. */
const hostile = (i: number, tag: string) => `${XSS_PAYLOADS[i % XSS_PAYLOADS.length]} ${tag}`;

const T = {
  mother: hostile(0, 'ibu'),
  village: hostile(1, 'desa'),
  address: hostile(2, 'alamat'),
  baby: hostile(3, 'bayi'),
  companion: hostile(4, 'suami'),
  staff: hostile(5, 'staf'),
  facility: hostile(6, 'faskes'),
  massageNotes: hostile(1, 'catatan pijat'),
  visitNotes: hostile(2, 'kunjungan'),
  message: hostile(0, 'pesan'),
  alertNote: hostile(6, 'tindakan'),
  place: hostile(3, 'tempat'),
  facilitators: hostile(4, 'fasilitator'),
  sessionNotes: hostile(5, 'catatan sesi'),
  participant: hostile(7, 'peserta'),
  skillNotes: hostile(1, 'cek'),
  study: hostile(2, 'studi'),
  review: hostile(3, 'tinjauan'),
  question: hostile(4, 'pertanyaan'),
  refTitle: hostile(5, 'judul'),
  // The first author's surname labels the study in the forest plot: it closes <title> in the SVG if not escaped.
  author: XSS_PAYLOADS[6],
  abstract: hostile(7, 'abstrak'),
  journal: hostile(0, 'jurnal'),
  source: hostile(1, 'sumber'),
  exclusion: hostile(2, 'alasan'),
  extractionNotes: hostile(3, 'ekstraksi'),
  comparator: hostile(4, 'pembanding'),
} as const;

/** The skill checklist (content/training): every item must be marked. */
const SKILL_ITEMS = [
  'safety-consent',
  'hands-preparation',
  'position',
  'find-start',
  'oil',
  'hand-shape',
  'massage-movement',
  'pressure',
  'finish-clean',
  'feed-after',
];

/** Elements that only exist if a payload became markup. */
const INJECTED = 'img[src="x"], [onerror], [onload], iframe, script:not([src]), mglyph, a[href^="javascript:" i]';

interface Visit {
  path: string;
  /** Texts that must be shown literally on the page (innerText, SVG text included). */
  shows: string[];
  /** Something to do on the page before checking (open a tab, run the analysis). */
  act?: (page: Page) => Promise<void>;
  shot?: string;
}

async function watch(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

/** One tab per screen size, reused from page to page, with what it saw since the last check. */
interface Tab {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const tab: Tab = { page, errors: watchForErrors(page), dialogs: [] };
  page.on('dialog', (dialog) => {
    tab.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return tab;
}

/** Opens a page and checks that nothing ran and the texts are shown as text. */
async function visit(tab: Tab, origin: string, target: Visit, label: string): Promise<void> {
  const { page } = tab;
  tab.errors.length = 0;
  tab.dialogs.length = 0;
  try {
    await page.goto(`${origin}${target.path}`);
    // A page with nothing of ours to show is checked once everything it asked for has arrived.
    if (target.shows.length === 0 || target.act) await page.waitForLoadState('networkidle');
    if (target.act) await target.act(page);
    for (const text of target.shows) {
      await page
        .waitForFunction(
          (expected) => `${document.body.innerText}\n${document.body.textContent}`.includes(expected),
          text,
          { timeout: 20_000 },
        )
        .catch(() => assert.fail(`${label}: never showed ${JSON.stringify(text)} literally`));
    }
    const found = await page.evaluate(
      ({ flag, injected }) => ({
        ran: (window as unknown as Record<string, unknown>)[flag] !== undefined,
        csp: (window as unknown as { __csp: string[] }).__csp,
        elements: [...document.querySelectorAll(injected)].map((e) => e.outerHTML.slice(0, 120)),
      }),
      { flag: XSS_FLAG, injected: INJECTED },
    );
    assert.equal(found.ran, false, `${label}: a payload ran`);
    assert.deepEqual(tab.dialogs, [], `${label}: a dialog opened`);
    assert.deepEqual(found.csp, [], `${label}: the CSP had to block something, so markup got through`);
    assert.deepEqual(found.elements, [], `${label}: elements made from a payload`);
    assert.deepEqual(tab.errors, [], `${label}: script errors`);
    if (target.shot) await page.screenshot({ path: join(SHOTS, `${target.shot}.png`) });
  } catch (error) {
    await page.screenshot({ path: join(SHOTS, `failed-${label.replace(/\W+/g, '-')}.png`), fullPage: true });
    throw error;
  }
}

describe('hostile text in every free-text field is shown, never run', {
  skip: 'skip' in availability ? availability.skip : false,
}, () => {
  const env = serverAndBrowser();

  /** Writes the payloads through the API, as the people who type them would. */
  async function storeHostileText() {
    const server = env.server;
    const ok = (response: { status: number; text: string }, what: string) =>
      assert.ok(response.status >= 200 && response.status < 300, `${what}: ${response.status} ${response.text}`);
    const midwife = await server.loginAs('bidan.sari');
    const admin = await server.loginAs('admin.sukamaju');
    const system = await server.loginAs('admin.sistem');
    const researcher = await server.loginAs('peneliti.ayu');

    ok(await admin.post('/api/staff', { displayName: T.staff, username: 'bidan.hostile', role: 'midwife' }), 'staff');
    const secondResearcher = await admin.post('/api/staff', {
      displayName: 'Peneliti Kedua',
      username: 'peneliti.kedua',
      role: 'researcher',
    });
    ok(secondResearcher, 'second researcher');
    ok(
      await system.post('/api/facilities', {
        id: newId(),
        name: T.facility,
        kind: 'clinic',
        district: 'Kab. Uji',
        province: 'Jawa Tengah',
      }),
      'facility',
    );

    const deliveredAt = new Date(Date.now() - 30 * 3600_000);
    const babyId = newId();
    const motherPhone = `0812${String(Date.now() % 1e8).padStart(8, '0')}`;
    const companionPhone = `0813${String(Date.now() % 1e8).padStart(8, '0')}`;
    const enrolled = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: T.mother,
      phone: motherPhone,
      village: T.village,
      address: T.address,
      deliveredAt: deliveredAt.toISOString(),
      deliveryMode: 'vaginal',
      parity: 'primipara',
      consentCare: true,
      consentResearch: true,
      babies: [{ id: babyId, name: T.baby, sex: 'female', birthWeightG: 3100 }],
    });
    ok(enrolled, 'mother');
    const motherId = enrolled.body.mother.id as string;
    ok(
      await midwife.post(`/api/mothers/${motherId}/care-plans`, {
        id: newId(),
        protocolId: 'standard-3min-2x-day1-3',
        extendedToDay: null,
      }),
      'plan',
    );
    const added = await midwife.post(`/api/mothers/${motherId}/companions`, {
      displayName: T.companion,
      phone: companionPhone,
      relationship: 'husband',
    });
    ok(added, 'companion');
    const password = 'hostile-2026-aman';
    for (const code of [
      enrolled.body.activation.code,
      added.body.activation.code,
      secondResearcher.body.activation.code,
    ]) {
      ok(await server.client().post('/api/auth/activation', { code, password }), 'activation');
    }
    const companionUserId = added.body.companion.userId as string;

    // The husband's phone sends a massage session with notes and a danger sign (an alert for the midwife's tasks).
    const husband = await server.loginAs(companionPhone, password);
    const pushed = await husband.post('/api/sync/push', {
      deviceId: 'hostile-phone',
      mutations: [
        mutation(
          'massage_session',
          {
            protocolId: 'standard-3min-2x-day1-3',
            endedAt: new Date(Date.now() - 50_000).toISOString(),
            outcome: 'completed',
            stepsCompleted: [],
            stepsTotal: 0,
            massageSeconds: 180,
            comfort: 4,
            pain: 0,
            letDown: true,
            notes: T.massageNotes,
            safetyStops: [],
          },
          { motherId },
        ),
        mutation('danger_report', { signs: ['baby-jaundice'] }, { motherId }),
      ],
    });
    ok(pushed, 'push');
    assert.ok(
      pushed.body.results.every((r: { status: string }) => r.status === 'applied'),
      pushed.text,
    );

    ok(
      await midwife.post(`/api/mothers/${motherId}/visits`, {
        id: newId(),
        visitCode: 'KF1',
        visitedAt: new Date(Date.now() - 3600_000).toISOString(),
        place: 'home',
        observations: { temperatureC: 36.8, bloodPressure: null, breasts: 'normal', babies: [] },
        notes: T.visitNotes,
      }),
      'visit',
    );
    ok(await midwife.post(`/api/mothers/${motherId}/messages`, { id: newId(), body: T.message }), 'message');
    const alerts = await midwife.get(`/api/alerts?motherId=${motherId}`);
    assert.ok(alerts.body.alerts.length > 0, alerts.text);
    ok(
      await midwife.post(`/api/alerts/${alerts.body.alerts[0].id}/actions`, {
        kind: 'acknowledged',
        note: T.alertNote,
      }),
      'alert note',
    );

    const sessionId = newId();
    ok(
      await midwife.post('/api/training/sessions', {
        id: sessionId,
        heldOn: new Date().toISOString().slice(0, 10),
        place: T.place,
        facilitators: T.facilitators,
        notes: T.sessionNotes,
      }),
      'session',
    );
    ok(
      await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
        id: newId(),
        displayName: T.participant,
      }),
      'participant',
    );
    ok(
      await midwife.post(`/api/training/companions/${companionUserId}/skill-checks`, {
        id: newId(),
        results: Object.fromEntries(SKILL_ITEMS.map((item) => [item, 'pass'])),
        notes: T.skillNotes,
      }),
      'skill check',
    );

    const study = await researcher.post(
      '/api/studies',
      prePostStudyRequest(T.study, (await researcher.get('/api/auth/me')).body.facility.id),
    );
    ok(study, 'study');

    const reviewId = newId();
    ok(await researcher.post('/api/reviews', { id: reviewId, title: T.review, question: T.question }), 'review');
    const ris = [1, 2, 3]
      .map((n) =>
        [
          'TY  - JOUR',
          `TI  - ${T.refTitle} ${n}`,
          `AU  - ${T.author}, A${n}.`,
          `PY  - ${2018 + n}`,
          `JO  - ${T.journal}`,
          `AB  - ${T.abstract}`,
          `DO  - 10.5555/hostile.${n}`,
          'ER  - ',
          '',
        ].join('\n'),
      )
      .join('\n');
    ok(
      await researcher.post(`/api/reviews/${reviewId}/imports`, { format: 'ris', sourceName: T.source, text: ris }),
      'import',
    );
    const references = (await researcher.get(`/api/reviews/${reviewId}/references`)).body.references as {
      id: string;
      title: string;
    }[];
    const byNumber = (n: number) => references.find((r) => r.title.endsWith(` ${n}`))?.id ?? '';
    const second = await server.loginAs('peneliti.kedua', password);
    for (const stage of ['title_abstract', 'full_text'] as const) {
      for (const reviewer of [researcher, second] as TestClient[]) {
        for (const n of [1, 2, 3]) {
          if (stage === 'full_text' && n === 3) continue;
          const exclude = n === 3;
          ok(
            await reviewer.post(`/api/reviews/${reviewId}/references/${byNumber(n)}/decisions`, {
              stage,
              decision: exclude ? 'exclude' : 'include',
              reason: exclude ? T.exclusion : null,
            }),
            `decision ${stage} ${n}`,
          );
        }
      }
    }
    for (const n of [1, 2]) {
      ok(
        await researcher.request('PUT', `/api/reviews/${reviewId}/references/${byNumber(n)}/extraction`, {
          data: {
            design: 'rct',
            whoMassaged: ['husband'],
            notes: T.extractionNotes,
            results: [
              {
                outcome: 'milk-flow-adequate',
                timePoint: 'hari ke-3',
                measure: 'RR',
                combination: 'alone',
                comparator: T.comparator,
                n1: 30,
                events1: 20 + n,
                n2: 30,
                events2: 12 + n,
              },
            ],
          },
        }),
        `extraction ${n}`,
      );
    }
    return {
      motherId,
      motherPhone,
      companionPhone,
      companionUserId,
      password,
      sessionId,
      reviewId,
      studyId: study.body.id as string,
    };
  }

  it('shows every stored payload as text on every page that shows it, for every role, on a phone and a desk', async () => {
    const origin = env.server.origin;
    const s = await storeHostileText();
    const runAnalysis = async (page: Page) => {
      await page.getByRole('link', { name: 'Meta-analisis & PRISMA' }).click();
      await page.getByRole('button', { name: 'Hitung' }).click();
      // The forest plot (server-made SVG, inserted as markup) labels each study by its first author, as text.
      const forest = page.locator('.table-scroll svg', { hasText: T.author }).first();
      await forest.waitFor().catch(() => assert.fail('the forest plot does not show the author as text'));
      await forest.scrollIntoViewIfNeeded();
    };
    const showTab = (name: string) => async (page: Page) => {
      await page.getByRole('link', { name, exact: true }).click();
    };
    const byRole: { login: string; password?: string; visits: Visit[] }[] = [
      {
        login: 'bidan.sari',
        visits: [
          { path: '/', shows: [] },
          { path: '/ibu', shows: [T.mother, T.village] },
          {
            path: `/ibu/${s.motherId}`,
            shows: [T.mother, T.baby, T.companion, T.visitNotes, T.message, T.address],
            shot: 'mother-page',
          },
          {
            path: '/tugas',
            act: async (page) => page.getByRole('button', { name: 'Ditangani' }).click(),
            shows: [T.mother, T.alertNote],
          },
          { path: '/pelatihan', shows: [T.place, T.companion] },
          { path: `/pelatihan/sesi/${s.sessionId}`, shows: [T.place, T.facilitators, T.sessionNotes, T.participant] },
          { path: `/pelatihan/pendamping/${s.companionUserId}`, shows: [T.companion, T.skillNotes] },
          { path: '/laporan', shows: [] },
        ],
      },
      {
        login: 'admin.sukamaju',
        visits: [
          { path: '/', shows: [T.staff] },
          { path: '/audit', shows: [] },
        ],
      },
      {
        login: 'admin.sistem',
        visits: [
          { path: '/', shows: [T.facility] },
          { path: '/laporan/kabupaten', shows: [] },
        ],
      },
      {
        login: 'peneliti.ayu',
        visits: [
          { path: '/studi', shows: [T.study] },
          { path: `/studi/${s.studyId}`, shows: [T.study] },
          { path: '/tinjauan', shows: [T.review] },
          {
            path: `/tinjauan/${s.reviewId}`,
            act: async (page) => {
              await page.getByLabel('Tampilkan').selectOption('all');
            },
            shows: [T.review, T.question, `${T.refTitle} 1`, T.journal, T.abstract, T.exclusion],
          },
          { path: `/tinjauan/${s.reviewId}`, act: showTab('Ekstraksi'), shows: [`${T.refTitle} 1`] },
          {
            path: `/tinjauan/${s.reviewId}`,
            act: runAnalysis,
            // The forest plot labels studies by first author; the PRISMA diagram names the source.
            shows: [T.author, T.source],
            shot: 'review-analysis',
          },
        ],
      },
      {
        login: s.motherPhone,
        password: s.password,
        visits: [
          { path: '/', shows: [T.message], shot: 'mother-home' },
          { path: '/riwayat', shows: [] },
          { path: '/perkembangan', shows: [T.mother] },
        ],
      },
      {
        login: s.companionPhone,
        password: s.password,
        visits: [
          { path: '/', shows: [T.message] },
          { path: '/belajar', shows: [T.skillNotes] },
        ],
      },
    ];

    for (const { login, password, visits } of byRole) {
      const phone = await newPhone(env.browser);
      const desk = await newDesktop(env.browser);
      try {
        await watch(phone);
        await watch(desk);
        const phoneTab = await openTab(phone);
        await logIn(phoneTab.page, origin, login, password);
        // One login for both screens: the desk gets the phone's session cookie.
        await desk.addCookies(await phone.cookies());
        const deskTab = await openTab(desk);
        for (const target of visits) {
          const shot = (size: string) => target.shot && `${target.shot}-${size}`;
          await visit(phoneTab, origin, { ...target, shot: shot('phone') }, `${login} ${target.path} phone`);
          await visit(deskTab, origin, { ...target, shot: shot('desktop') }, `${login} ${target.path} desktop`);
        }
      } finally {
        await phone.close();
        await desk.close();
      }
    }
    console.log(`hostile text: screenshots in ${SHOTS}`);
  });

  it('blocks an inline script inserted into a served page, and reports it as a CSP violation', async () => {
    const context = await newDesktop(env.browser);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${env.server.origin}/masuk`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'(;|$)/);
      const outcome = await page.evaluate(async () => {
        const violations: string[] = [];
        const seen = new Promise<void>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => {
            violations.push(e.violatedDirective);
            if (violations.length >= 2) resolve();
          });
        });
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.body.append(script);
        document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__handler = 1">');
        await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 5000))]);
        const w = window as unknown as Record<string, unknown>;
        return { inline: w.__inline, handler: w.__handler, violations };
      });
      assert.equal(outcome.inline, undefined, 'the inline script did not run');
      assert.equal(outcome.handler, undefined, 'the inline event handler did not run');
      assert.ok(outcome.violations.length >= 2, `violations: ${outcome.violations}`);
      for (const directive of outcome.violations) assert.match(directive, /^script-src/);
    } finally {
      await context.close();
    }
  });

  it('does not keep a session cookie planted in the browser before login', async () => {
    const context = await newPhone(env.browser);
    try {
      const origin = env.server.origin;
      const planted = `${newId()}.${newId()}.planted-by-someone-else`;
      const page = await context.newPage();
      // Planted the way a script on a sibling page or a shared computer would: before anyone logs in.
      await page.goto(`${origin}/masuk`);
      await page.evaluate((value) => {
        // biome-ignore lint/suspicious/noDocumentCookie: planting a cookie the way an attacker's script would is the test
        document.cookie = `__Host-lancar=${value}; Path=/; Secure; SameSite=Lax`;
      }, planted);
      assert.equal((await context.cookies(origin)).find((c) => c.name === '__Host-lancar')?.value, planted);
      await logIn(page, origin, 'bidan.sari');
      const cookies = await context.cookies(origin);
      const session = cookies.find((c) => c.name === '__Host-lancar');
      assert.ok(session, 'a session cookie');
      assert.notEqual(session.value, planted);
      assert.ok(session.httpOnly && session.secure && session.sameSite === 'Lax');
    } finally {
      await context.close();
    }
  });
});
