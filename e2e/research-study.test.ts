import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StudyAnalysis, StudyEnrolmentList } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { mutation, type TestClient } from '@lancar/server/testing';
import type { Download, Locator, Page } from 'playwright-core';
import { browserAvailability, newDesktop, newPhone } from './support/browser.ts';
import { logIn, SCREENSHOTS, screenshot, sidewaysOverflow, watchForErrors } from './support/journey.ts';
import { serverAndBrowser, type WebServer } from './support/web-server.ts';

/**
 * A researcher's randomised study end to end. A midwife has enrolled twelve mothers who consented to research (eight
 * primiparas, four multiparas, all on day 2 after the birth); their phones logged expressed milk on day 2. At her
 * desk the researcher defines a two-group randomised study (expressed milk on day 7, blocks of 4, stratified by
 * parity) and enrols the twelve from the eligible list, each arm shown only once the mother is enrolled; the last
 * one she enrols on her 360x640 phone. The server's clock then moves a week on, the phones log day 7, and the
 * researcher downloads the dataset (CSV and XLSX, pseudonyms only) and reads the analysis, whose numbers on screen
 * are the API's.
 */
const availability = browserAvailability();
const HOUR = 3600_000;
const TITLE = 'Pijat oksitosin dan volume ASI perah hari ke-7';
const PASSWORD = 'penelitian-2026';
const ARMS = { intervention: 'Intervensi', control: 'Kontrol' } as const;
type Arm = keyof typeof ARMS;

/** The study's mothers: index 0-7 primipara, 8-11 multipara; delivered 36-47 hours ago, so all on day 2. */
const MOTHER_NAMES = [
  'Wulan Anggraeni',
  'Fitri Handayani',
  'Indah Permatasari',
  'Lestari Ningrum',
  'Yuliana Kusuma',
  'Ratih Purwanti',
  'Sekar Ayuningtyas',
  'Tri Wahyuningsih',
  'Endang Suryani',
  'Kartini Wibowo',
  'Murni Astuti',
  'Puji Rahayu',
];
/** Everyone whose name must never reach a research file: the study's mothers and the demo's. */
const NAMES_NEVER_EXPORTED = [
  ...MOTHER_NAMES,
  'Siti Aminah',
  'Dewi Lestari',
  'Ani Rahmawati',
  'Nur Hidayah',
  'Rahma Putri',
  'Desa Studi',
];

interface StudyMother {
  name: string;
  motherId: string;
  pseudonym: string;
  parity: 'primipara' | 'multipara';
  deliveredAt: Date;
  phone: TestClient;
  arm?: Arm;
}

/** Enrolled in the programme the way a midwife does it, with research consent; the phone activated and logged in. */
async function enrolInProgramme(server: WebServer, index: number): Promise<StudyMother> {
  const midwife = await server.loginAs('bidan.sari');
  const name = MOTHER_NAMES[index] ?? `Ibu ${index}`;
  const parity = index < 8 ? 'primipara' : 'multipara';
  const deliveredAt = new Date(Date.now() - (36 + index) * HOUR);
  const login = `0813${String(process.pid % 10_000).padStart(4, '0')}${String(index).padStart(4, '0')}`;
  const enrolled = await midwife.post('/api/mothers', {
    id: newId(),
    fullName: name,
    phone: login,
    village: 'Desa Studi',
    deliveredAt: deliveredAt.toISOString(),
    deliveryMode: index % 3 === 0 ? 'caesarean' : 'vaginal',
    parity,
    gestationalAgeWeeks: 38 + (index % 3),
    consentCare: true,
    consentResearch: true,
    babies: [{ id: newId(), sex: index % 2 ? 'male' : 'female', birthWeightG: 2900 + 40 * index }],
  });
  assert.equal(enrolled.status, 201, enrolled.text);
  const activated = await server
    .client()
    .post('/api/auth/activation', { code: enrolled.body.activation.code, password: PASSWORD });
  assert.equal(activated.status, 200, activated.text);
  const phone = server.client();
  const loggedIn = await phone.post('/api/auth/login', { login, password: PASSWORD });
  assert.equal(loggedIn.status, 200, loggedIn.text);
  return {
    name,
    motherId: enrolled.body.mother.id,
    pseudonym: enrolled.body.mother.pseudonym,
    parity,
    deliveredAt,
    phone,
  };
}

