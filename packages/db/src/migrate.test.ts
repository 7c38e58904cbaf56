import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from './database.ts';
import { appliedMigrations, migrate, migrationNames } from './migrate.ts';
import { openTestDatabase } from './testing/test-database.ts';

describe('migrate', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase({ demo: false });
  });
  after(() => database.close());

  it('has applied every numbered migration, and a second run applies none', async () => {
    assert.deepEqual(await appliedMigrations(database), migrationNames());
    assert.deepEqual(await migrate(database), []);
    assert.deepEqual(await migrate(database), []);
  });

  it('applies from scratch on an empty schema, all files in order', async () => {
    await database.withSession((s) => s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
    assert.deepEqual(await appliedMigrations(database), []);
    assert.deepEqual(await migrate(database), migrationNames());
  });

  it('runs safely from two callers at once', async () => {
    await database.withSession((s) => s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
    const [a, b] = await Promise.all([migrate(database), migrate(database)]);
    assert.deepEqual([...a, ...b].sort(), migrationNames());
  });
});
