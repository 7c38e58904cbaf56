export * from './postgres-server.ts';
export * from './private-postgres.ts';
export * from './small-disk.ts';
export * from './test-database.ts';
export * from './within.ts';
