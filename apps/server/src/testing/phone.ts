import assert from 'node:assert/strict';
import type { EntryMutation, PushResult } from '@lancar/contracts';
import type { z } from 'zod';
import type { PhoneRecord } from './exactly-once.ts';
import { mutation } from './mutations.ts';
import type { TestClient, TestResponse } from './test-server.ts';

/** What a phone's household is: the mother and the baby its entries are about. */
export interface PhoneHousehold {
  motherId: string;
  babyId: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A household phone as the fault tests model it: it records entries into an outbox (each with its own client-made
 * mutation and entry ids), pushes the outbox in batches, and removes a mutation from the outbox only when a 2xx
 * answer acknowledges it. On a network error or a 5xx answer it keeps everything and tries again after a back-off.
 * Any other answer (a 4xx, a refused mutation) is a defect the test must see, so the phone records it and stops.
 */
export class Phone {
  readonly name: string;
  readonly client: TestClient;
  readonly household: PhoneHousehold;
  readonly outbox: EntryMutation[] = [];
  /** Every mutation id this phone made, with the id of the entry it carries. */
  readonly generated = new Map<string, string>();
  /** Mutation ids a 2xx answer acknowledged. */
  readonly acknowledged = new Set<string>();
  ackedBatches = 0;
  /** Acknowledgements of a mutation the server already had: a retry after an answer was lost. */
  replays = 0;
  failedPushes = 0;
  /** How many push answers had each status ('network' for no answer). */
  readonly statuses = new Map<number | 'network', number>();
  /** Answers the phone's last failed pushes got, newest last (at most a few): the test's message when it fails. */
  readonly failures: string[] = [];
  /** Set when the server answered something a retry cannot fix; the phone stops. */
  defect: string | undefined;
  private made = 0;

  constructor(name: string, client: TestClient, household: PhoneHousehold) {
    this.name = name;
    this.client = client;
    this.household = household;
  }

  /** Records one more entry: feeds, nappies, expressed milk and weights, in turn. */
  record(): void {
    const n = this.made++;
    const options = { motherId: this.household.motherId, babyId: this.household.babyId };
    const made = [
      () => mutation('feed', { side: n % 4 === 0 ? 'right' : 'left', durationMinutes: 5 + (n % 20) }, options),
      () => mutation('nappy', { wet: true, dirty: n % 3 === 0, stoolColour: n % 3 === 0 ? 'yellow' : null }, options),
      () => mutation('expression', { leftMl: 5 + (n % 10), rightMl: 3 + (n % 7) }, { ...options, babyId: null }),
      () => mutation('weight', { grams: 3000 + (n % 50) }, options),
    ][n % 4]?.();
    if (!made) return;
    this.outbox.push(made);
    this.generated.set(made.mutationId, made.entry.id);
  }

  /** One push of up to `batchSize` mutations from the outbox. */
  async push(batchSize = 5): Promise<'acknowledged' | 'failed' | 'empty'> {
    const batch = this.outbox.slice(0, batchSize);
    if (batch.length === 0) return 'empty';
    let response: TestResponse<z.infer<typeof PushResult>>;
    try {
      response = await this.client.post<z.infer<typeof PushResult>>('/api/sync/push', {
        deviceId: this.name,
        mutations: batch,
      });
    } catch (error) {
      this.count('network');
      return this.failed(`network: ${(error as Error).message}`);
    }
    this.count(response.status);
    if (response.status >= 500) return this.failed(`${response.status} ${response.text.slice(0, 300)}`);
    if (response.status !== 200) {
      this.defect = `${this.name}: push answered ${response.status} ${response.text.slice(0, 500)}`;
      return 'failed';
    }
    const results = response.body.results;
    const sent = new Set(batch.map((m) => m.mutationId));
    for (const result of results) {
      if (!sent.has(result.mutationId)) continue;
      if (result.status !== 'applied') {
        this.defect = `${this.name}: mutation ${result.mutationId} refused: ${JSON.stringify(result.problem)}`;
        continue;
      }
      if (result.replay) this.replays++;
      this.acknowledged.add(result.mutationId);
    }
    const outbox = this.outbox.filter((m) => !this.acknowledged.has(m.mutationId));
    this.outbox.splice(0, this.outbox.length, ...outbox);
    this.ackedBatches++;
    return 'acknowledged';
  }

