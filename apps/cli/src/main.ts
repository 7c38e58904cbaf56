import { CliError } from './cli-error.ts';
import { GENERAL_HELP } from './usage.ts';
import { version } from './version.ts';

// Each command is loaded when it runs: `lancar stats` does not load the server and the database.
const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  serve: async () => (await import('./commands/serve.ts')).serve,
  migrate: async () => (await import('./commands/migrate.ts')).migrate,
  demo: async () => (await import('./commands/demo.ts')).demo,
  facility: async () => (await import('./commands/facility.ts')).facility,
  user: async () => (await import('./commands/user.ts')).user,
  backup: async () => (await import('./commands/backup.ts')).backup,
  restore: async () => (await import('./commands/backup.ts')).restore,
  stats: async () => (await import('./commands/stats.ts')).stats,
  meta: async () => (await import('./commands/meta.ts')).meta,
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
  const load = COMMANDS[command];
  if (!load) throw new CliError(`Unknown command "${command}". Run "lancar --help" to see the commands.`, 2);
  return (await load())(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(`lancar: ${error.message}`);
      process.exitCode = error.exitCode;
    } else if ((error as Error).name === 'DataDirLockedError') {
      console.error(`lancar: ${(error as Error).message}`);
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
