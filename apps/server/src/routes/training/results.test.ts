import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';
import { resultsDocument } from '../../training/results/results-pdf.ts';

/**
 * A group session of 25 participants entered from paper (total scores), analysed over HTTP and checked against R:
 *   pre  <- c(40,45,50,35,55,60,45,50,40,65,30,55,50,45,60,35,50,40,55,45,50,60,40,45,50)
 *   post <- pre + c(30,35,25,40,30,20,35,30,45,25,40,30,35,30,20,45,30,35,25,40,30,25,35,30,40)
 *   shapiro.test(post - pre)             W = 0.94349, p = 0.1782  -> normal, so the paired t-test
 *   t.test(post, pre, paired = TRUE)     t = 23.2182023854216, df = 24, p = 5.9112260955197e-18,
 *                                        95% CI 29.3376968560602 to 35.0623031439398, mean difference 32.2
 *   mean(pre) 47.8, sd(pre) 8.78919791562347; mean(post) 80, sd(post) 5.40061724867322
 *   dz = 4.64364047708433; Hedges' g_z = J(24) dz = 4.49673999463903
 */
const PRE = [40, 45, 50, 35, 55, 60, 45, 50, 40, 65, 30, 55, 50, 45, 60, 35, 50, 40, 55, 45, 50, 60, 40, 45, 50];
const CHANGE = [30, 35, 25, 40, 30, 20, 35, 30, 45, 25, 40, 30, 35, 30, 20, 45, 30, 35, 25, 40, 30, 25, 35, 30, 40];

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} != ${expected}`,
  );

describe('training results of a group session entered from paper', () => {
  let server: TestServer;
  let midwife: TestClient;
  let sessionId: string;

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    sessionId = newId();
    await midwife.post('/api/training/sessions', {
      id: sessionId,
      heldOn: '2026-11-12',
      place: 'Posyandu Mawar',
      facilitators: 'Bidan Sari',
    });
    for (const [i, pre] of PRE.entries()) {
      const participant = newId();
      const added = await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
        id: participant,
        displayName: `Peserta ${String(i + 1).padStart(2, '0')}`,
      });
      assert.equal(added.status, 201, added.text);
      const path = `/api/training/sessions/${sessionId}/participants/${participant}/sheets`;
      assert.equal((await midwife.post(path, { id: newId(), phase: 'pre', score: pre })).status, 201);
      assert.equal(
        (await midwife.post(path, { id: newId(), phase: 'post', score: pre + (CHANGE[i] ?? 0) })).status,
        201,
      );
    }
  });
  after(() => server.close());

  it('gives n, mean and SD, the mean increase with its 95% CI, the chosen test and effect size, as R does', async () => {
    const response = await midwife.get(`/api/training/sessions/${sessionId}/results`);
    assert.equal(response.status, 200, response.text);
    const r = response.body;
    assert.deepEqual(r.counts, { people: 25, pairs: 25, noPre: 0, noPost: 0, incomplete: 0 });
    close(r.pre.mean, 47.8);
    close(r.pre.sd, 8.78919791562347);
    close(r.post.mean, 80);
    close(r.post.sd, 5.40061724867322);
    close(r.change.mean, 32.2);
    close(r.change.ciLower, 29.3376968560602);
    close(r.change.ciUpper, 35.0623031439398);
    assert.equal(r.test.test, 't');
    close(r.test.statistic, 23.2182023854216);
    assert.equal(r.test.df, 24);
    close(r.test.pValue, 5.9112260955197e-18, 1e-6);
    close(r.test.normality.statistic, 0.94349, 1e-5);
    close(r.test.normality.pValue, 0.1782, 1e-3);
    assert.match(r.test.reason.id, /berdistribusi normal .*uji t berpasangan/);
    close(r.effectSize.dz, 4.64364047708433);
    close(r.effectSize.hedgesGz, 4.49673999463903);
    assert.deepEqual(r.passed, { pre: 0, post: 17 }, 'pass mark 80');
    assert.ok(
      r.items.every((item: { pre: { n: number } }) => item.pre.n === 0),
      'total scores carry no item answers',
    );
  });

  it('prints the summary table, the test with its reason and every participant in the PDF, in the reader’s language', async () => {
    const pdf = await midwife.get(`/api/training/sessions/${sessionId}/results.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(
      pdf.headers.get('content-disposition') ?? '',
      /attachment; filename="hasil-pelatihan-2026-11-12-\d{4}-\d\d-\d\d\.pdf"/,
    );
    assert.ok(pdf.text.startsWith('%PDF-'));
    assert.ok(pdf.text.trimEnd().endsWith('%%EOF'));

    const results = (await midwife.get(`/api/training/sessions/${sessionId}/results`)).body;
    const words = (locale: 'id' | 'en') => JSON.stringify(resultsDocument(results, locale).content);
    const id = words('id');
    assert.match(id, /Rata-rata \(SB\).*47,8 \(8,8\).*80,0 \(5,4\)/);
    assert.match(id, /Rata-rata kenaikan nilai: .*32,2 \(IK 95% 29,3 sampai 35,1\)/);
    assert.match(id, /Uji t berpasangan: t\(24\) = 23,22, p < 0,001/);
    assert.match(id, /Selisih berdistribusi normal/);
    assert.match(id, /Peserta 25/);
    const en = words('en');
    assert.match(en, /Mean increase in score: .*32\.2 \(95% CI 29\.3 to 35\.1\)/);
    assert.match(en, /Hedges’ g_z.*4\.50/);

    const admin = await server.loginAs(DEMO.facilityAdmin);
    const audit = await admin.get('/api/audit-events?limit=5');
    assert.ok(
      audit.body.events.some(
        (e: { action: string; subjectType: string }) => e.action === 'export' && e.subjectType === 'training_results',
      ),
      'a download is audited',
    );
  });

  it('exports one CSV row per participant for analysis elsewhere', async () => {
    const csv = await midwife.get(`/api/training/sessions/${sessionId}/results.csv`, { 'accept-language': 'en' });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines[0], 'name,source,pre_score,post_score,change,status,status_label,item_bank_version');
    assert.equal(lines.length, 26);
    assert.equal(lines[1], 'Peserta 01,paper,40,70,30,paired,paired (paper),1');
  });

  it('adds the session to the facility results, next to the demo session and companions who learned by phone', async () => {
    const all = (await midwife.get('/api/training/results')).body;
    assert.equal(all.scope, 'facility');
    assert.ok(all.counts.pairs >= 25 + 11, `pairs: ${all.counts.pairs}`);
    assert.ok(
      all.rows.some(
        (row: { name: string; source: string }) => row.name === 'Yati (ibu mertua)' && row.source === 'phone',
      ),
    );
    assert.ok(
      all.items.some((item: { pre: { n: number } }) => item.pre.n > 0),
      'demo sheets were entered item by item',
    );
  });

  it('is not open to companions or to another facility', async () => {
    const companion = await server.loginAs(DEMO.companion);
    assert.equal((await companion.get(`/api/training/sessions/${sessionId}/results`)).status, 403);
    assert.equal((await companion.get('/api/training/results.csv')).status, 403);
    const other = await server.loginAs(DEMO.otherFacilityMidwife);
    assert.equal((await other.get(`/api/training/sessions/${sessionId}/results`)).status, 404);
  });
});
