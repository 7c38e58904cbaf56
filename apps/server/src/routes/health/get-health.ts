import { Health } from '@lancar/contracts';
import { sql } from 'kysely';
import type { App, AppContext } from '../../app-types.ts';
import { Problem } from '../../problem.ts';
import { VERSION } from '../../version.ts';

export function registerGetHealth(app: App, { database }: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is the server up and can it reach its database?',
        response: { 200: Health },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(database.db);
      } catch {
        throw new Problem('database-unavailable', { headers: { 'retry-after': '5' } });
      }
      return { status: 'ok' as const, database: database.kind, version: VERSION };
    },
  );
}
