import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every setting the server reads from the environment; README.md has the same list as a table. */
export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the demo dataset into an empty database on start ("auto"), or never ("off"). */
  demo: 'auto' | 'off';
  /** The address people use, e.g. https://lancar.puskesmas.example; used in QR codes and the Origin check. */
  publicUrl: string | undefined;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client address for throttling, HTTPS for HSTS). */
  trustProxy: boolean;
  /** Secure (__Host-) session cookie. Turn off only to try Lancar over plain HTTP on a local network. */
  secureCookies: boolean;
  webDist: string;
  logLevel: string;
  dbPoolSize: number;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}".`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const demo = env.LANCAR_DEMO ?? 'auto';
  if (demo !== 'auto' && demo !== 'off') throw new ConfigError(`LANCAR_DEMO must be "auto" or "off", not "${demo}".`);
  const publicUrl = env.LANCAR_PUBLIC_URL || undefined;
  if (publicUrl) {
    try {
      new URL(publicUrl);
    } catch {
      throw new ConfigError(
        `LANCAR_PUBLIC_URL must be a full address such as https://lancar.example.id, not "${publicUrl}".`,
      );
    }
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', env.PORT, 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LANCAR_DATA_DIR || resolve(REPO_ROOT, 'data')),
    demo,
    publicUrl,
    trustProxy: flag('LANCAR_TRUST_PROXY', env.LANCAR_TRUST_PROXY, false),
    secureCookies: flag('LANCAR_SECURE_COOKIES', env.LANCAR_SECURE_COOKIES, true),
    webDist: resolve(env.LANCAR_WEB_DIST || resolve(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.LANCAR_LOG_LEVEL || 'info',
    dbPoolSize: integer('LANCAR_DB_POOL_SIZE', env.LANCAR_DB_POOL_SIZE, 10, 1, 200),
  };
}
