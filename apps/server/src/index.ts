export { buildApp } from './app.ts';
export type { App, AppContext } from './app-types.ts';
export { ConfigError, readConfig, type ServerConfig } from './config.ts';
export { startServer } from './start-server.ts';
export { VERSION } from './version.ts';
