import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Mutation } from '@lancar/contracts';
import { demoId } from '@lancar/db';
import { ROLES, type Role, scopeOf } from '@lancar/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteSummary } from './app-types.ts';
import { contractOverrides } from './testing/contract-arbitraries.ts';
import {
  changedTables,
  type Fingerprint,
  fingerprint,
  type StoredValues,
  storedValues,
} from './testing/db-fingerprint.ts';
import { prePostStudyRequest } from './testing/studies.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from './testing/test-server.ts';
import { acceptsAsJson, type HostileCase, hostileArbitrary, validArbitrary } from './testing/zod-arbitrary.ts';

/**
 * Every API route that writes is sent bodies derived from its own zod contract (found in the app's route table, so
 * a new route is fuzzed without anyone listing it): valid ones with hostile text in them, ones with a single field
 * wrong, missing or extra, and arbitrary JSON. Whatever arrives:
 * - the answer is never a 5xx, and it is JSON or a problem document;
 * - a body the contract refuses never gets a 2xx;
 * - a refused request wrote nothing (every table's content is compared before and after);
 * - an accepted request wrote all of it: every text and id it carried is in the database afterwards.
 *
 * The seed is printed; LANCAR_FUZZ_SEED=<seed> replays a run, LANCAR_FUZZ_RUNS sets the runs per route.
 */
const SEED = Number(process.env.LANCAR_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.LANCAR_FUZZ_RUNS ?? 24);
/** Routes that hash a password (scrypt, about 0.3 s and 128 MiB each) get fewer runs. */
const SLOW_ROUTES: Record<string, number> = {
  'POST /api/auth/login': 8,
  'POST /api/auth/activation': 8,
  // Ends the session, so the next run logs in again.
  'POST /api/auth/logout': 6,
};

const A = demoId('facility:sukamaju');
const SITI = demoId('mother:siti');
const SITI_BABY = demoId('baby:siti:1');
const BUDI = demoId('user:budi');
const RINA = demoId('user:rina');
const SESSION = demoId('training:posyandu-melati');

const LOGINS: Record<Role, string> = {
  system_admin: DEMO.systemAdmin,
  facility_admin: DEMO.facilityAdmin,
  midwife: DEMO.midwife,
  cadre: DEMO.cadre,
  researcher: DEMO.researcher,
  mother: DEMO.mother,
  companion: DEMO.companion,
};

/**
 * Fields whose value the database keeps in another form, so the "accepted means all of it was written" check looks
 * for them elsewhere or not at all. Everything else a 2xx body carries must be found in the database.
 */
const NOT_STORED_AS_SENT: Record<string, { keys: string[]; why: string }> = {
  'POST /api/auth/login': { keys: ['login', 'password'], why: 'a password is hashed; the login name normalised' },
  'POST /api/auth/activation/check': { keys: ['code'], why: 'looks a code up by its hash; writes nothing' },
  'POST /api/auth/activation': { keys: ['code', 'password'], why: 'codes and passwords are stored as hashes' },
  'POST /api/reviews/:reviewId/imports': { keys: ['text'], why: 'the file is parsed into references' },
  'POST /api/sync/push': { keys: ['mutations'], why: 'each mutation is checked on its own (pushExpectations below)' },
};

/** Tables a refused request may write by design: counting failed logins and codes is what refusing them means. */
const WRITTEN_WHEN_REFUSED: Record<string, string[]> = {
  'POST /api/auth/login': ['login_throttle'],
  'POST /api/auth/activation/check': ['login_throttle'],
  'POST /api/auth/activation': ['login_throttle'],
};

/** Fields of a pushed mutation that are not stored as sent (see pushExpectations). */
const MUTATION_ENVELOPE = new Set(['type', 'recordedAt']);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const keyOf = (route: Pick<RouteSummary, 'method' | 'url'>) => `${route.method} ${route.url}`;
const PUSH = 'POST /api/sync/push';
const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

