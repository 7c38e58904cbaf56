import assert from 'node:assert/strict';
import type { Database } from '@lancar/db';

/** What phones made and were told, for checking against what the database holds. */
export interface PhoneRecord {
  /** The mothers the phones record for: every entry stored for them must be one the phones made. */
  motherIds: readonly string[];
  /** Every mutation a phone made, with the id of the entry it carries. */
  generated: ReadonlyMap<string, string>;
  /** Mutation ids a 2xx push answer acknowledged. */
  acknowledged: ReadonlySet<string>;
}

export interface ExactlyOnceReport {
  /** Acknowledged mutations whose entry is not stored: acknowledged and then lost. */
  lostAcknowledged: string[];
  /** Mutations made (and, with empty outboxes, all acknowledged at last) whose entry is not stored. */
  missing: string[];
  /** Entries stored more than once, or mutations recorded more than once. */
  duplicated: string[];
  /** Entries stored for these mothers that no phone made. */
  unexpected: string[];
}

/** Compares what phones made with what the database holds, by id: each made entry and mutation exactly once. */
export async function exactlyOnce(database: Database, record: PhoneRecord): Promise<ExactlyOnceReport> {
  const entries =
    record.motherIds.length === 0
      ? []
      : await database.db
          .selectFrom('household_entry')
          .select('id')
          .where('mother_id', 'in', [...record.motherIds])
          .execute();
  const mutations = await database.db.selectFrom('sync_mutation').select(['mutation_id', 'status']).execute();
  const entryCount = countBy(entries.map((e) => e.id));
  const mutationCount = countBy(mutations.map((m) => m.mutation_id).filter((id) => record.generated.has(id)));
  const madeEntries = new Set(record.generated.values());

  const report: ExactlyOnceReport = { lostAcknowledged: [], missing: [], duplicated: [], unexpected: [] };
  for (const [mutationId, entryId] of record.generated) {
    const stored = entryCount.get(entryId) ?? 0;
    if (stored === 0) {
      report.missing.push(mutationId);
      if (record.acknowledged.has(mutationId)) report.lostAcknowledged.push(mutationId);
    }
    if (stored > 1) report.duplicated.push(`entry ${entryId} stored ${stored} times`);
    const recorded = mutationCount.get(mutationId) ?? 0;
    if (recorded > 1) report.duplicated.push(`mutation ${mutationId} recorded ${recorded} times`);
    if (stored > 0 && recorded === 0) report.missing.push(`mutation ${mutationId} (its entry is stored)`);
  }
  for (const id of entryCount.keys()) if (!madeEntries.has(id)) report.unexpected.push(id);
  return report;
}

/** Fails, saying what went wrong and how often, unless every made mutation is stored exactly once. */
export async function assertExactlyOnce(database: Database, record: PhoneRecord): Promise<void> {
  const report = await exactlyOnce(database, record);
  const sample = (ids: string[]) => `${ids.length} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})`;
  assert.deepEqual(
    report.lostAcknowledged,
    [],
    `acknowledged and then lost: ${sample(report.lostAcknowledged)} of ${record.acknowledged.size}`,
  );
  assert.deepEqual(report.missing, [], `made but not stored: ${sample(report.missing)} of ${record.generated.size}`);
  assert.deepEqual(report.duplicated, [], `stored more than once: ${sample(report.duplicated)}`);
  assert.deepEqual(report.unexpected, [], `stored but never made: ${sample(report.unexpected)}`);
}

function countBy(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
