import type { DatasetExportQuery } from '@lancar/contracts';
import { type Executor, readDataset, recordAudit } from '@lancar/db';
import type { Actor } from '@lancar/domain';
import { type DatasetAudience, type DatasetTable, type DatasetTableName, datasetTables } from '@lancar/reports';

const DAY_MS = 24 * 3600 * 1000;
/** Period dates are read in Western Indonesian Time (facilities have no time zone of their own yet). */
const WIB = '+07:00';

/**
 * Who sees identities: the midwives and the facility admin, who care for these mothers. Everyone else the policy
 * lets export (researchers) gets the pseudonymised dataset of consenting mothers only.
 */
export function audienceOf(actor: Actor): DatasetAudience {
  return actor.role === 'midwife' || actor.role === 'facility_admin' ? 'identified' : 'pseudonymised';
}

export interface LoadedDataset {
  audience: DatasetAudience;
  tables: Record<DatasetTableName, DatasetTable>;
  mothers: number;
}

/** Reads the facility's dataset for the period and writes the export to the audit log. */
export async function loadDataset(
  db: Executor,
  actor: Actor,
  query: DatasetExportQuery,
  at: Date,
  what: { format: 'xlsx' | 'csv'; file?: string },
): Promise<LoadedDataset> {
  const audience = audienceOf(actor);
  const records = await readDataset(db, actor.facilityId, {
    deliveredFrom: query.from ? new Date(`${query.from}T00:00:00${WIB}`) : undefined,
    deliveredBefore: query.to ? new Date(new Date(`${query.to}T00:00:00${WIB}`).getTime() + DAY_MS) : undefined,
    onlyResearchConsent: audience === 'pseudonymised',
  });
  await recordAudit(db, {
    facilityId: actor.facilityId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'export',
    subjectType: 'dataset',
    subjectId: null,
    purpose: audience === 'pseudonymised' ? 'research' : 'administration',
    detail: {
      ...what,
      audience,
      from: query.from ?? null,
      to: query.to ?? null,
      mothers: records.mothers.length,
    },
    at,
  });
  return { audience, tables: datasetTables(records, audience), mothers: records.mothers.length };
}

/** lancar-dataset[-pseudonim]-<from>_<to>, for file names. */
export function fileStem(audience: DatasetAudience, query: DatasetExportQuery): string {
  const period = query.from || query.to ? `-${query.from ?? 'awal'}_${query.to ?? 'akhir'}` : '';
  return `lancar-dataset${audience === 'pseudonymised' ? '-pseudonim' : ''}${period}`;
}
