// Helper process for the full-disk test: opens the data directory in a fresh process, checks that every
// acknowledged audit row is there, writes one more row, and prints the outcome as one JSON line.
import { readFileSync } from 'node:fs';
import { openPglite } from '../open-pglite.ts';
import { testAuditRow } from './test-rows.ts';

const [dir, idsFile, facilityId] = process.argv.slice(2);
if (!dir || !idsFile || !facilityId) throw new Error('usage: check-rows.ts DATA_DIR IDS_FILE FACILITY_ID');
const acknowledged = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
const database = await openPglite(dir, { command: 'full-disk test check' });
const rows = await database.db.selectFrom('audit_event').select('id').execute();
const stored = new Set(rows.map((row) => row.id));
const missing = acknowledged.filter((id) => !stored.has(id));
const row = testAuditRow(facilityId);
await database.db.insertInto('audit_event').values(row).execute();
const written = await database.db.selectFrom('audit_event').select('id').where('id', '=', row.id).executeTakeFirst();
await database.close();
process.stdout.write(
  `${JSON.stringify({ stored: stored.size, missing: missing.length, wroteAfter: written !== undefined })}\n`,
);
