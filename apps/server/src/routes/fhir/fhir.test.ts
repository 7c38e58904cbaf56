import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId, insertEntry, nextSeq } from '@lancar/db';
import { newId } from '@lancar/domain';
import { validateBundle } from '@lancar/fhir/validate';
import { DEMO, startTestServer, type TestServer } from '../../testing/test-server.ts';

const A = demoId('facility:sukamaju');
const SITI = demoId('mother:siti');
const DEWI = demoId('mother:dewi');
const ANI = demoId('mother:ani');
const NUR = demoId('mother:nur');
const RAHMA = demoId('mother:rahma'); // RSUD Harapan Bunda

interface Resource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}
interface Bundle {
  resourceType: string;
  type: string;
  entry: { fullUrl: string; resource: Resource }[];
}

const ofType = (bundle: Bundle, type: string) =>
  bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

function assertSelfContained(bundle: Bundle): void {
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  assert.equal(urls.size, bundle.entry.length, 'every fullUrl once');
  for (const reference of references(bundle.entry.map((e) => e.resource))) {
    assert.ok(urls.has(reference), `${reference} does not resolve inside the bundle`);
  }
}

async function exportEvents(server: TestServer, subjectId: string) {
  return server.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('action', '=', 'export')
    .orderBy('at')
    .orderBy('id')
    .execute();
}

