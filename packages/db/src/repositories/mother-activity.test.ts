import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Database } from '../database.ts';
import { demoId } from '../demo/demo-ids.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { caseloadFacts, caseloadFactsOf } from './caseload.ts';
import { insertEntry, listEntries } from './household.ts';
import { caseloadCandidates, facilityVillages, fillMissingMotherActivity } from './mother-activity.ts';
import { listMothers } from './mothers.ts';

const SUKAMAJU = demoId('facility:sukamaju');
const DAY = 86_400_000;

describe('the caseload’s per-mother summary', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('is built once for the mothers that lack it, with the same facts as the household entries give', async () => {
    const mothers = await listMothers(database.db, SUKAMAJU);
    assert.equal(await fillMissingMotherActivity(database.db, SUKAMAJU), mothers.length);
    assert.equal(await fillMissingMotherActivity(database.db, SUKAMAJU), 0, 'nothing left to build');
    const ids = mothers.map((m) => m.id);
    const facts = await caseloadFacts(database.db, SUKAMAJU, ids);
    const candidates = await caseloadCandidates(database.db, SUKAMAJU, { defaultProtocolId: 'x' });
    assert.deepEqual(candidates.map((c) => c.id).sort(), [...ids].sort());
    for (const candidate of candidates) {
      const fact = facts.get(candidate.id);
      assert.ok(fact);
      assert.equal(candidate.last_sync_at?.getTime() ?? null, fact.lastSyncAt?.getTime() ?? null);
      assert.equal(candidate.adequacy, fact.adequacy);
      assert.equal(candidate.weight_g, fact.weightG);
      assert.deepEqual(
        new Map(Object.entries(candidate.massage_done_by_day ?? {}).map(([d, n]) => [Number(d), n])),
        fact.doneByDay,
      );
    }
    assert.ok(
      candidates.some((c) => c.last_sync_at !== null && c.adequacy !== null),
      'the demo has synced households',
    );
  });

  it('filters in the database: village and name folded, phone digits, delivery range, protocol, open alerts', async () => {
    const all = await listMothers(database.db, SUKAMAJU);
    const ids = (filter: Parameters<typeof caseloadCandidates>[2]) =>
      caseloadCandidates(database.db, SUKAMAJU, filter).then((rows) => rows.map((r) => r.id).sort());
    const base = { defaultProtocolId: 'standard-3min-2x-day1-3' };
    const sorted = (list: typeof all) => list.map((m) => m.id).sort();

    assert.deepEqual(
      await ids({ ...base, village: 'desa sukamaju' }),
      sorted(all.filter((m) => m.village === 'Desa Sukamaju')),
    );
    const siti = all.find((m) => m.full_name.startsWith('Siti'));
    assert.ok(siti?.phone);
    assert.deepEqual(await ids({ ...base, text: 'siti' }), [siti.id]);
    assert.deepEqual(await ids({ ...base, text: 'nobody-here', phoneDigits: siti.phone.slice(-6) }), [siti.id]);

    const now = Date.now();
    const delivered = all.filter((m) => m.delivered_at && m.delivered_at.getTime() <= now);
    const lastWeek = new Date(now - 7 * DAY);
    assert.deepEqual(
      await ids({ ...base, deliveredAfter: lastWeek, deliveredAtOrBefore: new Date(now) }),
      sorted(delivered.filter((m) => (m.delivered_at as Date).getTime() > lastWeek.getTime())),
    );

    const everyone = await ids(base);
    assert.deepEqual(await ids({ ...base, protocol: 'standard-3min-2x-day1-3' }).then((r) => r.length > 0), true);
    assert.deepEqual(await ids({ ...base, protocol: 'no-such-protocol' }), []);
    const withAlerts = await ids({ ...base, hasOpenAlert: true });
    const without = await ids({ ...base, hasOpenAlert: false });
    assert.ok(withAlerts.length > 0, 'the demo has an open alert');
    assert.deepEqual([...withAlerts, ...without].sort(), everyone);
    assert.deepEqual(await ids({ ...base, onlyIds: [] }), []);
    assert.deepEqual(await ids({ ...base, onlyIds: [siti.id] }), [siti.id]);
  });

  it('lists the villages for the filter', async () => {
    const villages = await facilityVillages(database.db, SUKAMAJU);
    assert.deepEqual(villages, [...new Set(villages)].sort());
    assert.ok(villages.includes('Desa Sukamaju'));
  });

  it('gives the same facts from entries in memory as from the database (what the sync push relies on)', async () => {
    const mothers = await listMothers(database.db, SUKAMAJU);
    const fromDatabase = await caseloadFacts(
      database.db,
      SUKAMAJU,
      mothers.map((m) => m.id),
    );
    for (const mother of mothers) {
      const entries = await listEntries(database.db, SUKAMAJU, mother.id);
      assert.deepEqual(caseloadFactsOf(entries, mother.delivered_at), fromDatabase.get(mother.id), mother.full_name);
    }

    // Random histories: corrections and removals of earlier entries, several entries at one moment.
    const mother = mothers.find((m) => m.delivered_at && m.babies.length > 0) as (typeof mothers)[number];
    const recorder = (
      await database.db
        .selectFrom('user_account')
        .select('id')
        .where('facility_id', '=', SUKAMAJU)
        .executeTakeFirstOrThrow()
    ).id;
    const delivered = (mother.delivered_at as Date).getTime();
    const ENTRY = fc.record({
      kind: fc.constantFrom('weight', 'adequacy_check', 'massage_session', 'feed', 'void'),
      hour: fc.integer({ min: -30, max: 24 * 6 }),
      grams: fc.integer({ min: 2000, max: 4500 }),
      result: fc.constantFrom('adequate', 'not_adequate', 'incomplete'),
      outcome: fc.constantFrom('completed', 'stopped_early', 'stopped_safety'),
      supersedes: fc.option(fc.nat(), { nil: null }),
    });
    class RollBack extends Error {}
    await fc.assert(
      fc.asyncProperty(fc.array(ENTRY, { minLength: 1, maxLength: 25 }), async (specs) => {
        await database.db
          .transaction()
          .execute(async (tx) => {
            const before = (await listEntries(tx, SUKAMAJU, mother.id)).length;
            const written: { id: string; kind: string }[] = [];
            for (const [i, spec] of specs.entries()) {
              const target =
                spec.supersedes === null || written.length === 0
                  ? undefined
                  : written[spec.supersedes % written.length];
              const kind = target && spec.kind !== 'void' ? target.kind : spec.kind;
              if (kind === 'void' && !target) continue;
              const data =
                kind === 'weight'
                  ? { grams: spec.grams }
                  : kind === 'adequacy_check'
                    ? { result: spec.result, dayOfLife: 1 + Math.floor(spec.hour / 24) }
                    : kind === 'massage_session'
                      ? { outcome: spec.outcome }
                      : {};
              const id = crypto.randomUUID();
              await insertEntry(tx, {
                facility_id: SUKAMAJU,
                id,
                mother_id: mother.id,
                baby_id: kind === 'weight' || kind === 'feed' ? (mother.babies[0]?.id ?? null) : null,
                kind,
                occurred_at: new Date(delivered + spec.hour * 3_600_000),
                tz_offset_min: 420,
                recorded_by: recorder,
                // Never at the same moment as a demo entry: the newest of two identical times is anyone's.
                recorded_at: new Date(delivered + i * 60_000 + 7_777),
                supersedes: target?.id ?? null,
                data,
                schema_version: 1,
                seq: 1_000_000 + i,
              });
              written.push({ id, kind });
            }
            const entries = await listEntries(tx, SUKAMAJU, mother.id);
            assert.ok(entries.length >= before);
            const sqlFacts = (await caseloadFacts(tx, SUKAMAJU, [mother.id])).get(mother.id);
            assert.deepEqual(caseloadFactsOf(entries, mother.delivered_at), sqlFacts);
            throw new RollBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RollBack)) throw error;
          });
      }),
      { numRuns: 40 },
    );
  });
});
