import { type Database, describeDemo, hasDemoData, isEmpty, loadDemo, migrate, openDatabase } from '@lancar/db';
import { buildApp } from './app.ts';
import type { App } from './app-types.ts';
import type { ServerConfig } from './config.ts';
import { demoBanner } from './demo-banner.ts';
import { scheduleHousekeeping } from './housekeeping.ts';

export interface RunningServer {
  app: App;
  database: Database;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens the database (taking the data-directory lock for PGlite), applies migrations, loads the demo into an empty
 * database when allowed, and starts listening. `stop()` closes the server, checkpoints and releases the lock.
 */
export async function startServer(
  config: ServerConfig,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: 'lancar serve',
    poolSize: config.dbPoolSize,
  });
  try {
    const applied = await migrate(database);
    if (applied.length > 0) log(`Database migrations applied: ${applied.join(', ')}`);
    let demoLoadedNow = false;
    if (config.demo === 'auto' && (await isEmpty(database))) {
      log('Empty database: loading the demo dataset (fictional facilities, people and records)...');
      await loadDemo(database);
      await database.checkpoint();
      demoLoadedNow = true;
    }
    const app = await buildApp({ database, config, now: () => new Date() });
    const stopHousekeeping = scheduleHousekeeping(database, (message, error) => app.log.error({ err: error }, message));
    const address = await app.listen({ host: config.host, port: config.port });
    const url = address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost');
    log(`\nLancar is running at ${url}  (database: ${database.description})`);
    log(`API documentation: ${url}/api/docs`);
    if (demoLoadedNow || (await hasDemoData(database))) log(demoBanner(describeDemo()));
    log('Stop with Ctrl+C.\n');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      stop: () => {
        stopping ??= (async () => {
          stopHousekeeping();
          try {
            await app.close();
          } finally {
            await database.close();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
