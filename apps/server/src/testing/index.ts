export * from './mutations.ts';
export * from './test-server.ts';
