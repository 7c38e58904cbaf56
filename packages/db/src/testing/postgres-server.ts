import pg from 'pg';

/**
 * Some tests need a PostgreSQL server even in the PGlite run (backup from PGlite restored into PostgreSQL).
 * They use LANCAR_TEST_POSTGRES_URL, else DATABASE_URL, else the local server. Under CI=true an unreachable
 * server is a failure, never a skip; elsewhere the test is skipped with the reason printed.
 */
export async function postgresServerForTests(): Promise<{ url: string } | { skip: string }> {
  const url =
    process.env.LANCAR_TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return { url };
  } catch (error) {
    await client.end().catch(() => {});
    const reason = `no PostgreSQL server at ${new URL(url).host}: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`CI needs PostgreSQL for this test, but there is ${reason}`);
    return { skip: reason };
  }
}
