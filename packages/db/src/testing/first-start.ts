// Helper process for the first-start crash test: does what `lancar serve` does on its first run (open the data
// directory, migrate, load the demo into an empty database, checkpoint) and prints a marker line before each step,
// so the test can kill it with SIGKILL at a chosen moment.
import { isEmpty, loadDemo } from '../demo/demo-dataset.ts';
import { migrate } from '../migrate.ts';
import { openPglite } from '../open-pglite.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: first-start.ts DATA_DIR');
const mark = (line: string) => process.stdout.write(`${line}\n`);

mark('phase open');
const database = await openPglite(dir, { command: 'first-start test' });
mark('phase migrate');
await migrate(database, { onApplied: (name) => mark(`applied ${name}`) });
if (await isEmpty(database)) {
  mark('phase demo');
  await loadDemo(database);
  await database.checkpoint();
}
mark('done');
await database.close();
