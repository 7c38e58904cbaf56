import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { sql } from 'kysely';
import { DEMO, startTestServer, type TestClient, type TestServer } from './testing/test-server.ts';

/** Bad input gets a 4xx problem document that says what to fix, and nothing is written. */
describe('bad input', () => {
  let server: TestServer;
  let midwife: TestClient;
  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
  });
  after(() => server.close());

  async function rowCounts(): Promise<string> {
    const result = await sql<{ counts: string }>`
      SELECT (SELECT count(*) FROM mother) || '/' || (SELECT count(*) FROM baby) || '/' || (SELECT count(*) FROM user_account)
             || '/' || (SELECT count(*) FROM companion_link) AS counts`.execute(server.database.db);
    return result.rows[0]?.counts ?? '';
  }

  async function expectProblem(
    response: Promise<{ status: number; headers: Headers; body: { type?: string; title?: string } }>,
    status: number,
    type: string,
  ) {
    const r = await response;
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(r.body.type, `https://lancar.id/problems/${type}`);
    assert.ok(r.body.title && r.body.title.length > 5);
  }

  it('refuses malformed JSON, the wrong content type and an empty body', async () => {
    const before = await rowCounts();
    await expectProblem(midwife.request('POST', '/api/mothers', '{"id": "x",'), 400, 'malformed-body');
    await expectProblem(
      midwife.request('POST', '/api/mothers', 'hello', { 'content-type': 'text/plain' }),
      415,
      'unsupported-media-type',
    );
    await expectProblem(
      midwife.request('POST', '/api/mothers', '', { 'content-type': 'application/json' }),
      400,
      'malformed-body',
    );
    assert.equal(await rowCounts(), before);
  });

  it('names wrong types, unknown fields and bad ids', async () => {
    const before = await rowCounts();
    const wrongTypes = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: 42,
      deliveredAt: true,
      consentCare: 'yes',
      babies: 'one',
    });
    assert.equal(wrongTypes.status, 400);
    const paths = wrongTypes.body.errors.map((e: { path: string }) => e.path);
    for (const field of ['fullName', 'deliveredAt', 'consentCare', 'babies'])
      assert.ok(paths.includes(field), `${field} in ${paths}`);
    const unknown = await midwife.post('/api/auth/login', { login: 'a', password: 'b', isAdmin: true });
    assert.deepEqual(
      unknown.body.errors.map((e: { path: string }) => e.path),
      ['isAdmin'],
    );
    await expectProblem(midwife.get('/api/mothers/1%27%20OR%201=1'), 400, 'invalid-input');
    assert.equal(await rowCounts(), before);
  });

  it('refuses an oversized body before reading it all', async () => {
    const before = await rowCounts();
    const huge = JSON.stringify({ id: newId(), fullName: 'x'.repeat(300 * 1024) });
    await expectProblem(midwife.request('POST', '/api/mothers', huge), 413, 'body-too-large');
    assert.equal(await rowCounts(), before);
  });

  it('refuses deeply nested JSON and prototype pollution without a server error', async () => {
    const before = await rowCounts();
    const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const deep = await midwife.request('POST', '/api/mothers', nested);
    assert.equal(deep.status, 400);
    const polluted = await midwife.request(
      'POST',
      '/api/auth/login',
      '{"login":"a","password":"b","__proto__":{"isAdmin":true}}',
    );
    assert.equal(polluted.status, 400);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
    assert.equal(await rowCounts(), before);
  });

  it('stores SQL and HTML metacharacters as text, and finds them again', async () => {
    const hostile = `Robert'); DROP TABLE mother; -- <script>alert(1)</script> \u0000?`.replace('\u0000', '');
    const created = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: hostile,
      village: '%_\\ LIKE',
      deliveredAt: new Date().toISOString(),
      consentCare: true,
      consentResearch: false,
      babies: [{ id: newId(), sex: 'male' }],
    });
    assert.equal(created.status, 201, created.text);
    const read = await midwife.get(`/api/mothers/${created.body.mother.id}`);
    assert.equal(read.body.fullName, hostile);
    assert.equal(read.body.village, '%_\\ LIKE');
  });

  it('refuses a NUL character, which PostgreSQL cannot store, with a 400 not a 500', async () => {
    const before = await rowCounts();
    const response = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: 'Nul\u0000Name',
      deliveredAt: new Date().toISOString(),
      consentCare: true,
      consentResearch: false,
      babies: [{ id: newId(), sex: 'male' }],
    });
    assert.equal(response.status, 400, response.text);
    assert.equal(await rowCounts(), before);
  });

  it('refuses half a surrogate pair, which would be stored as U+FFFD, and control characters in alert notes', async () => {
    const before = await rowCounts();
    const message = await midwife.post(`/api/mothers/${demoId('mother:siti')}/messages`, {
      id: newId(),
      body: 'Besok \ud83d jam 9',
    });
    assert.equal(message.status, 400, message.text);
    assert.deepEqual(
      message.body.errors.map((e: { path: string }) => e.path),
      ['body'],
    );
    const alerts = await midwife.get('/api/alerts?state=open');
    const note = await midwife.post(`/api/alerts/${alerts.body.alerts[0].id}/actions`, {
      kind: 'acknowledged',
      note: 'bell\u0007',
    });
    assert.equal(note.status, 400, note.text);
    assert.equal(await rowCounts(), before);
    // A whole pair (an emoji) is text like any other.
    const emoji = await midwife.post(`/api/mothers/${demoId('mother:siti')}/messages`, { id: newId(), body: 'ASI 🤱' });
    assert.equal(emoji.status, 201, emoji.text);
  });

  it('keeps the answer to a wide object small: thousands of unknown fields, one very long field name', async () => {
    const before = await rowCounts();
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, i]));
    const response = await midwife.post('/api/mothers', { id: newId(), ...wide, [`k${'x'.repeat(100_000)}`]: 1 });
    assert.equal(response.status, 400);
    assert.equal(response.body.type, 'https://lancar.id/problems/invalid-input');
    // Every unknown key used to be listed in the message for each of them: 5,000 x 5,000 names.
    assert.ok(response.text.length < 32 * 1024, `${response.text.length} characters`);
    assert.ok(response.body.errors.length <= 50);
    assert.ok(response.body.errors.some((e: { path: string }) => e.path === 'field0'));
    for (const e of response.body.errors as { path: string; message: string }[]) {
      assert.ok(
        e.path.length <= 101 + 1 && e.message.length < 300,
        `${e.path.slice(0, 40)}: ${e.message.slice(0, 80)}`,
      );
    }
    assert.equal(await rowCounts(), before);
  });

  it('refuses very long arrays inside the body limit, and a push with more mutations than allowed', async () => {
    const companion = await server.loginAs(DEMO.companion);
    const entries = async () =>
      (await sql<{ n: string }>`SELECT count(*) AS n FROM household_entry`.execute(server.database.db)).rows[0]?.n;
    const before = [await rowCounts(), await entries()];
    const babies = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: 'Ibu Larik',
      deliveredAt: new Date().toISOString(),
      consentCare: true,
      consentResearch: false,
      babies: Array.from({ length: 30_000 }, () => 0),
    });
    assert.equal(babies.status, 400);
    assert.ok(babies.text.length < 32 * 1024, `${babies.text.length} characters`);
    const mutation = {
      mutationId: newId(),
      type: 'entry',
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
      entry: {},
    };
    const overLimit = await companion.post('/api/sync/push', {
      deviceId: 'hostile',
      mutations: Array.from({ length: 101 }, () => ({ ...mutation, mutationId: newId() })),
    });
    assert.equal(overLimit.status, 400, overLimit.text.slice(0, 200));
    assert.deepEqual(
      overLimit.body.errors.map((e: { path: string }) => e.path),
      ['mutations'],
    );
    assert.deepEqual([await rowCounts(), await entries()], before);
  });

  it('answers hostile path parameters with a 4xx problem document, never a server error', async () => {
    for (const param of [
      '%00',
      'a%00b',
      'x'.repeat(5000),
      '..%2f..%2fhealth',
      '%5c..%5c..%5c',
      '%2e%2e',
      '%E0%A4%A',
      `${newId()}%00`,
      `${newId()}'--`,
    ]) {
      const response = await midwife.get(`/api/mothers/${param}`);
      const label = `${param.slice(0, 40)}: ${response.status} ${response.text.slice(0, 120)}`;
      assert.ok(response.status >= 400 && response.status < 500, label);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8', label);
    }
  });

  it('answers an unknown API address with a problem document', async () => {
    await expectProblem(midwife.get('/api/no-such-thing'), 404, 'route-not-found');
  });
});
