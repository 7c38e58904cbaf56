import { parseArgs } from 'node:util';
import { migrate as applyMigrations } from '@lancar/db';
import { DATABASE_OPTIONS, withStore } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

export async function migrate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: DATABASE_OPTIONS, strict: true });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.migrate ?? '');
    return 0;
  }
  await withStore(values, 'migrate', async (database) => {
    const applied = await applyMigrations(database);
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : `${database.description} is up to date.`);
  });
  return 0;
}
