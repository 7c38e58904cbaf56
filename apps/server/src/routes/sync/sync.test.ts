import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PullResult } from '@lancar/contracts';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { lessonMutation, mutation, SITI, SITI_BABY } from '../../testing/mutations.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

async function pullAll(client: TestClient, since = 0, limit = 500): Promise<PullResult['changes']> {
  const changes: PullResult['changes'] = [];
  let cursor = since;
  for (;;) {
    const page = await client.get<PullResult>(`/api/sync/pull?since=${cursor}&limit=${limit}`);
    assert.equal(page.status, 200, page.text);
    changes.push(...page.body.changes);
    cursor = page.body.next;
    if (!page.body.more) return changes;
  }
}

describe('sync: push and pull', () => {
  let server: TestServer;
  let husband: TestClient;
  let mother: TestClient;
  before(async () => {
    server = await startTestServer();
    husband = await server.loginAs(DEMO.companion);
    mother = await server.loginAs(DEMO.mother);
  });
  after(() => server.close());

  it('applies a batch once, acknowledges a replay without applying it again, and the other phone pulls it', async () => {
    const batch = [
      mutation('feed', { side: 'left', durationMinutes: 15 }),
      mutation('nappy', { wet: true, dirty: true, stoolColour: 'green_brown' }),
      mutation('expression', { leftMl: 5, rightMl: 3.5 }),
    ];
    const first = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: batch });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(
      first.body.results.map((r: { status: string; replay: boolean }) => [r.status, r.replay]),
      [
        ['applied', false],
        ['applied', false],
        ['applied', false],
      ],
    );
    const again = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: batch });
    assert.deepEqual(
      again.body.results.map((r: { status: string; replay: boolean }) => [r.status, r.replay]),
      [
        ['applied', true],
        ['applied', true],
        ['applied', true],
      ],
    );
    const rows = await server.database.db
      .selectFrom('household_entry')
      .select('id')
      .where('mother_id', '=', SITI)
      .execute();
    assert.equal(rows.length, 3);

    const pulled = await pullAll(mother);
    const entries = pulled.filter((c) => c.type === 'entry');
    assert.deepEqual(entries.map((c) => (c.type === 'entry' ? c.entry.kind : '')).sort(), [
      'expression',
      'feed',
      'nappy',
    ]);
    const feed = entries.find((c) => c.type === 'entry' && c.entry.kind === 'feed');
    assert.ok(
      feed?.type === 'entry' && feed.entry.occurredAt.endsWith('+07:00'),
      'shown in the offset it was recorded in',
    );
    assert.ok(feed?.type === 'entry' && feed.entry.recordedBy === demoId('user:budi'));
    // Pulling from the last cursor again gives nothing new.
    const last = pulled.at(-1)?.seq ?? 0;
    assert.deepEqual(await pullAll(mother, last), []);
  });

  it('refuses bad entries one by one, with a reason, and keeps that answer for a retry', async () => {
    const good = mutation('weight', { grams: 3000 });
    const negative = mutation('expression', { leftMl: -5, rightMl: 0 });
    const future = mutation(
      'feed',
      { side: 'both', durationMinutes: 10 },
      { occurredAt: new Date(Date.now() + 3600_000) },
    );
    const heavy = mutation('weight', { grams: 20_000 });
    const wrongBaby = mutation(
      'nappy',
      { wet: true, dirty: false, stoolColour: null },
      { babyId: demoId('baby:dewi:1') },
    );
    const otherHousehold = mutation(
      'feed',
      { side: 'left', durationMinutes: 5 },
      { motherId: demoId('mother:dewi'), babyId: demoId('baby:dewi:1') },
    );
    const malformed = { mutationId: newId(), type: 'entry', entry: { kind: 'feed' } };
    const endsBeforeStart = mutation('massage_session', {
      protocolId: 'standard-3min-2x-day1-3',
      endedAt: new Date(Date.now() - 3600_000).toISOString(),
      outcome: 'completed',
      stepsCompleted: ['prepare'],
      stepsTotal: 8,
      massageSeconds: 180,
      comfort: 4,
      pain: 0,
      letDown: true,
      notes: null,
      safetyStops: [],
    });
    const batch = [good, negative, future, heavy, wrongBaby, otherHousehold, malformed, endsBeforeStart];
    const response = await husband.post(
      '/api/sync/push',
      { deviceId: 'husband-phone', mutations: batch },
      { 'accept-language': 'en' },
    );
    assert.equal(response.status, 200, response.text);
    const statuses = response.body.results.map((r: { status: string }) => r.status);
    assert.deepEqual(statuses, [
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const forbidden = response.body.results[5].problem;
    assert.equal(forbidden.type, 'https://lancar.id/problems/forbidden');
    const futureProblem = response.body.results[2].problem;
    assert.match(JSON.stringify(futureProblem.errors), /future/);
    const retry = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [negative] });
    assert.equal(retry.body.results[0].status, 'rejected');
    assert.equal(retry.body.results[0].replay, true);
    assert.deepEqual(retry.body.results[0].problem.errors, response.body.results[1].problem.errors);
  });

  it('refuses only the mutation the database refuses, applying the rest of the batch once', async () => {
    const lesson = lessonMutation('technique');
    const first = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [lesson] });
    assert.equal(first.body.results[0].status, 'applied', first.text);
    // The same lesson record again under a new mutation id: the checks pass it, the primary key refuses it.
    const again = { ...lesson, mutationId: newId() };
    const feed = mutation('feed', { side: 'right', durationMinutes: 12 });
    const nappy = mutation('nappy', { wet: true, dirty: false, stoolColour: null });
    const batch = [feed, again, nappy];
    const response = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: batch });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body.results.map((r: { status: string }) => r.status),
      ['applied', 'rejected', 'applied'],
    );
    assert.equal(response.body.results[1].problem.type, 'https://lancar.id/problems/invalid-input');
    const retry = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: batch });
    assert.deepEqual(
      retry.body.results.map((r: { status: string; replay: boolean }) => [r.status, r.replay]),
      [
        ['applied', true],
        ['rejected', true],
        ['applied', true],
      ],
    );
    const stored = await server.database.db
      .selectFrom('household_entry')
      .select('id')
      .where('id', 'in', [feed.entry.id, nappy.entry.id])
      .execute();
    assert.equal(stored.length, 2, 'each applied entry once');
  });

  it('keeps corrections and removals as new entries that supersede the old', async () => {
    const weight = mutation('weight', { grams: 2950 });
    const correction = mutation('weight', { grams: 2990 }, { supersedes: weight.entry.id });
    const removal = mutation('void', { reason: 'typed twice' }, { supersedes: weight.entry.id, babyId: null });
    const wrongKind = mutation('feed', { side: 'left', durationMinutes: 5 }, { supersedes: weight.entry.id });
    const response = await mother.post('/api/sync/push', {
      deviceId: 'mother-phone',
      mutations: [weight, correction, removal, wrongKind],
    });
    assert.deepEqual(
      response.body.results.map((r: { status: string }) => r.status),
      ['applied', 'applied', 'applied', 'rejected'],
    );
    const kept = await server.database.db
      .selectFrom('household_entry')
      .select(['id', 'supersedes'])
      .where('supersedes', '=', weight.entry.id)
      .execute();
    assert.equal(kept.length, 2);
  });

  it('refuses a whole push only when it cannot answer it: no mutation ids, or not a household member', async () => {
    assert.equal((await husband.post('/api/sync/push', { deviceId: 'x', mutations: [{ hello: 1 }] })).status, 400);
    assert.equal((await husband.post('/api/sync/push', { deviceId: 'x', mutations: [] })).status, 400);
    const midwife = await server.loginAs(DEMO.midwife);
    assert.equal(
      (await midwife.post('/api/sync/push', { deviceId: 'x', mutations: [mutation('weight', { grams: 3000 })] }))
        .status,
      403,
    );
    const researcher = await server.loginAs(DEMO.researcher);
    assert.equal((await researcher.get('/api/sync/pull')).status, 403);
  });

  it('sends the midwife’s care plan to the household’s phones, and pages through changes without gaps', async () => {
    const midwife = await server.loginAs(DEMO.midwife);
    const plan = await midwife.post(`/api/mothers/${SITI}/care-plans`, {
      id: newId(),
      protocolId: 'standard-3min-2x-day1-3',
      extendedToDay: 14,
    });
    assert.equal(plan.status, 201, plan.text);
    const bad = await midwife.post(`/api/mothers/${SITI}/care-plans`, {
      id: newId(),
      protocolId: 'husband-15min-14days',
      extendedToDay: 20,
    });
    assert.equal(bad.status, 400);
    const all = await pullAll(husband);
    const paged = await pullAll(husband, 0, 2);
    assert.deepEqual(
      paged.map((c) => c.seq),
      all.map((c) => c.seq),
    );
    assert.ok(all.some((c) => c.type === 'care_plan' && c.plan.extendedToDay === 14));
    const seqs = all.map((c) => c.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
    );
    const detail = await midwife.get(`/api/mothers/${SITI}`);
    assert.equal(detail.body.carePlan.protocolId, 'standard-3min-2x-day1-3');
    const entries = await midwife.get(`/api/mothers/${SITI}/entries`);
    assert.ok(entries.body.entries.length >= 5);
    assert.ok(
      entries.body.entries.every(
        (e: { babyId: string | null; kind: string }) => e.kind !== 'feed' || e.babyId === SITI_BABY,
      ),
    );
  });
});