describe('FHIR export', () => {
  let server: TestServer;
  const visitId = newId();
  const voidId = newId();
  const VOIDED = demoId('entry:dewi:1');
  before(async () => {
    server = await startTestServer();
    // Dewi removes her first logged feed: neither it nor the void marker is exported.
    await insertEntry(server.database.db, {
      facility_id: A,
      id: voidId,
      mother_id: DEWI,
      baby_id: null,
      kind: 'void',
      occurred_at: new Date(),
      tz_offset_min: 420,
      recorded_by: demoId('user:dewi'),
      recorded_at: new Date(),
      supersedes: VOIDED,
      data: { reason: 'salah catat' },
      schema_version: 1,
      seq: await nextSeq(server.database.db, A),
    });
    // Dewi's NIK and a KF2 visit with what the midwife observed.
    await server.database.db.updateTable('mother').set({ nik: '3310017009940002' }).where('id', '=', DEWI).execute();
    await server.database.db
      .insertInto('visit')
      .values({
        facility_id: A,
        id: visitId,
        mother_id: DEWI,
        visit_code: 'KF2',
        visited_at: new Date(Date.now() - 2 * 3600_000),
        place: 'home',
        observations: JSON.stringify({
          temperatureC: 36.8,
          bloodPressure: { systolic: 120, diastolic: 80 },
          breasts: 'engorged',
          babies: [{ babyId: demoId('baby:dewi:1'), weightG: 3150, jaundice: false, goodLatch: true }],
        }),
        notes: 'Payudara bengkak, diajari perlekatan',
        recorded_by: demoId('user:sari'),
        recorded_at: new Date(),
        supersedes: null,
      })
      .execute();
  });
  after(() => server.close());

  it('gives a midwife one mother’s record as a valid FHIR R4 bundle download, and audits it', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const response = await midwife.get<Bundle>(`/api/mothers/${DEWI}/fhir`);
    assert.equal(response.status, 200, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="lancar-fhir-P-[0-9A-Z]{6}-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const bundle = response.body;
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.deepEqual(validateBundle(bundle), []);
    assertSelfContained(bundle);

    const mother = bundle.entry.find((e) => e.resource.id === DEWI)?.resource as unknown as {
      identifier: { system: string; value: string }[];
    };
    assert.deepEqual(
      mother.identifier.find((i) => i.system === 'https://fhir.kemkes.go.id/id/nik')?.value,
      '3310017009940002',
    );
    const ids = new Set(bundle.entry.map((e) => e.resource.id));
    assert.ok(ids.has(demoId('entry:dewi:2')), 'her other entries are there');
    assert.ok(!ids.has(VOIDED) && !ids.has(voidId), 'a removed entry is not exported');
    // Five days of massage by Yati (family), feeds, nappies, weights; a care plan; the KF2 visit.
    const procedures = ofType(bundle, 'Procedure');
    assert.ok(procedures.length >= 6, `${procedures.length} massage sessions`);
    const yati = ofType(bundle, 'RelatedPerson').find((r) =>
      (r.name as { text: string }[])[0]?.text.startsWith('Yati'),
    );
    assert.ok(yati);
    assert.ok(procedures.every((p) => references(p.performer).includes(`urn:uuid:${yati.id}`)));
    const plan = ofType(bundle, 'CarePlan')[0] as unknown as {
      status: string;
      activity: { detail: { description: string } }[];
    };
    assert.equal(plan.status, 'active');
    // The post-caesarean protocol (days 1-3) extended by the midwife to day 14.
    assert.match(plan.activity[0]?.detail.description ?? '', /^Hari 1-14: 2 kali sehari, 10 menit$/);
    const weights = ofType(bundle, 'Observation').filter((o) =>
      (o.code as { coding: { code: string }[] }).coding.some((c) => c.code === '29463-7'),
    );
    assert.ok(
      weights.every((w) => (w.valueQuantity as { code: string }).code === 'g'),
      'weights in g',
    );
    assert.ok(weights.length >= 4, 'birth weight, two home weights, the visit weight');
    const encounter = ofType(bundle, 'Encounter')[0];
    assert.equal(encounter?.id, visitId);
    const atVisit = ofType(bundle, 'Observation').filter(
      (o) => (o.encounter as { reference: string } | undefined)?.reference === `urn:uuid:${visitId}`,
    );
    assert.equal(atVisit.length, 6);
    assert.deepEqual(
      ofType(bundle, 'Consent').map((c) => (c.provision as { type: string }).type),
      ['permit', 'permit'],
    );

    const events = await exportEvents(server, DEWI);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor_role, 'midwife');
    assert.equal(events[0]?.purpose, 'care');
    assert.deepEqual(events[0]?.detail, { format: 'fhir', resources: events[0]?.detail?.resources });
    assert.ok(Number(events[0]?.detail?.resources) > 50);
  });

  it('exports twins with a husband and a cadre, and the companions’ test results', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const response = await midwife.get<Bundle>(`/api/mothers/${ANI}/fhir`);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(validateBundle(response.body), []);
    assertSelfContained(response.body);
    const patients = ofType(response.body, 'Patient');
    assert.equal(patients.length, 3, 'Ani and her twins');
    const relationships = ofType(response.body, 'RelatedPerson').map(
      (r) => (r.relationship as { coding: { code: string }[] }[])[0]?.coding[0]?.code,
    );
    assert.deepEqual(relationships.sort(), ['HUSB', 'MTH', 'MTH', 'cadre']);
    const quiz = ofType(response.body, 'QuestionnaireResponse').filter((q) =>
      String(q.questionnaire).includes('companion-quiz'),
    );
    assert.ok(quiz.length >= 2, 'Agus’s pre-test and post-test');
  });

  it('lets a mother export her own record, audited as her own', async () => {
    const mother = await server.loginAs(DEMO.mother);
    const response = await mother.get<Bundle>(`/api/mothers/${SITI}/fhir`);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(validateBundle(response.body), []);
    const events = await exportEvents(server, SITI);
    assert.equal(events.at(-1)?.purpose, 'self');
  });

  it('answers 404 for another facility’s mother and logs the attempt', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const response = await midwife.get(`/api/mothers/${RAHMA}/fhir`);
    assert.equal(response.status, 404);
    assert.equal(response.body.type, 'https://lancar.id/problems/not-found');
    const events = await exportEvents(server, RAHMA);
    const attempt = events.find((e) => e.actor_role === 'midwife');
    assert.ok(attempt, 'the attempt is in the log');
    assert.equal(attempt.facility_id, A, 'in the facility of the one who tried');
    assert.deepEqual(attempt.detail, { format: 'fhir', found: false });
    // A companion of another household is refused by the policy before any lookup.
    const companion = await server.loginAs(DEMO.companion);
    assert.equal((await companion.get(`/api/mothers/${DEWI}/fhir`)).status, 403);
  });

  it('refuses researchers: the FHIR export is identifiable', async () => {
    const researcher = await server.loginAs(DEMO.researcher);
    const one = await researcher.get(`/api/mothers/${SITI}/fhir`);
    assert.equal(one.status, 403);
    const today = new Date().toISOString().slice(0, 10);
    const all = await researcher.get(`/api/exports/fhir?from=2026-01-01&to=${today}`);
    assert.equal(all.status, 403);
    assert.equal(all.body.type, 'https://lancar.id/problems/forbidden');
    assert.doesNotMatch(all.text, /Siti|Dewi/);
  });

  it('exports the facility’s mothers of a period as one valid bundle, each mother audited', async () => {
    const admin = await server.loginAs(DEMO.facilityAdmin);
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const response = await admin.get<Bundle>(`/api/exports/fhir?from=${from}&to=${to}`);
    assert.equal(response.status, 200, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="lancar-fhir-${from}-${to}.json"`);
    assert.deepEqual(validateBundle(response.body), []);
    assertSelfContained(response.body);
    const ids = new Set(response.body.entry.map((e) => e.resource.id));
    for (const mother of [SITI, DEWI, ANI, NUR]) assert.ok(ids.has(mother), `${mother} exported`);
    assert.ok(!ids.has(RAHMA), 'not another facility’s mother');
    assert.equal(ofType(response.body, 'Organization').length, 1);
    for (const mother of [SITI, DEWI, ANI, NUR]) {
      const events = await exportEvents(server, mother);
      assert.ok(
        events.some((e) => e.actor_role === 'facility_admin' && e.purpose === 'administration'),
        `export of ${mother} audited`,
      );
    }

    // A period before anyone delivered: an empty but valid bundle.
    const empty = await admin.get<Bundle>('/api/exports/fhir?from=2020-01-01&to=2020-01-31');
    assert.equal(empty.status, 200);
    assert.deepEqual(ofType(empty.body, 'Patient'), []);
    assert.deepEqual(validateBundle(empty.body), []);
  });

  it('explains a period that is reversed or too long', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const reversed = await midwife.get('/api/exports/fhir?from=2026-03-01&to=2026-02-01');
    assert.equal(reversed.status, 400);
    assert.equal(reversed.body.type, 'https://lancar.id/problems/export-period');
    assert.match(reversed.body.detail, /366/);
    assert.equal((await midwife.get('/api/exports/fhir?from=2024-01-01&to=2026-01-01')).status, 400);
    assert.equal((await midwife.get('/api/exports/fhir?from=2026-02-30&to=2026-03-01')).status, 400);
    assert.equal((await midwife.get('/api/exports/fhir?from=2026-01-01')).status, 400);
  });
});
