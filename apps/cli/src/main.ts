import { DataDirLockedError } from '@lancar/db';
import { CliError } from './cli-error.ts';
import { backup, restore } from './commands/backup.ts';
import { demo } from './commands/demo.ts';
import { facility } from './commands/facility.ts';
import { migrate } from './commands/migrate.ts';
import { serve } from './commands/serve.ts';
import { user } from './commands/user.ts';
import { GENERAL_HELP } from './usage.ts';
import { version } from './version.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  serve,
  migrate,
  demo,
  facility,
  user,
  backup,
  restore,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(GENERAL_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log(version());
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) throw new CliError(`Unknown command "${command}". Run "lancar --help" to see the commands.`, 2);
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(`lancar: ${error.message}`);
      process.exitCode = error.exitCode;
    } else if (error instanceof DataDirLockedError) {
      console.error(`lancar: ${error.message}`);
      process.exitCode = 1;
    } else if (
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    ) {
      console.error(`lancar: ${(error as Error).message}. Add --help to see the options.`);
      process.exitCode = 2;
    } else {
      console.error('lancar: unexpected error:', error);
      process.exitCode = 1;
    }
  },
);
