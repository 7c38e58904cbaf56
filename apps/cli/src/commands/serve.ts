import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_OPTIONS } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

/**
 * Runs the server program (apps/server/src/main.ts) in a child process: the CLI stays out of the server's code and
 * passes its options as the environment variables the server documents.
 */
export async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...DATABASE_OPTIONS,
      port: { type: 'string' },
      host: { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(COMMAND_HELP.serve ?? '');
    return 0;
  }
  const env = { ...process.env };
  if (values.port) env.PORT = values.port;
  if (values.host) env.HOST = values.host;
  if (values['no-demo']) env.LANCAR_DEMO = 'off';
  if (values['data-dir']) env.LANCAR_DATA_DIR = values['data-dir'];
  if (values['database-url']) env.DATABASE_URL = values['database-url'];
  const serverMain = fileURLToPath(import.meta.resolve('@lancar/server/main'));
  // An IPC channel lets the server notice if this process dies, so it never outlives `lancar serve`.
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  // Signals are passed on, so stopping this process stops the server cleanly (it checkpoints and unlocks).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}
