// Helper process for the crash test: writes rows one by one and prints "ack <id>" after each commit.
import { newId } from '@lancar/domain';
import { migrate } from '../migrate.ts';
import { openPglite } from '../open-pglite.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-until-killed.ts DATA_DIR');
const database = await openPglite(dir, { command: 'crash test writer' });
await migrate(database);
const facilityId = newId();
await database.db
  .insertInto('facility')
  .values({ id: facilityId, name: 'Crash test', kind: 'other', district: 'D', province: 'P' })
  .execute();
for (let i = 0; i < 100_000; i++) {
  const id = newId();
  await database.db
    .insertInto('audit_event')
    .values({
      facility_id: facilityId,
      id,
      action: 'create',
      subject_type: 'test',
      subject_id: null,
      actor_user_id: null,
      actor_role: null,
      purpose: 'system',
      detail: null,
    })
    .execute();
  process.stdout.write(`ack ${id}\n`);
}