  /**
   * Records and pushes until `stop()` says so or the outbox is empty once `recording()` is false; backs off after a
   * failure (100 ms, doubling to 1 s). Ends at `deadline` (epoch ms) whatever happens; the test checks the outbox.
   */
  async run(options: { recording: () => boolean; stop?: () => boolean; deadline: number }): Promise<void> {
    let backOff = 100;
    while (Date.now() < options.deadline && !this.defect && !options.stop?.()) {
      const recording = options.recording();
      if (recording) for (let n = 1 + Math.floor(Math.random() * 3); n > 0; n--) this.record();
      else if (this.outbox.length === 0) return;
      const outcome = await this.push();
      if (outcome === 'failed') {
        await sleep(backOff);
        backOff = Math.min(backOff * 2, 1000);
      } else {
        backOff = 100;
        await sleep(recording ? 10 + Math.floor(Math.random() * 20) : 0);
      }
    }
  }

  private count(status: number | 'network'): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  private failed(reason: string): 'failed' {
    this.failedPushes++;
    this.failures.push(reason);
    if (this.failures.length > 5) this.failures.shift();
    return 'failed';
  }
}

/** The push answers a set of phones got, by status ('network' for none), e.g. { 200: 97, 503: 12, network: 3 }. */
export function answersSeen(phones: readonly Phone[]): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const phone of phones) for (const [status, n] of phone.statuses) seen[status] = (seen[status] ?? 0) + n;
  return seen;
}

/** Batches acknowledged so far, over a set of phones. */
export const ackedBatches = (phones: readonly Phone[]) => phones.reduce((n, p) => n + p.ackedBatches, 0);
/** Mutations still in the phones' outboxes. */
export const pendingMutations = (phones: readonly Phone[]) => phones.reduce((n, p) => n + p.outbox.length, 0);
/** What the phones saw that no server may ever answer. */
export const phoneDefects = (phones: readonly Phone[]) => phones.flatMap((p) => (p.defect ? [p.defect] : []));
/** Each phone's last failure, for a message. */
export const lastFailures = (phones: readonly Phone[]) => phones.flatMap((p) => p.failures.slice(-1)).join(' | ');

/** Waits until `done()` or `ms` have passed; says which. */
export async function waitFor(done: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await sleep(20);
  return done();
}

/** What the phones made and were told, to check against the database with assertExactlyOnce. */
export function phoneRecord(phones: readonly Phone[]): PhoneRecord {
  return {
    motherIds: [...new Set(phones.map((p) => p.household.motherId))],
    generated: new Map(phones.flatMap((p) => [...p.generated])),
    acknowledged: new Set(phones.flatMap((p) => [...p.acknowledged])),
  };
}

/**
 * After the phones stopped recording: waits (up to 60 s, and not past `deadline`) for them to send what they hold,
 * then for their loops to end, and asserts no phone saw a defect and every outbox is empty.
 */
export async function assertOutboxesDrain(phones: readonly Phone[], running: Promise<unknown>, deadline: number) {
  const drained = await waitFor(() => pendingMutations(phones) === 0 || Date.now() > deadline, 60_000);
  await running;
  assert.deepEqual(phoneDefects(phones), []);
  assert.ok(
    drained && pendingMutations(phones) === 0,
    `${pendingMutations(phones)} mutations still in the outboxes after 60 s; last failures: ${lastFailures(phones)}`,
  );
}

/** "N phones made M mutations", the start of a fault test's diagnostic line. */
export const phonesMade = (phones: readonly Phone[]) =>
  `${phones.length} phones made ${phones.reduce((n, p) => n + p.generated.size, 0)} mutations`;
/** "R replays acknowledged": pushes of a batch the server had already applied, answered with its first answer. */
export const replaysAcknowledged = (phones: readonly Phone[]) =>
  `${phones.reduce((n, p) => n + p.replays, 0)} replays acknowledged`;
