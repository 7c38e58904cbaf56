export * from './hostile-text.ts';
export * from './households.ts';
export * from './mutations.ts';
export * from './studies.ts';
export * from './test-server.ts';