describe('hostile request bodies, derived from the zod contracts', () => {
  let server: TestServer;
  const clients = new Map<Role, TestClient>();
  /** Real values for path parameters and for body fields of the same name. */
  const known: Record<string, string[]> = {};
  let last: Fingerprint;

  const writeRoutes = () =>
    server.app.routeTable.filter((r) => r.url.startsWith('/api/') && WRITE_METHODS.has(r.method));

  /** The roles the policy lets call a route (none for a public one: it is called without a session). */
  function rolesFor(route: RouteSummary): (Role | 'anonymous')[] {
    if (route.access === 'public') return ['anonymous'];
    const access = route.access;
    assert.ok(access, `${keyOf(route)} declares no access rule`);
    return ROLES.filter((role) => scopeOf(role, access.action, access.kind) !== undefined);
  }

  async function clientFor(role: Role | 'anonymous'): Promise<TestClient> {
    if (role === 'anonymous') return server.client();
    const client = clients.get(role);
    // A fuzzed logout ends the session: log in again (which writes a session, so the fingerprint is taken anew).
    if (client?.cookie) return client;
    const fresh = await server.loginAs(LOGINS[role]);
    clients.set(role, fresh);
    last = await fingerprint(server.database);
    return fresh;
  }

  before(async () => {
    server = await startTestServer();
    for (const role of ROLES) clients.set(role, await server.loginAs(LOGINS[role]));
    const midwife = clients.get('midwife') as TestClient;
    const researcher = clients.get('researcher') as TestClient;

    // Records for the routes to work on, so that valid bodies get past the lookups and reach the database.
    const review = await researcher.post('/api/reviews', {
      id: crypto.randomUUID(),
      title: 'Ulasan fuzz',
      question: null,
    });
    assert.equal(review.status, 201, review.text);
    const imported = await researcher.post(`/api/reviews/${review.body.id}/imports`, {
      format: 'ris',
      sourceName: 'PubMed',
      text: 'TY  - JOUR\nTI  - Pijat oksitosin\nAU  - A, B.\nPY  - 2020\nER  - \n\nTY  - JOUR\nTI  - Back massage\nPY  - 2021\nER  - \n',
    });
    assert.equal(imported.status, 201, imported.text);
    const references = await researcher.get(`/api/reviews/${review.body.id}/references`);
    const study = await researcher.post('/api/studies', prePostStudyRequest('Studi fuzz', A));
    assert.equal(study.status, 201, study.text);
    const alerts = await midwife.get('/api/alerts');
    const session = await midwife.get(`/api/training/sessions/${SESSION}`);
    const entries = await midwife.get(`/api/mothers/${SITI}/entries`);
    const pseudonyms = await sql<{ pseudonym: string }>`SELECT pseudonym FROM mother WHERE facility_id = ${A}`.execute(
      server.database.db,
    );

    Object.assign(known, {
      motherId: [SITI],
      babyId: [SITI_BABY],
      userId: [BUDI, RINA],
      facilityId: [A],
      facilityIds: [A],
      alertId: alerts.body.alerts.map((a: { id: string }) => a.id).slice(0, 5),
      sessionId: [SESSION],
      participantId: session.body.participantList.map((p: { id: string }) => p.id).slice(0, 5),
      reviewId: [review.body.id],
      referenceId: references.body.references.map((r: { id: string }) => r.id),
      studyId: [study.body.id],
      supersedes: entries.body.entries.map((e: { id: string }) => e.id).slice(0, 5),
      pseudonym: pseudonyms.rows.map((r) => r.pseudonym).slice(0, 10),
      protocolId: ['standard-3min-2x-day1-3'],
    });
    last = await fingerprint(server.database);
    console.log(`hostile bodies: seed ${SEED}, ${RUNS} runs per route (LANCAR_FUZZ_SEED=${SEED} replays this run)`);
  });
  after(() => server?.close());

  it('can fuzz every route that writes: a body contract the walker understands, and real path parameters', () => {
    const routes = writeRoutes();
    assert.ok(routes.length >= 30, `${routes.length} write routes`);
    const problems: string[] = [];
    for (const route of routes) {
      for (const name of paramNames(route.url)) {
        if (!known[name]?.length) problems.push(`${keyOf(route)}: no known value for :${name}`);
      }
      if (rolesFor(route).length === 0) problems.push(`${keyOf(route)}: no role may call it`);
      try {
        if (route.schema.body) validArbitrary(route.schema.body, { overrides: contractOverrides() });
      } catch (error) {
        problems.push(`${keyOf(route)}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(problems, [], 'give these routes what the fuzzing needs (known values, a zod body it can walk)');
  });

  it('answers every fuzzed body with a 4xx that wrote nothing, or a 2xx that wrote all of it', async (t) => {
    for (const route of writeRoutes()) {
      await t.test(keyOf(route), async () => {
        await fuzzRoute(route);
      });
    }
  });

  async function fuzzRoute(route: RouteSummary): Promise<void> {
    const key = keyOf(route);
    const body = route.schema.body;
    const options = { knownByKey: known, now: new Date() };
    const overrides = contractOverrides(options);
    const cases: fc.Arbitrary<HostileCase> = body
      ? fc.oneof(
          {
            weight: 2,
            arbitrary: validArbitrary(body, { ...options, overrides }).map((b) => ({ how: 'valid', body: b })),
          },
          { weight: 3, arbitrary: hostileArbitrary(body, { ...options, overrides }) },
        )
      : // A route without a body contract is sent no body, an empty object or arbitrary JSON: it must ignore it.
        fc.oneof(
          fc.constant({ how: 'no body', body: undefined }),
          fc.jsonValue({ maxDepth: 2 }).map((b) => ({ how: 'arbitrary JSON', body: b })),
        );
    const params = fc.record(
      Object.fromEntries(paramNames(route.url).map((name) => [name, fc.constantFrom(...(known[name] ?? []))])),
    );
    const roles = rolesFor(route);
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(cases, fc.constantFrom(...roles), params, async (fuzzed, role, values) => {
        const path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
        const client = await clientFor(role);
        // Nothing else writes between two runs, so the fingerprint after one is the one before the next.
        const before = last;
        // A push is checked record by record, against what was stored before it: a record id fast-check repeats
        // may have been stored by an earlier run that applied it.
        const storedBefore = key === PUSH ? await storedValues(server.database) : undefined;
        const response = await client.request(route.method, path, fuzzed.body);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const label = `${key} as ${role}, ${fuzzed.how}: ${response.status} ${response.text.slice(0, 300)}`;

        assert.ok(response.status < 500, `server error: ${label}`);
        const type = response.headers.get('content-type') ?? '';
        if (response.status === 204) assert.equal(response.text, '', label);
        else if (response.status >= 400) {
          assert.equal(type, 'application/problem+json; charset=utf-8', label);
          assert.equal(response.body.status, response.status, label);
          assert.match(response.body.type, /^https:\/\/lancar\.id\/problems\/[a-z-]+$/, label);
        } else assert.match(type, /^application\/json/, label);
        if (body && !acceptsAsJson(body, fuzzed.body)) {
          assert.ok(response.status >= 400, `accepted a body its contract refuses: ${label}`);
        }

        const afterwards = await fingerprint(server.database);
        last = afterwards;
        const allowed = WRITTEN_WHEN_REFUSED[key] ?? [];
        const changed = changedTables(before, afterwards);
        if (response.status >= 300) {
          assert.deepEqual(
            changed.filter((table) => !allowed.includes(table)),
            [],
            `refused, yet wrote: ${label}`,
          );
          return;
        }
        if (body) await checkWrittenWhole(route, body, fuzzed.body, changed, response.body, label, storedBefore);
      }),
      { seed: SEED, numRuns: SLOW_ROUTES[key] ?? RUNS, endOnFailure: true, includeErrorInReport: true },
    );
    logStatuses(key, roles, statuses);
  }

  /** After a 2xx, every text and id the body carried (as its contract parses it) is in the database. */
  async function checkWrittenWhole(
    route: RouteSummary,
    schema: z.ZodType,
    sent: unknown,
    changed: string[],
    answer: unknown,
    label: string,
    storedBefore: StoredValues | undefined,
  ): Promise<void> {
    const key = keyOf(route);
    const parsed = z.parse(schema, JSON.parse(JSON.stringify(sent)));
    const skip = new Set(NOT_STORED_AS_SENT[key]?.keys ?? []);
    const expected = textsIn(parsed, skip);
    if (key === PUSH && storedBefore) expected.push(...(await pushExpectations(sent, answer, label, storedBefore)));
    if (expected.length === 0) return;
    // Routes may trim text once more, and keep an empty text as "none".
    const found = (stored: StoredValues, value: string) => stored.has(value) || stored.has(value.trim());
    let stored = await storedValues(server.database, changed);
    let missing = expected.filter((value) => !found(stored, value));
    if (missing.length > 0) {
      // An idempotent write (the same status again) changes no table; the values are then already stored.
      stored = await storedValues(server.database);
      missing = missing.filter((value) => !found(stored, value));
    }
    assert.deepEqual(
      missing,
      [],
      `answered 2xx but ${JSON.stringify(missing).slice(0, 300)} are not in the database (${changed}): ${label}`,
    );
  }

  /**
   * A push answers each mutation on its own: an applied one is stored whole, a rejected one not at all (its record
   * id, if not stored before the push, is nowhere in the database after it), and every mutation gets an answer.
   */
  async function pushExpectations(
    sent: unknown,
    answer: unknown,
    label: string,
    storedBefore: StoredValues,
  ): Promise<string[]> {
    const mutations = (sent as { mutations: { mutationId: string }[] }).mutations;
    const results = (answer as { results: { mutationId: string; status: string; replay: boolean }[] }).results;
    assert.equal(results.length, mutations.length, `one answer per mutation: ${label}`);
    const expected: string[] = [];
    const applied = new Set<string>();
    for (const [i, raw] of mutations.entries()) {
      const result = results[i];
      assert.equal(result?.mutationId, raw.mutationId, `answers in order: ${label}`);
      const parsed = Mutation.safeParse(raw);
      if (!parsed.success) {
        assert.equal(result?.status, 'rejected', `an invalid mutation was applied: ${label}`);
        continue;
      }
      if (result?.status === 'applied' && !result.replay) {
        // The envelope's type is the table the record goes to; a quiz or lesson keeps when it was taken or done,
        // not when the phone queued it.
        expected.push(...textsIn(parsed.data, MUTATION_ENVELOPE));
        applied.add(recordIdOf(parsed.data));
      }
    }
    const stored = await storedValues(server.database);
    for (const [i, raw] of mutations.entries()) {
      const parsed = Mutation.safeParse(raw);
      if (!parsed.success || results[i]?.status !== 'rejected' || results[i]?.replay) continue;
      const id = recordIdOf(parsed.data);
      if (applied.has(id) || storedBefore.has(id)) continue;
      assert.ok(!stored.has(id), `a rejected mutation's record ${id} was stored: ${label}`);
    }
    return expected;
  }
});

const recordIdOf = (mutation: Mutation): string =>
  mutation.type === 'entry'
    ? mutation.entry.id
    : mutation.type === 'quiz_attempt'
      ? mutation.attempt.id
      : mutation.lesson.id;

/** The strings in a parsed body, leaving out the fields named in `skip`. */
function textsIn(value: unknown, skip: Set<string>): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, skip));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : textsIn(v, skip)));
  }
  return [];
}

function logStatuses(key: string, roles: readonly string[], statuses: Map<number, number>): void {
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}x${n}`);
  console.log(`${key} [${roles.join(',')}]: ${summary.join(' ')}`);
}
