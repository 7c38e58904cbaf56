import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreBackup, writeBackup } from '@lancar/db';
import { CliError } from '../cli-error.ts';
import { DATABASE_OPTIONS, withStore } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export async function backup(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: DATABASE_OPTIONS, strict: true, allowPositionals: true });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.backup ?? '');
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('Usage: lancar backup FILE', 2);
  const counts = await withStore(values, 'backup', async (database) => {
    try {
      return await writeBackup(database, resolve(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new CliError(`${file} already exists; choose a new file name.`);
      throw error;
    }
  });
  console.log(`Backup written to ${file}: ${summary(counts)}.`);
  console.log('It holds health data: store it as safely as the database itself.');
  return 0;
}

export async function restore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: DATABASE_OPTIONS, strict: true, allowPositionals: true });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.restore ?? '');
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('Usage: lancar restore FILE', 2);
  const counts = await withStore(values, 'restore', async (database) => {
    try {
      return await restoreBackup(database, resolve(file));
    } catch (error) {
      if (error instanceof BackupError) throw new CliError(`Nothing was restored: ${error.message}`);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`There is no file ${file}.`);
      throw error;
    }
  });
  console.log(`Restored from ${file}: ${summary(counts)}.`);
  return 0;
}
