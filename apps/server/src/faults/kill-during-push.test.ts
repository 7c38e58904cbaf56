import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openDatabase } from '@lancar/db';
import { assertExactlyOnce } from '../testing/exactly-once.ts';
import { householdPhones } from '../testing/households.ts';
import {
  ackedBatches,
  answersSeen,
  assertOutboxesDrain,
  phoneDefects,
  phoneRecord,
  phonesMade,
  replaysAcknowledged,
  waitFor,
} from '../testing/phone.ts';
import { environment, exited, start, storeFactory } from '../testing/server-process.ts';

/**
 * Issue 7: SIGKILL the server while phones push. After a restart on the same store, and the phones' retries, the
 * server holds every mutation ever acknowledged, exactly once, and no phone's outbox entry is lost. Runs on PGlite
 * (a data directory) and, when DATABASE_URL is set, on a fresh PostgreSQL database.
 */
const stores = storeFactory('lancar_kill_push');
after(() => stores.remove());

const HOUSEHOLDS = 4; // two phones each
const ACKED_BATCHES_BEFORE_KILL = 30;
const ACKED_BATCHES_AFTER_RESTART = 10;

describe('kill -9 while phones push', () => {
  it('keeps every acknowledged mutation exactly once, and the phones drain their outboxes after a restart', async (t) => {
    const store = await stores.freshStore();
    const env = environment(store.dataDir, store.databaseUrl);
    const first = await start(env);
    let second: Awaited<ReturnType<typeof start>> | undefined;
    let stopped = false; // set when the test ends, so no phone outlives it
    try {
      const phones = await householdPhones(first.url, HOUSEHOLDS);
      let recording = true;
      const deadline = Date.now() + 90_000;
      const running = Promise.all(
        phones.map((phone) => phone.run({ recording: () => recording, stop: () => stopped, deadline })),
      );

      const ackedBeforeKill = await waitFor(() => ackedBatches(phones) >= ACKED_BATCHES_BEFORE_KILL, 30_000);
      assert.ok(ackedBeforeKill, `only ${ackedBatches(phones)} batches acknowledged in 30 s: ${phoneDefects(phones)}`);
      first.child.kill('SIGKILL'); // in the middle of the traffic: pushes are in flight
      assert.equal(await exited(first.child), null, 'killed by the signal');
      const ackedAtKill = ackedBatches(phones);

      second = await start(env);
      const newUrl = second.url;
      for (const phone of phones) phone.client.base = newUrl;
      // Sessions live in the database: every phone is still logged in on the new process.
      for (const phone of phones) {
        const me = await phone.client.get('/api/auth/me');
        assert.equal(me.status, 200, `${phone.name} is still logged in after the restart: ${me.text}`);
      }
      await waitFor(() => ackedBatches(phones) >= ackedAtKill + ACKED_BATCHES_AFTER_RESTART, 20_000);
      recording = false; // the phones now only push what they hold

      await assertOutboxesDrain(phones, running, deadline);
      assert.ok(
        phones.some((p) => p.failedPushes > 0),
        'some pushes failed while the server was down: the test did test a fault',
      );

      const answers = answersSeen(phones);
      const unexpected = Object.keys(answers).filter((status) => !['200', 'network'].includes(status));
      assert.deepEqual(unexpected, [], `a push is answered 200 or not at all: ${JSON.stringify(answers)}`);
      t.diagnostic(
        `${phonesMade(phones)}; ${ackedAtKill} batches acknowledged before the kill, ${ackedBatches(phones)} in all; ` +
          `push answers ${JSON.stringify(answers)}; ${replaysAcknowledged(phones)}`,
      );
      second.child.kill('SIGTERM');
      assert.equal(await exited(second.child), 0, 'SIGTERM closes cleanly');
      const database = await openDatabase({ ...store, command: 'kill-during-push test' });
      try {
        await assertExactlyOnce(database, phoneRecord(phones));
      } finally {
        await database.close();
      }
    } catch (error) {
      const output = `first server:\n${first.output().slice(-3000)}\nsecond server:\n${second?.output().slice(-3000)}`;
      throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
    } finally {
      stopped = true;
      for (const server of [first, second]) {
        if (server && server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL');
          await exited(server.child);
        }
      }
    }
  });
});
