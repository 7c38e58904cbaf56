import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MessageOutput, PullResult, TimelineOutput, VisitOutput } from '@lancar/contracts';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { mutation, SITI, SITI_BABY } from '../../testing/mutations.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

const DEWI = demoId('mother:dewi');
const HOUR = 3600_000;

function visitBody(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    visitCode: 'KF1',
    visitedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    place: 'home',
    observations: {
      temperatureC: 36.9,
      bloodPressure: { systolic: 118, diastolic: 76 },
      breasts: 'engorged',
      babies: [{ babyId: SITI_BABY, weightG: 2980, jaundice: false, goodLatch: true }],
    },
    notes: 'Pelekatan baik setelah dibantu.',
    ...overrides,
  };
}

async function auditRows(server: TestServer, subjectId: string) {
  return server.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

async function pullAll(client: TestClient, since = 0): Promise<PullResult> {
  const changes: PullResult['changes'] = [];
  let cursor = since;
  for (;;) {
    const page = await client.get<PullResult>(`/api/sync/pull?since=${cursor}`);
    assert.equal(page.status, 200, page.text);
    changes.push(...page.body.changes);
    cursor = page.body.next;
    if (!page.body.more) return { changes, next: cursor, more: false };
  }
}

describe('postnatal visits, messages to the household, and the mother’s timeline', () => {
  let server: TestServer;
  let midwife: TestClient;
  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
  });
  after(() => server.close());

  it('records a visit with its observations, corrects it and removes a wrong one, keeping every version', async () => {
    const first = visitBody();
    const created = await midwife.post<VisitOutput>(`/api/mothers/${SITI}/visits`, first);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.visitCode, 'KF1');
    assert.equal(created.body.observations.breasts, 'engorged');
    assert.equal(created.body.recordedByName, 'Bidan Sari Wulandari');

    // The temperature was typed wrong: a correction supersedes the first record.
    const fix = visitBody({
      supersedes: first.id,
      observations: { ...first.observations, temperatureC: 37.2 },
    });
    const corrected = await midwife.post<VisitOutput>(`/api/mothers/${SITI}/visits`, fix);
    assert.equal(corrected.status, 201, corrected.text);
    // Only the newest version may be corrected.
    const stale = await midwife.post(`/api/mothers/${SITI}/visits`, visitBody({ supersedes: first.id }));
    assert.equal(stale.status, 400);
    assert.equal(stale.body.errors[0].path, 'supersedes');

    // An "other" visit entered by mistake is removed by a voided correction.
    const extra = visitBody({
      visitCode: 'other',
      place: 'phone',
      observations: { ...first.observations, babies: [] },
    });
    assert.equal((await midwife.post(`/api/mothers/${SITI}/visits`, extra)).status, 201);
    const removal = { ...extra, id: newId(), supersedes: extra.id, voided: true };
    assert.equal((await midwife.post(`/api/mothers/${SITI}/visits`, removal)).status, 201);

    const list = await midwife.get<{ visits: VisitOutput[] }>(`/api/mothers/${SITI}/visits`);
    assert.equal(list.status, 200);
    assert.equal(list.body.visits.length, 4, 'every version is kept');
    const rows = await server.database.db.selectFrom('visit').selectAll().where('mother_id', '=', SITI).execute();
    assert.equal(rows.length, 4);

    const audit = await auditRows(server, SITI);
    const visitEvents = audit.filter((a) => a.detail && 'visit' in a.detail);
    assert.deepEqual(
      visitEvents.map((a) => a.action),
      ['create', 'update', 'create', 'update'],
      'each write is audited',
    );
    assert.ok(audit.some((a) => a.action === 'read' && a.detail && (a.detail as { visits?: number }).visits === 4));
  });

  it('acknowledges a retried visit and refuses another record under the same id', async () => {
    const body = visitBody({ visitCode: 'KF2', visitedAt: new Date(Date.now() - HOUR).toISOString() });
    assert.equal((await midwife.post(`/api/mothers/${SITI}/visits`, body)).status, 201);
    const retry = await midwife.post<VisitOutput>(`/api/mothers/${SITI}/visits`, body);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.id, body.id);
    const clash = await midwife.post(`/api/mothers/${SITI}/visits`, { ...body, visitCode: 'KF3' });
    assert.equal(clash.status, 409);
  });

  it('refuses visits before the delivery, in the future, or with impossible readings, and saves nothing', async () => {
    const before = await server.database.db.selectFrom('visit').select('id').execute();
    const delivered = await server.database.db
      .selectFrom('mother')
      .select('delivered_at')
      .where('id', '=', SITI)
      .executeTakeFirstOrThrow();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'before the delivery',
        { visitedAt: new Date((delivered.delivered_at as Date).getTime() - HOUR).toISOString() },
        'visitedAt',
        /sebelum persalinan/,
      ],
      ['in the future', { visitedAt: new Date(Date.now() + 2 * HOUR).toISOString() }, 'visitedAt', /belum terjadi/],
      [
        'a temperature of 45 °C',
        { observations: { ...visitBody().observations, temperatureC: 45 } },
        'observations.temperatureC',
        /suhu harus antara 34 dan 42/,
      ],
      [
        'a blood pressure with diastolic above systolic',
        { observations: { ...visitBody().observations, bloodPressure: { systolic: 70, diastolic: 90 } } },
        'observations.bloodPressure',
        /sistolik harus lebih tinggi/,
      ],
      [
        'a baby of another mother',
        {
          observations: {
            ...visitBody().observations,
            babies: [{ babyId: demoId('baby:dewi:1'), weightG: 3300, jaundice: null, goodLatch: null }],
          },
        },
        'observations.babies',
        /bukan bayi ibu ini/,
      ],
      ['a removal that names no visit', { voided: true }, 'supersedes', /pilih kunjungan/],
    ];
    for (const [label, overrides, path, message] of cases) {
      const response = await midwife.post(`/api/mothers/${SITI}/visits`, visitBody(overrides));
      assert.equal(response.status, 400, `${label}: ${response.text}`);
      assert.equal(response.body.type, 'https://lancar.id/problems/invalid-input');
      const error = response.body.errors.find((e: { path: string }) => e.path === path);
      assert.ok(error, `${label}: ${response.text}`);
      assert.match(error.message, message, label);
    }
    const english = await midwife.post(
      `/api/mothers/${SITI}/visits`,
      visitBody({ visitedAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
      { 'accept-language': 'en' },
    );
    assert.match(english.body.detail, /Check these fields/);
    const after = await server.database.db.selectFrom('visit').select('id').execute();
    assert.equal(after.length, before.length, 'nothing saved');
  });

  it('sends a message that the household’s phones pull in change order, and only that household', async () => {
    const husband = await server.loginAs(DEMO.companion);
    const { next: cursor } = await pullAll(husband);
    const text = 'Ibu Siti, besok pagi bidan berkunjung. Tetap susui bayi sesering ia mau.';
    const sent = await midwife.post<MessageOutput>(`/api/mothers/${SITI}/messages`, { id: newId(), body: text });
    assert.equal(sent.status, 201, sent.text);
    assert.equal(sent.body.sentByName, 'Bidan Sari Wulandari');

    const pulled = await pullAll(husband, cursor);
    const messages = pulled.changes.filter((c) => c.type === 'message');
    assert.equal(messages.length, 1);
    const [change] = messages;
    assert.ok(change?.type === 'message');
    assert.equal(change.message.body, text);
    assert.ok(change.seq > cursor, 'a message takes a number from the facility’s change counter');
    assert.equal((await pullAll(husband, pulled.next)).changes.length, 0, 'pulled once');

    // Dewi's mother-in-law pulls her own household only.
    const yati = await server.loginAs('081200000012');
    const toDewi = await midwife.post(`/api/mothers/${DEWI}/messages`, {
      id: newId(),
      body: 'Untuk keluarga Ibu Dewi',
    });
    assert.equal(toDewi.status, 201);
    const hers = await pullAll(yati);
    assert.ok(!hers.changes.some((c) => c.type === 'message' && c.message.motherId === SITI));
    assert.ok(hers.changes.some((c) => c.type === 'message' && c.message.motherId === DEWI));
    assert.ok(
      !(await pullAll(husband, pulled.next)).changes.some((c) => c.type === 'message'),
      'the husband does not get Dewi’s message',
    );
    assert.equal((await yati.get(`/api/mothers/${SITI}/messages`)).status, 403);

    // The mother reads them too; the midwife sees the list, newest first.
    const siti = await server.loginAs(DEMO.mother);
    const own = await siti.get<{ messages: MessageOutput[] }>(`/api/mothers/${SITI}/messages`);
    assert.equal(own.status, 200);
    assert.equal(own.body.messages[0]?.body, text);
    const second = await midwife.post(`/api/mothers/${SITI}/messages`, { id: newId(), body: 'Pesan kedua' });
    assert.equal(second.status, 201);
    const list = await midwife.get<{ messages: MessageOutput[] }>(`/api/mothers/${SITI}/messages`);
    assert.deepEqual(
      list.body.messages.map((m) => m.body),
      ['Pesan kedua', text],
    );
    assert.equal((await siti.post(`/api/mothers/${SITI}/messages`, { id: newId(), body: 'x' })).status, 403);
  });

  it('refuses empty and too long messages and acknowledges a retried one', async () => {
    for (const body of ['', '   ', 'x'.repeat(501)]) {
      const response = await midwife.post(`/api/mothers/${SITI}/messages`, { id: newId(), body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.body.errors[0].path, 'body');
    }
    const full = { id: newId(), body: 'y'.repeat(500) };
    assert.equal((await midwife.post(`/api/mothers/${SITI}/messages`, full)).status, 201);
    assert.equal((await midwife.post(`/api/mothers/${SITI}/messages`, full)).status, 200);
    assert.equal((await midwife.post(`/api/mothers/${SITI}/messages`, { ...full, body: 'other' })).status, 409);
    const rows = await server.database.db
      .selectFrom('household_message')
      .select('id')
      .where('id', '=', full.id)
      .execute();
    assert.equal(rows.length, 1);
  });

  it('answers 404 for another facility’s mother and writes the attempt to the audit log', async () => {
    const lina = await server.loginAs(DEMO.otherFacilityMidwife);
    const paths = [
      ['GET', `/api/mothers/${SITI}/visits`],
      ['POST', `/api/mothers/${SITI}/visits`],
      ['POST', `/api/mothers/${SITI}/messages`],
      ['GET', `/api/mothers/${SITI}/messages`],
      ['GET', `/api/mothers/${SITI}/timeline`],
    ] as const;
    const before = (await auditRows(server, SITI)).length;
    for (const [method, path] of paths) {
      const body = path.endsWith('visits') ? visitBody() : { id: newId(), body: 'Halo' };
      const response = await lina.request(method, path, method === 'POST' ? body : undefined);
      assert.equal(response.status, 404, `${method} ${path}`);
    }
    const audit = (await auditRows(server, SITI)).slice(before);
    assert.equal(audit.length, paths.length, 'each attempt leaves a trace');
    const rsud = demoId('facility:harapan');
    for (const event of audit) {
      assert.equal(event.actor_role, 'midwife');
      assert.deepEqual((event.detail as { found: boolean }).found, false);
      assert.equal(event.facility_id, rsud, 'written in the facility of the person who asked');
    }
    const visits = await server.database.db
      .selectFrom('visit')
      .select('id')
      .where('recorded_by', '=', audit[0]!.actor_user_id!)
      .execute();
    assert.equal(visits.length, 0);
  });

  it('puts everything about a mother on one timeline, with her companions’ training', async () => {
    const husband = await server.loginAs(DEMO.companion);
    const pushed = await husband.post('/api/sync/push', {
      deviceId: 'timeline-phone',
      mutations: [
        mutation('feed', { side: 'both', durationMinutes: 20 }, { occurredAt: new Date(Date.now() - 3 * HOUR) }),
        mutation('expression', { leftMl: 4, rightMl: 6 }),
        mutation('danger_report', { signs: ['baby-jaundice'] }),
      ],
    });
    assert.equal(pushed.status, 200, pushed.text);
    const before = (await auditRows(server, SITI)).length;
    const response = await midwife.get<TimelineOutput>(`/api/mothers/${SITI}/timeline`);
    assert.equal(response.status, 200, response.text);
    const { items, companions } = response.body;
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of ['feed', 'expression', 'danger_report', 'alert', 'visit', 'message']) {
      assert.ok(kinds.has(kind as never), `timeline has ${kind}: ${[...kinds].join(', ')}`);
    }
    const times = items.map((i) => Date.parse(i.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    // Corrected and removed visits show once, as their current version.
    const visits = items.filter((i) => i.kind === 'visit');
    assert.ok(visits.every((v) => v.kind === 'visit' && !v.visit.voided));
    const replaced = await server.database.db
      .selectFrom('visit')
      .select('supersedes')
      .where('mother_id', '=', SITI)
      .where('supersedes', 'is not', null)
      .execute();
    assert.equal(replaced.length, 2);
    for (const row of replaced) {
      assert.ok(!visits.some((v) => v.id === row.supersedes), 'a replaced version is not shown');
    }
    assert.ok(visits.some((v) => v.kind === 'visit' && v.visit.observations.temperatureC === 37.2));
    const budi = companions.find((c) => c.displayName === 'Budi Santoso');
    assert.ok(budi?.training, 'the husband’s training status is there');
    assert.equal(budi.relationship, 'husband');
    assert.equal((await auditRows(server, SITI)).length, before + 1, 'the read is audited once');

    const admin = await server.loginAs(DEMO.facilityAdmin);
    assert.equal((await admin.get(`/api/mothers/${SITI}/timeline`)).status, 200);
    assert.equal((await husband.get(`/api/mothers/${SITI}/timeline`)).status, 403);
  });
});
