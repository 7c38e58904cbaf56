import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EntryMutation as Mutation, PushResultItem } from '@lancar/contracts';
import type { Database } from '@lancar/db';
import { openTestDatabase } from '@lancar/db/testing';
import fc from 'fast-check';
import { buildApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { readConfig } from '../../config.ts';
import { mutation } from '../../testing/mutations.ts';
import { DEMO, TestClient } from '../../testing/test-server.ts';

/**
 * "Nothing acknowledged is lost, nothing is applied twice", under random interleavings: two phones of one household
 * push random subsets of their outboxes in random order, with duplicates, concurrent copies of the same push,
 * answers lost on the way back (the phone keeps those entries and sends them again), and server restarts. At the
 * end every phone flushes; the server must hold every mutation exactly once.
 */

const ENTRY_DATA = fc.oneof(
  fc.record({
    kind: fc.constant('feed' as const),
    side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
    minutes: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('nappy' as const), wet: fc.boolean() }),
  fc.record({
    kind: fc.constant('expression' as const),
    left: fc.integer({ min: 0, max: 60 }),
    right: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('weight' as const), grams: fc.integer({ min: 2500, max: 4000 }) }),
);
type EntrySpec = typeof ENTRY_DATA extends fc.Arbitrary<infer T> ? T : never;

function toMutation(spec: EntrySpec): Mutation {
  switch (spec.kind) {
    case 'feed':
      return mutation('feed', { side: spec.side, durationMinutes: spec.minutes });
    case 'nappy':
      return mutation('nappy', { wet: spec.wet, dirty: !spec.wet, stoolColour: spec.wet ? null : 'yellow' });
    case 'expression':
      return mutation('expression', { leftMl: spec.left, rightMl: spec.right });
    case 'weight':
      return mutation('weight', { grams: spec.grams });
  }
}

const STEP = fc.oneof(
  fc.record({
    op: fc.constant('push' as const),
    device: fc.integer({ min: 0, max: 1 }),
    pick: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    loseAnswer: fc.boolean(),
    twice: fc.boolean(),
  }),
  fc.record({ op: fc.constant('restart' as const) }),
);

describe('sync property: every mutation exactly once', () => {
  let database: Database;
  let app: App;
  let url: string;
  const config = { ...readConfig({}), logLevel: 'silent' };
  const devices: TestClient[] = [];

  async function startApp(): Promise<void> {
    app = await buildApp({ database, config, now: () => new Date() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}`;
    for (const device of devices) device.base = url;
  }

  before(async () => {
    database = await openTestDatabase();
    await startApp();
    for (const login of [DEMO.companion, DEMO.mother]) {
      const client = new TestClient(url);
      const response = await client.post('/api/auth/login', { login, password: 'demo-lancar' });
      assert.equal(response.status, 200);
      devices.push(client);
    }
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('holds every mutation exactly once after duplicates, reordering, lost answers and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ENTRY_DATA, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 12, maxLength: 12 }),
        fc.array(STEP, { minLength: 1, maxLength: 12 }),
        async (specs, owners, steps) => {
          const all = specs.map(toMutation);
          const outboxes: Mutation[][] = [[], []];
          for (const [i, m] of all.entries()) outboxes[owners[i] ?? 0]?.push(m);

          const push = async (device: number, batch: Mutation[]): Promise<PushResultItem[]> => {
            const response = await (devices[device] as TestClient).post('/api/sync/push', {
              deviceId: `device-${device}`,
              mutations: batch,
            });
            assert.equal(response.status, 200, response.text);
            return response.body.results;
          };
          const acknowledge = (device: number, results: PushResultItem[]) => {
            const done = new Set(results.filter((r) => r.status === 'applied').map((r) => r.mutationId));
            outboxes[device] = (outboxes[device] ?? []).filter((m) => !done.has(m.mutationId));
          };

          for (const step of steps) {
            if (step.op === 'restart') {
              await app.close();
              await startApp();
              continue;
            }
            const outbox = outboxes[step.device] ?? [];
            if (outbox.length === 0) continue;
            // A random selection in a random order, duplicates allowed.
            const batch = step.pick.map((n) => outbox[n % outbox.length] as Mutation);
            const answers = step.twice
              ? (await Promise.all([push(step.device, batch), push(step.device, [...batch].reverse())]))[0]
              : await push(step.device, batch);
            assert.ok(
              answers.every((a) => a.status === 'applied'),
              JSON.stringify(answers),
            );
            if (!step.loseAnswer) acknowledge(step.device, answers);
          }
          // Back online for good: each phone sends what it still holds.
          for (const device of [0, 1]) {
            const rest = outboxes[device] ?? [];
            if (rest.length > 0) acknowledge(device, await push(device, rest));
            assert.deepEqual(outboxes[device], []);
          }

          const ids = all.map((m) => m.entry.id);
          const stored = await database.db.selectFrom('household_entry').select('id').where('id', 'in', ids).execute();
          assert.equal(stored.length, all.length, 'every entry is on the server, once');
          assert.deepEqual(new Set(stored.map((r) => r.id)).size, all.length);
          const recorded = await database.db
            .selectFrom('sync_mutation')
            .select('mutation_id')
            .where(
              'mutation_id',
              'in',
              all.map((m) => m.mutationId),
            )
            .execute();
          assert.equal(recorded.length, all.length, 'every mutation is recorded once');
        },
      ),
      { numRuns: 25 },
    );
  });
});