/** Expressions logged on the phone, each at `hours` after the birth; all must be applied. */
async function logExpressions(mother: StudyMother, expressions: { hours: number; leftMl: number; rightMl: number }[]) {
  const mutations = expressions.map(({ hours, leftMl, rightMl }) =>
    mutation(
      'expression',
      { leftMl, rightMl },
      {
        occurredAt: new Date(mother.deliveredAt.getTime() + hours * HOUR),
        motherId: mother.motherId,
      },
    ),
  );
  const pushed = await mother.phone.post('/api/sync/push', { deviceId: `e2e-study-${mother.pseudonym}`, mutations });
  assert.equal(pushed.status, 200, pushed.text);
  for (const result of pushed.body.results) assert.equal(result.status, 'applied', JSON.stringify(result.problem));
}

/** The day-7 expressions of the j-th mother of an arm: the intervention's a little more, and spread within each arm. */
function daySevenExpressions(arm: Arm, j: number) {
  return arm === 'intervention'
    ? [
        { hours: 6 * 24 + 3, leftMl: 15 + 4 * j, rightMl: 12 + 3 * j },
        { hours: 6 * 24 + 15, leftMl: 10 + j, rightMl: 8 + 2 * j },
      ]
    : [
        { hours: 6 * 24 + 3, leftMl: 8 + 2 * j, rightMl: 6 + 2 * j },
        { hours: 6 * 24 + 15, leftMl: 5 + j + (j % 2), rightMl: 4 + j },
      ];
}

const sum = (expressions: { leftMl: number; rightMl: number }[]) =>
  expressions.reduce((total, e) => total + e.leftMl + e.rightMl, 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function downloadVia(page: Page, link: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { download, bytes: readFileSync(await download.path()) };
}

/** The page's copy of every API answer, to show that none of them carries the allocation sequence. */
function recordApiAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/studies')) return;
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    bodies.push(await response.text().catch(() => ''));
  });
  return bodies;
}

/** What the page must never show or receive: the stored sequence (blocks per stratum) or a position in it. */
function assertNoSequence(bodies: string[]): void {
  assert.ok(bodies.length > 0, 'the page asked the studies API');
  for (const body of bodies) {
    assert.ok(!/"strata"|"blocks"|"position"|"stratum/.test(body), `an API answer leaks the sequence: ${body}`);
  }
}

async function assertFitsPhone(page: Page): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  assert.ok(overflow <= 0, `the page fits 360 px (overflows by ${overflow} px)`);
}

/**
 * Enrols one mother from the eligible list: the arm is revealed for her only, and nowhere for the mothers still
 * waiting. Returns the arm shown.
 */
async function enrolFromList(page: Page, mother: StudyMother): Promise<Arm> {
  const eligible = page.locator('.card', { has: page.getByRole('heading', { name: 'Ibu yang memenuhi kriteria' }) });
  const waiting = eligible.locator('table');
  await waiting.getByText(mother.pseudonym, { exact: true }).waitFor();
  const beforeText = (await waiting.textContent()) ?? '';
  assert.ok(!/Intervensi|Kontrol/.test(beforeText), 'the eligible list shows no group for anyone');
  await waiting.locator('tr', { hasText: mother.pseudonym }).getByRole('button', { name: 'Daftarkan' }).click();
  const revealed = page.getByTestId('revealed-arm');
  await revealed.getByText(mother.pseudonym).waitFor();
  const text = ((await revealed.textContent()) ?? '').trim();
  const match = /^(P-[0-9A-Z]+) didaftarkan ke kelompok: (Intervensi|Kontrol)$/.exec(text);
  assert.ok(match, `the revealed arm reads "${text}"`);
  assert.equal(match[1], mother.pseudonym);
  const arm: Arm = match[2] === ARMS.intervention ? 'intervention' : 'control';
  // She leaves the eligible list and joins the enrolled, with the same arm; nobody else's group is shown.
  await waiting.getByText(mother.pseudonym, { exact: true }).waitFor({ state: 'detached' });
  const enrolled = page.locator('.card', { has: page.getByRole('heading', { name: 'Peserta terdaftar' }) });
  await enrolled.locator('tr', { hasText: mother.pseudonym }).getByText(ARMS[arm]).waitFor();
  assert.ok(!/Intervensi|Kontrol/.test((await waiting.textContent()) ?? ''));
  return arm;
}

