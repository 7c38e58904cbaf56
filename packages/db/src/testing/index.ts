export * from './postgres-server.ts';
export * from './private-postgres.ts';
export * from './test-database.ts';
