// Helper process for the crash test: writes rows one by one and prints "ack <id>" after each commit.
import { migrate } from '../migrate.ts';
import { openPglite } from '../open-pglite.ts';
import { insertTestFacility, testAuditRow } from './test-rows.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-until-killed.ts DATA_DIR');
const database = await openPglite(dir, { command: 'crash test writer' });
await migrate(database);
const facilityId = await insertTestFacility(database.db, 'Crash test');
for (let i = 0; i < 100_000; i++) {
  const row = testAuditRow(facilityId);
  await database.db.insertInto('audit_event').values(row).execute();
  process.stdout.write(`ack ${row.id}\n`);
}
