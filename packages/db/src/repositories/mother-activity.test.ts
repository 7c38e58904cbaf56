import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../database.ts';
import { demoId } from '../demo/demo-ids.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { caseloadFacts } from './caseload.ts';
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
});
