import { parseArgs } from 'node:util';
import { createActivationCode, createUser, getFacility, hashPassword, LoginNameTakenError, migrate } from '@lancar/db';
import {
  formatActivationCode,
  isRole,
  isStaffRole,
  newId,
  normalisePhone,
  passwordProblem,
  USERNAME_PATTERN,
} from '@lancar/domain';
import { CliError } from '../cli-error.ts';
import { DATABASE_OPTIONS, withStore } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function user(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...DATABASE_OPTIONS,
      facility: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
      phone: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help || sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(COMMAND_HELP.user ?? '');
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'create') throw new CliError(`Unknown user command "${sub}". Use "create".`, 2);
  const role = values.role ?? '';
  if (!isRole(role))
    throw new CliError(`--role must be one of: system_admin, facility_admin, midwife, cadre, researcher.`, 2);
  if (!(isStaffRole(role) || role === 'system_admin')) {
    throw new CliError(
      'Mothers and companions are enrolled by a midwife in the app, so that their household is linked.',
      2,
    );
  }
  if (!values.facility) throw new CliError('Missing --facility ID ("lancar facility list" shows the ids).', 2);
  const name = values.name?.trim();
  if (!name) throw new CliError('Missing --name.', 2);
  const username = values.username?.trim().toLowerCase();
  if (username !== undefined && !USERNAME_PATTERN.test(username)) {
    throw new CliError(
      '--username: 3-32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.',
      2,
    );
  }
  const phone = values.phone === undefined ? null : normalisePhone(values.phone);
  if (phone === undefined) throw new CliError(`"${values.phone}" is not a phone number.`, 2);
  if (!username && !phone) throw new CliError('Give --username or --phone: it is what the person logs in with.', 2);
  let passwordHash: string | null = null;
  if (values['password-stdin']) {
    const password = await readStdin();
    const problem = passwordProblem(password);
    if (problem)
      throw new CliError(
        `The password is ${problem.replace('_', ' ')}: use at least 8 characters, not a simple run.`,
        2,
      );
    passwordHash = await hashPassword(password);
  }

  const facilityId = values.facility;
  await withStore(values, 'user create', async (database) => {
    await migrate(database);
    if (!(await getFacility(database.db, facilityId).catch(() => undefined))) {
      throw new CliError(`No facility with id ${facilityId}. "lancar facility list" shows them.`);
    }
    const id = newId();
    try {
      const code = await database.db.transaction().execute(async (tx) => {
        await createUser(tx, {
          facility_id: facilityId,
          id,
          role,
          display_name: name,
          username: username ?? null,
          phone,
          password_hash: passwordHash,
          status: passwordHash ? 'active' : 'pending',
          created_by: null,
        });
        return passwordHash ? undefined : createActivationCode(tx, { facilityId, userId: id }, null, new Date());
      });
      console.log(`Account created: ${name} (${role}), id ${id}`);
      if (code) {
        console.log(
          `Activation code: ${formatActivationCode(code.code)} (valid until ${code.expiresAt.toISOString().slice(0, 10)})`,
        );
        console.log('Open /aktivasi in the Lancar app and enter it to set a password.');
      } else {
        console.log(`Log in with ${username ?? values.phone} and the password given.`);
      }
    } catch (error) {
      if (error instanceof LoginNameTakenError)
        throw new CliError(`${error.loginName.replace('tel:', 'Phone ')} is already used by another account.`);
      throw error;
    }
  });
  return 0;
}
