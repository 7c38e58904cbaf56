import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo } from '../demo/demo-dataset.ts';
import { migrate } from '../migrate.ts';
import { openPgliteInMemory } from '../open-pglite.ts';
import { openPostgres } from '../open-postgres.ts';
import { adminQuery, TEMPLATE_ENV, withDatabase } from './test-database.ts';

/**
 * Builds the migrated templates that test files clone: two PGlite dumps (empty and with the demo) or two template
 * databases on the PostgreSQL server. Returns the environment for the test processes and a cleanup function.
 */
export async function prepareTemplates(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const names = { demo: `lancar_tpl_demo_${suffix}`, empty: `lancar_tpl_empty_${suffix}` };
    for (const [kind, name] of Object.entries(names)) {
      await adminQuery(url, `CREATE DATABASE ${name}`);
      const database = await openPostgres(withDatabase(url, name), { poolSize: 2 });
      await migrate(database);
      if (kind === 'demo') await loadDemo(database);
      await database.close();
    }
    return {
      env: { [TEMPLATE_ENV.pgDemo]: names.demo, [TEMPLATE_ENV.pgEmpty]: names.empty },
      cleanup: async () => {
        for (const name of Object.values(names)) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lancar-test-templates-'));
  const database = await openPgliteInMemory();
  await migrate(database);
  writeFileSync(join(dir, 'empty.tar'), Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  await loadDemo(database);
  writeFileSync(join(dir, 'demo.tar'), Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  await database.close();
  return {
    env: { [TEMPLATE_ENV.pgliteDir]: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