describe('a researcher’s randomised study: define, enrol, export, analyse', {
  skip: 'skip' in availability ? availability.skip : false,
}, () => {
  const env = serverAndBrowser();

  it('allocates concealed and balanced, exports pseudonymised data and shows the API’s analysis', async () => {
    const { server, browser } = env;
    const origin = server.origin;
    const mothers: StudyMother[] = [];
    for (let i = 0; i < MOTHER_NAMES.length; i++) mothers.push(await enrolInProgramme(server, i));
    // Day 2: the baseline (pre) measurement on every phone.
    for (const [i, mother] of mothers.entries())
      await logExpressions(mother, [{ hours: 26 + (i % 4), leftMl: 3 + (i % 3), rightMl: 2 + (i % 2) }]);
    const primiparas = mothers.filter((m) => m.parity === 'primipara');
    const multiparas = mothers.filter((m) => m.parity === 'multipara');
    // Desk: four primiparas, the four multiparas, three more primiparas; the last primipara on the phone.
    const atDesk = [...primiparas.slice(0, 4), ...multiparas, ...primiparas.slice(4, 7)];
    const onPhone = primiparas[7];
    assert.ok(onPhone);
    let studyPath = '';

    /** After each enrolment: within a stratum the arms never differ by more than half a block (2), and are equal
     * whenever a block of 4 is complete. */
    const assertBalanced = (allocated: StudyMother[]) => {
      for (const parity of ['primipara', 'multipara'] as const) {
        const stratum = allocated.filter((m) => m.parity === parity);
        const intervention = stratum.filter((m) => m.arm === 'intervention').length;
        const control = stratum.length - intervention;
        assert.ok(Math.abs(intervention - control) <= 2, `${parity}: ${intervention} vs ${control}`);
        if (stratum.length % 4 === 0)
          assert.equal(intervention, control, `${parity}: a complete block of 4 is balanced (${stratum.length})`);
      }
    };

    const desk = await newDesktop(browser);
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      const answers = recordApiAnswers(page);
      await logIn(page, origin, 'peneliti.ayu');
      await page.getByRole('link', { name: 'Studi', exact: true }).click();
      await page.getByRole('heading', { name: 'Studi', exact: true }).waitFor();
      await page.getByText('Belum ada penelitian.').waitFor();

      // The form: a two-group randomised study of expressed milk on day 7, blocks of 4, stratified by parity.
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Penelitian baru' }) });
      await form.getByLabel('Judul').fill(TITLE);
      await form.getByLabel('Desain').selectOption('randomised');
      await form.getByLabel('Luaran', { exact: true }).selectOption('expressed_milk_volume');
      await form.getByLabel('Hari ke-', { exact: true }).fill('7');
      await form.getByLabel('Hari pengukuran awal (pra); kosongkan bila tidak ada').fill('2');
      for (const label of ['Persalinan normal', 'Persalinan sesar', 'Primipara', 'Multipara'])
        await form.getByLabel(label).check();
      // The "to" field of a range has no label of its own (the label names only the first): found by position.
      const enrolmentDays = form
        .locator('label', { hasText: 'Didaftarkan pada hari nifas ke-, dari–sampai' })
        .locator('input');
      await enrolmentDays.nth(0).fill('1');
      await enrolmentDays.nth(1).fill('2');
      await form.getByLabel('Ukuran blok (dipilih acak), misalnya 4, 6').fill('4');
      await form.getByLabel('Stratifikasi').selectOption('parity');
      await form.getByText('Urutan alokasi dibuat server dan disembunyikan').waitFor();
      await screenshot(page, 'study-1-form-desktop');
      await form.getByRole('button', { name: 'Simpan dan mulai merekrut' }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      studyPath = new URL(page.url()).pathname;
      assert.match(studyPath, /^\/studi\/[0-9a-f-]{36}$/);
      await page.getByText('Acak terkontrol (alokasi tersembunyi) · Merekrut · 0 ibu').waitFor();

      // Listed with the facility's studies.
      await page.getByRole('link', { name: '← Semua studi' }).click();
      const listed = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
      await listed.getByText('Acak terkontrol (alokasi tersembunyi) · Merekrut · 0 ibu').waitFor();
      await listed.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();

      // Every study mother is eligible (demo mothers on day 1-2 who consented may be listed too).
      const eligible = page.locator('.card', {
        has: page.getByRole('heading', { name: 'Ibu yang memenuhi kriteria' }),
      });
      for (const mother of mothers) await eligible.getByText(mother.pseudonym, { exact: true }).waitFor();
      assert.equal(await page.getByTestId('revealed-arm').count(), 0, 'no group is shown before an enrolment');

      const allocated: StudyMother[] = [];
      for (const mother of atDesk) {
        mother.arm = await enrolFromList(page, mother);
        allocated.push(mother);
        assertBalanced(allocated);
        if (allocated.length === 1) {
          // Day 7 has not come yet: the analysis says the test cannot be run, in Indonesian only.
          const note = 'Uji statistik belum dapat dihitung: n = 0 / 0.';
          await page.getByTestId('study-analysis').getByText(note, { exact: true }).waitFor();
          await screenshot(page, 'study-2-enrolled-arm-desktop');
        }
      }
      await page
        .getByRole('listitem')
        .filter({ hasText: /^Intervensi: \d+$/ })
        .waitFor();
      assertNoSequence(answers);
      assert.deepEqual(errors, []);
    } finally {
      await desk.close();
    }

    // The last mother is enrolled on the researcher's phone; the page fits 360 px.
    const phone = await newPhone(browser);
    try {
      const page = await phone.newPage();
      const errors = watchForErrors(page);
      const answers = recordApiAnswers(page);
      await logIn(page, origin, 'peneliti.ayu');
      await page.goto(`${origin}/studi`);
      await page.getByRole('link', { name: TITLE }).waitFor();
      await assertFitsPhone(page);
      await screenshot(page, 'study-1-form-phone');
      await page.goto(`${origin}${studyPath}`);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      onPhone.arm = await enrolFromList(page, onPhone);
      assertBalanced(mothers);
      await page.getByText('Acak terkontrol (alokasi tersembunyi) · Merekrut · 12 ibu').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Intervensi: 6' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Kontrol: 6' }).waitFor();
      await assertFitsPhone(page);
      // The click scrolled the list sideways to its button; a person's tap does not, so the shot starts at the left.
      await page.evaluate(() => {
        for (const table of document.querySelectorAll('.table-scroll')) table.scrollLeft = 0;
      });
      await screenshot(page, 'study-2-enrolled-arm-phone');
      await page.getByTestId('revealed-arm').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'study-2-enrolled-arm-phone-top.png') });

      // What the server recorded is what the pages revealed.
      const listed = await page.request.get(`${origin}/api${studyPath.replace('/studi', '/studies')}/enrolments`);
      assert.equal(listed.status(), 200);
      const { enrolments } = (await listed.json()) as StudyEnrolmentList;
      assert.deepEqual(
        Object.fromEntries(enrolments.map((e) => [e.pseudonym, e.armId])),
        Object.fromEntries(mothers.map((m) => [m.pseudonym, m.arm])),
      );
      assertNoSequence(answers);
      assert.deepEqual(errors, []);
    } finally {
      await phone.close();
    }

    // A week later: every phone has logged day 7 (the clock moves on; the earlier sessions have ended).
    server.clock.now = new Date(Date.now() + 7 * 24 * HOUR);
    try {
      const expected: Record<Arm, number[]> = { intervention: [], control: [] };
      const volumeByPseudonym = new Map<string, number>();
      for (const mother of mothers) {
        assert.ok(mother.arm, `${mother.pseudonym} was allocated`);
        const expressions = daySevenExpressions(mother.arm, expected[mother.arm].length);
        await logExpressions(mother, expressions);
        expected[mother.arm].push(sum(expressions));
        volumeByPseudonym.set(mother.pseudonym, sum(expressions));
      }

      const desk2 = await newDesktop(browser);
      try {
        const page = await desk2.newPage();
        const errors = watchForErrors(page);
        await logIn(page, origin, 'peneliti.ayu');
        await page.goto(`${origin}${studyPath}`);
        await page.getByRole('heading', { name: TITLE }).waitFor();
        const downloads = page.locator('.card', { has: page.getByRole('heading', { name: 'Unduh data' }) });

        // The codebook names the variables; the wide CSV has exactly those columns, one row per participant.
        const codebook = await downloadVia(page, downloads.getByRole('link', { name: 'Buku kode (CSV)' }));
        const codebookNames = codebook.bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .split('\r\n')
          .slice(1)
          .filter((line) => line !== '')
          .map((line) => line.slice(0, line.indexOf(',')));
        const wide = await downloadVia(
          page,
          downloads.getByRole('link', { name: 'CSV lebar (satu baris per peserta)' }),
        );
        assert.match(wide.download.suggestedFilename(), /^lancar-studi-[0-9a-f]{8}-wide\.csv$/);
        const wideText = wide.bytes.toString('utf8');
        assert.ok(wideText.startsWith('\uFEFF'), 'UTF-8 with a BOM, for Excel');
        assert.ok(!wideText.includes('"'), 'no cell needs quoting, so a plain split reads it');
        const [headerLine = '', ...lines] = wideText
          .slice(1)
          .split('\r\n')
          .filter((line) => line !== '');
        const header = headerLine.split(',');
        assert.deepEqual(header, [
          'participant_id',
          'group',
          'enrolment_day',
          'parity',
          'delivery_mode',
          'gestational_age_weeks',
          'birth_weight_g',
          'expressed_milk_volume_d2',
          'expressed_milk_volume_d7',
        ]);
        assert.deepEqual(codebookNames.slice(0, header.length), header, 'the codebook lists the wide columns first');
        assert.equal(lines.length, mothers.length, 'one row per enrolled participant');
        const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])));
        assert.deepEqual(rows.map((r) => r.participant_id).sort(), mothers.map((m) => m.pseudonym).sort());
        for (const row of rows) {
          const mother = mothers.find((m) => m.pseudonym === row.participant_id);
          assert.equal(row.group, mother?.arm);
          assert.equal(row.enrolment_day, '2');
          assert.equal(row.parity, mother?.parity);
          assert.equal(Number(row.expressed_milk_volume_d7), volumeByPseudonym.get(row.participant_id ?? ''));
          assert.ok(Number(row.expressed_milk_volume_d2) > 0);
        }
        const long = await downloadVia(
          page,
          downloads.getByRole('link', { name: 'CSV panjang (satu baris per pengukuran)' }),
        );
        const longText = long.bytes.toString('utf8');
        assert.equal(longText.split('\r\n').filter((line) => line !== '').length, 1 + 2 * mothers.length);
        for (const text of [wideText, longText]) {
          for (const name of NAMES_NEVER_EXPORTED) assert.ok(!text.includes(name), `the file names ${name}`);
          assert.ok(!/0813\d{8}|62813\d{8}/.test(text), 'no phone number in the file');
        }
        const xlsx = await downloadVia(page, downloads.getByRole('link', { name: /^XLSX/ }));
        assert.match(xlsx.download.suggestedFilename(), /^lancar-studi-[0-9a-f]{8}\.xlsx$/);
        assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip file');

        // The analysis: what the page prints is what the API computed, and the API computed from what was logged.
        const response = await page.request.get(`${origin}/api${studyPath.replace('/studi', '/studies')}/analysis`);
        assert.equal(response.status(), 200);
        const api = (await response.json()) as StudyAnalysis;
        const c = api.primary;
        assert.ok(c?.method && c.pValue !== null && c.effectSize, `a test was run: ${JSON.stringify(c?.note)}`);
        assert.deepEqual(
          c.groups.map((g) => [g.label.id, g.n]),
          [
            ['Intervensi', 6],
            ['Kontrol', 6],
          ],
        );
        assert.ok(Math.abs((c.groups[0]?.mean ?? 0) - mean(expected.intervention)) < 1e-9);
        assert.ok(Math.abs((c.groups[1]?.mean ?? 0) - mean(expected.control)) < 1e-9);

        const analysis = page.getByTestId('study-analysis');
        await analysis.getByRole('heading', { name: 'Tabel 1. Karakteristik peserta' }).waitFor();
        const [tableOne, outcome] = [analysis.locator('table').nth(0), analysis.locator('table').nth(1)];
        assert.deepEqual(await tableOne.locator('thead th').allTextContents(), [
          'Karakteristik',
          'Intervensi',
          'Kontrol',
        ]);
        const onScreen = await tableOne
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        assert.deepEqual(
          onScreen,
          api.tableOne.map((row) => [row.label.id, ...row.cells]),
        );
        // Stratified blocks of 4: each arm has four of the eight primiparas and two of the four multiparas.
        assert.deepEqual(onScreen[0], ['n', '6', '6']);
        assert.deepEqual(
          onScreen.find((cells) => cells[0] === 'primipara'),
          ['primipara', '4 (66.7)', '4 (66.7)'],
        );
        assert.deepEqual(
          onScreen.find((cells) => cells[0] === 'multipara'),
          ['multipara', '2 (33.3)', '2 (33.3)'],
        );

        const outcomeRows = await outcome
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        assert.deepEqual(
          outcomeRows,
          c.groups.map((g) => [
            g.label.id,
            String(g.n),
            `${g.mean?.toFixed(2)} (${g.sd?.toFixed(2)})`,
            g.median?.toFixed(2) ?? '',
          ]),
        );
        const testLine = ((await analysis.locator('p', { has: page.locator('strong') }).textContent()) ?? '').replace(
          /\s+/g,
          ' ',
        );
        const pShown = c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3);
        const e = c.effectSize;
        assert.ok(testLine.startsWith(`${c.method}: statistik ${c.statistic?.toFixed(3)}`), testLine);
        assert.ok(testLine.includes(`, p ${pShown}`), `the p-value as printed: ${testLine}`);
        assert.ok(
          testLine.endsWith(`; ${e.name} ${e.estimate.toFixed(2)} [${e.ciLower.toFixed(2)}, ${e.ciUpper.toFixed(2)}]`),
          `the effect size as printed: ${testLine}`,
        );
        assert.ok(c.pValue < 0.05 && e.estimate > 0, 'the intervention arm logged clearly more milk');

        // The result sentences in Indonesian, the API's words, with its numbers written the Indonesian way.
        const sentences = await analysis.locator('p[lang=id]').allTextContents();
        assert.deepEqual(
          sentences,
          api.sentences.map((s) => s.id),
        );
        assert.equal(sentences[0], 'Sebanyak 12 ibu diikutkan (Intervensi: 6; Kontrol: 6).');
        const pId = c.pValue < 0.001 ? 'p < 0,001' : `p = ${c.pValue.toFixed(3).replace('.', ',')}`;
        const result = sentences[1] ?? '';
        assert.ok(result.startsWith('Volume ASI perah hari ke-7 lebih tinggi pada kelompok intervensi'), result);
        assert.ok(result.includes(pId), `the sentence gives ${pId}: ${result}`);
        assert.ok(result.includes(`g = ${e.estimate.toFixed(2).replace('.', ',')} [IK 95%`), result);
        await analysis.locator('svg[role=img]').waitFor();
        await screenshot(page, 'study-3-analysis-desktop');
        await analysis.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, 'study-3-analysis-desktop-view.png') });
        assert.deepEqual(errors, []);
      } finally {
        await desk2.close();
      }

      // The analysis on the phone, still within 360 px.
      const phone2 = await newPhone(browser);
      try {
        const page = await phone2.newPage();
        const errors = watchForErrors(page);
        await logIn(page, origin, 'peneliti.ayu');
        await page.goto(`${origin}${studyPath}`);
        const analysis = page.getByTestId('study-analysis');
        await analysis.locator('svg[role=img]').waitFor();
        await assertFitsPhone(page);
        await screenshot(page, 'study-3-analysis-phone');
        await analysis.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, 'study-3-analysis-phone-view.png') });
        await analysis.getByRole('heading', { name: 'Kalimat hasil' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, 'study-3-analysis-phone-sentences.png') });
        assert.deepEqual(errors, []);
      } finally {
        await phone2.close();
      }
    } finally {
      server.clock.now = undefined;
    }
  });
});
