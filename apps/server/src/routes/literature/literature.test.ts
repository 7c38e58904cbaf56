import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { studiesForMetaAnalysis } from '@lancar/content/evidence';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { escalc, metaAnalysis } from '@lancar/stats';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

// Fixture records: titles from the project's evidence notes; DOIs use Crossref's test prefix 10.5555.
const RIS = [
  'TY  - JOUR',
  'TI  - Oxytocin Massage Stramlining Breast Milk: Literature Riview',
  'AU  - Wahyuningsih, S.',
  'PY  - 2022',
  'JO  - NHSJ',
  'DO  - 10.5555/nhsj.160',
  'AB  - Fixture abstract.',
  'ER  - ',
  '',
  'TY  - JOUR',
  'AU  - Nobody, N.',
  'PY  - 2020',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - Breastmilk Production in the First 4 Weeks after Birth of Term Infants',
  'AU  - Kent, J. C.',
  'PY  - 2016',
  'JO  - Nutrients',
  'ER  - ',
  '',
].join('\n');

const CSV = [
  'title,authors,year,journal,doi',
  '"Oxytocin massage stramlining breast milk: literature riview",Wahyuningsih S.,2022,NHSJ,https://doi.org/10.5555/NHSJ.160',
  'Back massage and lactation: a fixture record,Fixture A.,2021,Fixture Journal,10.5555/fixture.1',
].join('\n');

/** Well-formed XML without a library: balanced, nested tags, quoted attributes, escaped text, one root. */
function assertWellFormedXml(xml: string): void {
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
  const badText = /[<>]|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/;
  const stack: string[] = [];
  let roots = 0;
  let position = 0;
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const match of body.matchAll(tag)) {
    const between = body.slice(position, match.index);
    assert.doesNotMatch(between, badText, `unescaped text before offset ${match.index}: ${between.slice(0, 60)}`);
    const [, closing, name, , selfClosing] = match;
    if (stack.length === 0) {
      assert.equal(closing, '', `closing tag ${name} without opening`);
      roots++;
    }
    if (closing) assert.equal(stack.pop(), name, `mismatched </${name}>`);
    else if (!selfClosing) stack.push(name ?? '');
    position = (match.index ?? 0) + match[0].length;
  }
  assert.equal(body.slice(position).trim(), '', 'text after the root element');
  assert.deepEqual(stack, [], 'unclosed tags');
  assert.equal(roots, 1, 'exactly one root element');
  assert.match(body, /^<svg[\s>]/);
}

interface Listed {
  id: string;
  title: string;
  status: string;
  duplicateOf: string | null;
  evidenceStudyId: string | null;
  decisions: { reviewerId: string; decision: string }[];
  extraction: { id: string; data: { design: string; results: Record<string, unknown>[] } } | null;
}

