import { parseArgs } from 'node:util';
import { createFacility, listFacilities, migrate } from '@lancar/db';
import { formatPhone, newId, normalisePhone } from '@lancar/domain';
import { CliError } from '../cli-error.ts';
import { DATABASE_OPTIONS, withStore } from '../open-store.ts';
import { COMMAND_HELP } from '../usage.ts';

const KINDS = ['puskesmas', 'hospital', 'clinic', 'other'] as const;

export async function facility(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...DATABASE_OPTIONS,
      name: { type: 'string' },
      kind: { type: 'string' },
      district: { type: 'string' },
      province: { type: 'string' },
      phone: { type: 'string' },
    },
    strict: true,
  });
  if (values.help || sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(COMMAND_HELP.facility ?? '');
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'list') {
    await withStore(values, 'facility list', async (database) => {
      await migrate(database);
      const facilities = await listFacilities(database.db);
      if (facilities.length === 0) console.log('No facilities yet. Add one with "lancar facility create".');
      for (const f of facilities) {
        console.log(
          `${f.id}  ${f.name} (${f.kind}, ${f.district}, ${f.province})${f.phone ? `  ${formatPhone(f.phone)}` : ''}`,
        );
      }
    });
    return 0;
  }
  if (sub !== 'create') throw new CliError(`Unknown facility command "${sub}". Use "create" or "list".`, 2);
  const missing = (['name', 'kind', 'district', 'province'] as const).filter((key) => !values[key]?.trim());
  if (missing.length > 0) throw new CliError(`Missing --${missing.join(', --')}. See "lancar facility --help".`, 2);
  const kind = values.kind as (typeof KINDS)[number];
  if (!KINDS.includes(kind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}.`, 2);
  const phone = values.phone === undefined ? null : normalisePhone(values.phone);
  if (phone === undefined) throw new CliError(`"${values.phone}" is not a phone number.`, 2);
  const id = newId();
  await withStore(values, 'facility create', async (database) => {
    await migrate(database);
    await createFacility(database.db, {
      id,
      name: values.name?.trim() ?? '',
      kind,
      district: values.district?.trim() ?? '',
      province: values.province?.trim() ?? '',
      phone,
    });
  });
  console.log(`Facility created: ${values.name} (id ${id})`);
  return 0;
}
