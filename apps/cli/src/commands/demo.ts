import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, isEmpty, loadDemo, migrate, RealDataPresentError, resetDemo } from '@lancar/db';
import { CliError } from '../cli-error.ts';
import { DATABASE_OPTIONS, withStore } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

export async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...DATABASE_OPTIONS, reset: { type: 'boolean' } }, strict: true });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.demo ?? '');
    return 0;
  }
  await withStore(values, 'demo', async (database) => {
    await migrate(database);
    let summary: Awaited<ReturnType<typeof loadDemo>>;
    if (values.reset) {
      try {
        summary = await resetDemo(database);
      } catch (error) {
        if (error instanceof RealDataPresentError) throw new CliError(`Not reset: ${error.message}`);
        throw error;
      }
    } else {
      if (!(await isEmpty(database))) {
        throw new CliError(
          'The database already holds data. Use "lancar demo --reset" to start the demo again (demo-only databases).',
        );
      }
      summary = await loadDemo(database);
    }
    console.log(
      `Demo dataset loaded into ${database.description}: ${summary.logins.length} demo logins, password "${DEMO_PASSWORD}".`,
    );
    console.log('Start the server ("npm start") to see them all.');
  });
  return 0;
}