describe('literature reviews', () => {
  let server: TestServer;
  let ayu: TestClient;
  let dian: TestClient;
  let midwife: TestClient;
  let otherResearcher: TestClient;

  async function newResearcher(admin: TestClient, username: string, facilityId?: string): Promise<TestClient> {
    const created = await admin.post('/api/staff', {
      displayName: `Peneliti ${username}`,
      username,
      role: 'researcher',
      ...(facilityId ? { facilityId } : {}),
    });
    assert.equal(created.status, 201, created.text);
    const activated = await server
      .client()
      .post('/api/auth/activation', { code: created.body.activation.code, password: `${username}-sandi-1` });
    assert.equal(activated.status, 200, activated.text);
    return server.loginAs(username, `${username}-sandi-1`);
  }

  async function createReview(client: TestClient, title = 'Pijat oksitosin dan produksi ASI'): Promise<string> {
    const id = newId();
    const created = await client.post('/api/reviews', { id, title, question: 'Apakah pijat oksitosin menambah ASI?' });
    assert.equal(created.status, 201, created.text);
    return id;
  }

  async function references(client: TestClient, reviewId: string, stage = 'title_abstract'): Promise<Listed[]> {
    const listed = await client.get(`/api/reviews/${reviewId}/references?stage=${stage}`);
    assert.equal(listed.status, 200, listed.text);
    return listed.body.references;
  }

  async function decide(client: TestClient, reviewId: string, referenceId: string, body: object) {
    return client.post(`/api/reviews/${reviewId}/references/${referenceId}/decisions`, body);
  }

  before(async () => {
    server = await startTestServer();
    ayu = await server.loginAs(DEMO.researcher);
    midwife = await server.loginAs(DEMO.midwife);
    dian = await newResearcher(await server.loginAs(DEMO.facilityAdmin), 'peneliti.dian');
    otherResearcher = await newResearcher(
      await server.loginAs(DEMO.systemAdmin),
      'peneliti.harapan',
      demoId('facility:harapan'),
    );
  });
  after(() => server.close());

  it('keeps reviews to researchers of the facility: midwife 403, another facility 404', async () => {
    const reviewId = await createReview(ayu);
    const retried = await ayu.post('/api/reviews', {
      id: reviewId,
      title: 'Pijat oksitosin dan produksi ASI',
      question: 'Apakah pijat oksitosin menambah ASI?',
    });
    assert.equal(retried.status, 200, 'a retry is acknowledged');
    assert.equal((await ayu.post('/api/reviews', { id: reviewId, title: 'Lain', question: null })).status, 409);
    // A question is kept trimmed (an empty one as none); resending it as first typed is still a retry.
    for (const question of ['  Mengapa?  ', '']) {
      const review = { id: newId(), title: 'Ulasan ulang', question };
      assert.equal((await ayu.post('/api/reviews', review)).status, 201);
      assert.equal(
        (await ayu.post('/api/reviews', review)).status,
        200,
        `retry with question ${JSON.stringify(question)}`,
      );
    }

    const listed = await dian.get('/api/reviews');
    assert.equal(listed.status, 200);
    assert.ok(listed.body.reviews.some((review: { id: string }) => review.id === reviewId));

    assert.equal((await midwife.get('/api/reviews')).status, 403);
    assert.equal((await midwife.get(`/api/reviews/${reviewId}`)).status, 403);
    assert.equal((await midwife.post('/api/reviews', { id: newId(), title: 'X', question: null })).status, 403);

    const elsewhere = await otherResearcher.get(`/api/reviews/${reviewId}`);
    assert.equal(elsewhere.status, 404);
    assert.equal(elsewhere.body.type, 'https://lancar.id/problems/not-found');
    assert.equal((await otherResearcher.get(`/api/reviews/${reviewId}/references`)).status, 404);
    const theirs = await otherResearcher.get('/api/reviews');
    assert.ok(!theirs.body.reviews.some((review: { id: string }) => review.id === reviewId));
  });

  it('imports RIS and CSV, reports the malformed entry and the duplicate across imports', async () => {
    const reviewId = await createReview(ayu);
    const ris = await ayu.post(`/api/reviews/${reviewId}/imports`, { format: 'ris', sourceName: 'PubMed', text: RIS });
    assert.equal(ris.status, 201, ris.text);
    assert.equal(ris.body.imported, 2);
    assert.equal(ris.body.problems.length, 1);
    assert.equal(ris.body.problems[0].recordNumber, 2);
    assert.match(ris.body.problems[0].message.en, /title/i);
    assert.deepEqual(ris.body.duplicates, []);

    const csv = await ayu.post(`/api/reviews/${reviewId}/imports`, {
      format: 'csv',
      sourceName: 'Garuda',
      text: CSV,
    });
    assert.equal(csv.status, 201, csv.text);
    assert.equal(csv.body.imported, 2);
    assert.equal(csv.body.duplicates.length, 1);
    assert.equal(csv.body.duplicates[0].reason, 'doi');

    const listed = await references(ayu, reviewId);
    assert.equal(listed.length, 4);
    const duplicates = listed.filter((reference) => reference.duplicateOf !== null);
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0]?.status, 'duplicate');
    assert.ok(listed.some((reference) => reference.id === duplicates[0]?.duplicateOf));
    assert.equal(listed.filter((reference) => reference.status === 'unscreened').length, 3);

    const detail = await ayu.get(`/api/reviews/${reviewId}`);
    assert.equal(detail.body.references, 4);
    assert.equal(detail.body.duplicates, 1);
    assert.deepEqual(
      detail.body.sources.map((source: { name: string; references: number }) => [source.name, source.references]),
      [
        ['PubMed', 2],
        ['Garuda', 2],
      ],
    );
    assert.equal(detail.body.screening.title_abstract.unscreened, 3);

    // A decision on the duplicate is refused: its kept record is screened instead.
    const onDuplicate = await decide(ayu, reviewId, duplicates[0]?.id ?? '', {
      stage: 'title_abstract',
      decision: 'include',
    });
    assert.equal(onDuplicate.status, 400);
  });

  it('refuses files it cannot use (422) and files too large (413), storing nothing', async () => {
    const reviewId = await createReview(ayu);
    const notRis = await ayu.post(`/api/reviews/${reviewId}/imports`, {
      format: 'ris',
      sourceName: 'PubMed',
      text: 'this is not a RIS file',
    });
    assert.equal(notRis.status, 422, notRis.text);
    assert.equal(notRis.body.type, 'https://lancar.id/problems/reference-file-unusable');
    const onlyBad = await ayu.post(
      `/api/reviews/${reviewId}/imports`,
      { format: 'ris', sourceName: 'PubMed', text: 'TY  - JOUR\nAU  - Nobody, N.\nER  - \n' },
      { 'accept-language': 'en' },
    );
    assert.equal(onlyBad.status, 422);
    assert.match(onlyBad.body.detail, /No reference could be read/);
    const noTitle = await ayu.post(`/api/reviews/${reviewId}/imports`, {
      format: 'csv',
      sourceName: 'Sheet',
      text: 'name,year\nX,2020\n',
    });
    assert.equal(noTitle.status, 422);
    const huge = await ayu.post(`/api/reviews/${reviewId}/imports`, {
      format: 'ris',
      sourceName: 'PubMed',
      text: 'x'.repeat(11 * 1024 * 1024),
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.type, 'https://lancar.id/problems/body-too-large');
    const detail = await ayu.get(`/api/reviews/${reviewId}`);
    assert.equal(detail.body.references, 0);
    assert.deepEqual(detail.body.sources, []);
  });

  it('screens with two reviewers: agreement, conflict, resolution, and a newer decision replacing the older', async () => {
    const reviewId = await createReview(ayu);
    await ayu.post(`/api/reviews/${reviewId}/imports`, { format: 'csv', sourceName: 'Garuda', text: CSV });
    const [first, second] = await references(ayu, reviewId);
    assert.ok(first && second);
    const ta = { stage: 'title_abstract' };

    assert.equal((await decide(ayu, reviewId, first.id, { ...ta, decision: 'include' })).status, 201);
    let listed = await references(ayu, reviewId);
    assert.equal(listed.find((r) => r.id === first.id)?.status, 'awaiting_second');
    const agreed = await decide(dian, reviewId, first.id, { ...ta, decision: 'include' });
    assert.equal(agreed.body.status, 'agreed_include');

    await decide(ayu, reviewId, second.id, { ...ta, decision: 'include' });
    const conflict = await decide(dian, reviewId, second.id, { ...ta, decision: 'exclude', reason: 'not a trial' });
    assert.equal(conflict.body.status, 'conflict');
    listed = await references(ayu, reviewId);
    const inConflict = listed.find((r) => r.id === second.id);
    assert.equal(inConflict?.status, 'conflict');
    assert.deepEqual(inConflict?.decisions.map((d) => d.decision).sort(), ['exclude', 'include']);
    assert.equal((await ayu.get(`/api/reviews/${reviewId}`)).body.screening.title_abstract.conflict, 1);

    // Dian changes her mind: her newer decision replaces the older one, and the conflict is gone.
    const changed = await decide(dian, reviewId, second.id, { ...ta, decision: 'include' });
    assert.equal(changed.body.status, 'agreed_include');
    await decide(dian, reviewId, second.id, { ...ta, decision: 'maybe' });
    assert.equal((await references(ayu, reviewId)).find((r) => r.id === second.id)?.status, 'conflict');
    const resolved = await ayu.post(`/api/reviews/${reviewId}/references/${second.id}/resolutions`, {
      ...ta,
      decision: 'exclude',
      reason: 'consensus: no comparison group',
    });
    assert.equal(resolved.status, 201, resolved.text);
    listed = await references(ayu, reviewId);
    assert.equal(listed.find((r) => r.id === second.id)?.status, 'resolved_exclude');

    // Full text: only records included at title/abstract; excluding needs a reason.
    assert.equal((await decide(ayu, reviewId, second.id, { stage: 'full_text', decision: 'include' })).status, 400);
    const fullText = await references(ayu, reviewId, 'full_text');
    assert.deepEqual(
      fullText.map((r) => r.id),
      [first.id],
    );
    const noReason = await decide(ayu, reviewId, first.id, { stage: 'full_text', decision: 'exclude' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].path, 'reason');
    const early = await ayu.post(`/api/reviews/${reviewId}/references/${first.id}/resolutions`, {
      stage: 'full_text',
      decision: 'include',
    });
    assert.equal(early.status, 400, 'no resolution before both reviewers decided');
    assert.equal(
      (await decide(midwife, reviewId, first.id, { ...ta, decision: 'include' })).status,
      403,
      'a midwife does not screen',
    );
    assert.equal((await decide(ayu, reviewId, newId(), { ...ta, decision: 'include' })).status, 404);
  });

  it('preloads the evidence file once, extraction filled with reported numbers and derived ones flagged', async () => {
    const reviewId = await createReview(ayu);
    const preloaded = await ayu.post(`/api/reviews/${reviewId}/preload`);
    assert.equal(preloaded.status, 201, preloaded.text);
    assert.equal(preloaded.body.added, 46);
    assert.equal(preloaded.body.source.name, 'Lancar evidence file');
    assert.equal((await ayu.post(`/api/reviews/${reviewId}/preload`)).body.added, 0);

    const listed = await references(ayu, reviewId);
    assert.equal(listed.length, 46);
    assert.ok(listed.every((reference) => reference.extraction !== null));
    const sulaeman = listed.find((reference) => reference.evidenceStudyId === 'sulaeman-2016');
    assert.ok(sulaeman?.extraction);
    const result = sulaeman.extraction.data.results.find((item) => item.outcome === 'milk-volume');
    assert.ok(result, 'the milk volume comparison is extracted');
    // Reported: the means. Derived (the evidence file's 30/30 split, an SD from the p-value): flagged.
    assert.equal(result.mean1, 9.6233);
    assert.equal(result.mean2, 4.472);
    assert.equal(result.n1, 30);
    assert.deepEqual(result.derivedFields, ['n1', 'sd1', 'n2', 'sd2']);
    assert.match(String(result.derivedNotes), /30 per group/);

    // A correction is a new version that supersedes the old one.
    const corrected = await ayu.request('PUT', `/api/reviews/${reviewId}/references/${sulaeman.id}/extraction`, {
      data: { ...sulaeman.extraction.data, notes: 'checked against the full text' },
    });
    assert.equal(corrected.status, 200, corrected.text);
    assert.equal(corrected.body.supersedes, sulaeman.extraction.id);
    const again = (await references(ayu, reviewId)).find((reference) => reference.id === sulaeman.id);
    assert.equal(again?.extraction?.id, corrected.body.id);
    const bad = await ayu.request('PUT', `/api/reviews/${reviewId}/references/${sulaeman.id}/extraction`, {
      data: {
        design: 'rct',
        results: [{ outcome: 'milk-volume', measure: 'MD', combination: 'alone', n1: 10, events1: 11 }],
      },
    });
    assert.equal(bad.status, 400);
    const flaggedEmpty = await ayu.request('PUT', `/api/reviews/${reviewId}/references/${sulaeman.id}/extraction`, {
      data: {
        design: 'rct',
        results: [{ outcome: 'milk-volume', measure: 'MD', combination: 'alone', derivedFields: ['sd1'] }],
      },
    });
    assert.equal(flaggedEmpty.status, 400);
  });

  it('pools the included studies as @lancar/stats does, by subgroup, and draws the forest plot and PRISMA diagram', async () => {
    const reviewId = await createReview(ayu);
    await ayu.post(`/api/reviews/${reviewId}/preload`);
    // The evidence file's comparisons with counts (adequate milk flow) and with means (time to colostrum).
    const binary = studiesForMetaAnalysis('milk-flow-adequate');
    const continuous = studiesForMetaAnalysis('time-to-colostrum');
    assert.ok(binary.length >= 3 && continuous.length >= 2, 'the evidence file has comparisons to pool');
    const wanted = new Set([...binary, ...continuous].map((input) => input.studyId));
    const listed = await references(ayu, reviewId);
    const chosen = listed.filter((reference) => reference.evidenceStudyId && wanted.has(reference.evidenceStudyId));
    // Include those studies at both stages; exclude one other study at title/abstract.
    for (const stage of ['title_abstract', 'full_text']) {
      for (const reference of chosen) {
        assert.equal((await decide(ayu, reviewId, reference.id, { stage, decision: 'include' })).status, 201);
        assert.equal((await decide(dian, reviewId, reference.id, { stage, decision: 'include' })).status, 201);
      }
    }
    const other = listed.find((reference) => !chosen.includes(reference));
    assert.ok(other);
    await decide(ayu, reviewId, other.id, { stage: 'title_abstract', decision: 'exclude' });
    await decide(dian, reviewId, other.id, { stage: 'title_abstract', decision: 'exclude' });

    const order = chosen.map((reference) => reference.evidenceStudyId);
    const byOrder = <T extends { studyId: string }>(items: T[]) =>
      [...items].sort((a, b) => order.indexOf(a.studyId) - order.indexOf(b.studyId));
    const counts = byOrder(binary).flatMap((input) =>
      input.kind === 'binary'
        ? [{ input, study: { events1: input.ai, n1: input.n1i, events2: input.ci, n2: input.n2i } }]
        : [],
    );
    const expectedEffects = escalc(
      'RR',
      counts.map(({ study }) => study),
    );
    const expected = metaAnalysis(expectedEffects, { method: 'REML' });

    const query = 'outcome=milk-flow-adequate&measure=RR&method=REML';
    const meta = await ayu.get(`/api/reviews/${reviewId}/meta-analysis?${query}&subgroup=design`);
    assert.equal(meta.status, 200, meta.text);
    assert.equal(meta.body.logScale, true);
    assert.equal(meta.body.studies.length, counts.length);
    assert.equal(meta.body.overall.k, expected.k);
    for (const key of ['estimate', 'ciLower', 'ciUpper', 'tau2', 'I2', 'Q'] as const) {
      assert.ok(Math.abs(meta.body.overall[key] - expected[key]) < 1e-12, key);
    }
    meta.body.studies.forEach((study: { yi: number; vi: number }, index: number) => {
      assert.ok(Math.abs(study.yi - (expectedEffects[index]?.yi ?? Number.NaN)) < 1e-12);
      assert.ok(Math.abs(study.vi - (expectedEffects[index]?.vi ?? Number.NaN)) < 1e-12);
    });
    // Subgroups by design, each pooled on its own studies (null with fewer than two).
    const designs = [...new Set(counts.map(({ input }) => input.design))];
    assert.deepEqual(meta.body.subgroups.map((s: { group: string }) => s.group).sort(), [...designs].sort());
    for (const subgroup of meta.body.subgroups as { group: string; k: number; pooled: { estimate: number } | null }[]) {
      const members = counts
        .map(({ input }, index) => ({ input, effect: expectedEffects[index] }))
        .filter(({ input }) => input.design === subgroup.group);
      assert.equal(subgroup.k, members.length, subgroup.group);
      if (members.length < 2) assert.equal(subgroup.pooled, null);
      else {
        const pooled = metaAnalysis(
          members.map(({ effect }) => effect ?? { yi: 0, vi: 1 }),
          { method: 'REML' },
        );
        assert.ok(Math.abs((subgroup.pooled?.estimate ?? Number.NaN) - pooled.estimate) < 1e-12, subgroup.group);
      }
    }
    const alone = await ayu.get(`/api/reviews/${reviewId}/meta-analysis?${query}&subgroup=combination`);
    assert.deepEqual(
      alone.body.subgroups.map((s: { group: string; k: number }) => [s.group, s.k]),
      [['alone', counts.length]],
    );

    // Means: SMD as escalc computes it (fixed effect here); leaving out derived numbers drops studies relying on them.
    const means = byOrder(continuous).flatMap((input) =>
      input.kind === 'continuous'
        ? [{ mean1: input.m1i, sd1: input.sd1i, n1: input.n1i, mean2: input.m2i, sd2: input.sd2i, n2: input.n2i }]
        : [],
    );
    const fixed = metaAnalysis(escalc('SMD', means), { method: 'FE' });
    const smd = await ayu.get(`/api/reviews/${reviewId}/meta-analysis?outcome=time-to-colostrum&measure=SMD&method=FE`);
    assert.equal(smd.status, 200, smd.text);
    assert.ok(Math.abs(smd.body.overall.estimate - fixed.estimate) < 1e-12);
    assert.equal(smd.body.overall.tau2, 0);
    assert.ok(smd.body.studies.every((study: { usesDerived: boolean }) => study.usesDerived));
    const strict = await ayu.get(
      `/api/reviews/${reviewId}/meta-analysis?outcome=time-to-colostrum&measure=SMD&derived=exclude`,
    );
    assert.equal(strict.body.studies.length, 0);
    assert.equal(strict.body.overall, null);
    assert.ok(strict.body.leftOut.every((item: { reason: { en: string } }) => /derived/.test(item.reason.en)));
    const wrongMeasure = await ayu.get(`/api/reviews/${reviewId}/meta-analysis?outcome=time-to-colostrum&measure=RR`);
    assert.equal(wrongMeasure.body.studies.length, 0);
    assert.match(wrongMeasure.body.leftOut[0].reason.en, /events1/);

    const forest = await ayu.get(`/api/reviews/${reviewId}/forest.svg?${query}`, { 'accept-language': 'en' });
    assert.equal(forest.status, 200, forest.text);
    assert.match(forest.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    assertWellFormedXml(forest.text);
    for (const study of meta.body.studies as { label: string }[]) {
      assert.ok(forest.text.includes(study.label.replace(/&/g, '&amp;')), study.label);
    }
    const forestId = await ayu.get(`/api/reviews/${reviewId}/forest.svg?${query}`, { 'accept-language': 'id' });
    assert.notEqual(forestId.text, forest.text, 'labels follow the reader’s language');
    const tooFew = await ayu.get(`/api/reviews/${reviewId}/forest.svg?outcome=latch&measure=SMD`);
    assert.equal(tooFew.status, 422, tooFew.text);
    assert.equal(tooFew.body.type, 'https://lancar.id/problems/meta-analysis-too-few');

    // PRISMA: counts from the screening, the researcher's numbers through PATCH.
    const patched = await ayu.patch(`/api/reviews/${reviewId}`, {
      prisma: { reportsNotRetrieved: 0, studiesIncluded: 2 },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(patched.body.prisma, { reportsNotRetrieved: 0, studiesIncluded: 2 });
    const prisma = await ayu.get(`/api/reviews/${reviewId}/prisma`);
    assert.equal(prisma.status, 200);
    assert.equal(prisma.body.counts.identified, 46);
    assert.equal(prisma.body.counts.screened, chosen.length + 1);
    assert.equal(prisma.body.counts.excludedScreening, 1);
    assert.equal(prisma.body.counts.reportsIncluded, chosen.length);
    assert.equal(prisma.body.counts.studiesIncluded, 2);
    const svg = await ayu.get(`/api/reviews/${reviewId}/prisma.svg`, { 'accept-language': 'en' });
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    assertWellFormedXml(svg.text);
    assert.match(svg.text, /Lancar evidence file/);
    assert.equal((await ayu.patch(`/api/reviews/${reviewId}`, { prisma: { studiesIncluded: -1 } })).status, 400);
    assert.equal((await midwife.get(`/api/reviews/${reviewId}/prisma.svg`)).status, 403);
    assert.equal((await otherResearcher.get(`/api/reviews/${reviewId}/forest.svg?${query}`)).status, 404);
  });
});
