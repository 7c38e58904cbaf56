import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@lancar/db';
import { openTestDatabase } from '@lancar/db/testing';
import { buildApp } from '../app.ts';
import type { App } from '../app-types.ts';
import { readConfig, type ServerConfig } from '../config.ts';

/**
 * A real server for a test file: a private database (PGlite, or PostgreSQL when DATABASE_URL is set), the real app,
 * listening on a free loopback port, driven over real HTTP with fetch.
 */
export interface TestServer {
  app: App;
  database: Database;
  url: string;
  /** Set to move the server's clock (sessions, lockouts, codes); undefined means the real time. */
  clock: { now: Date | undefined };
  client(): TestClient;
  /** A client already logged in with the demo password. */
  loginAs(login: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely; their assertions check the shape.
export type LooseJson = any;

export class TestClient {
  /** Where the server listens; a test that restarts the server points its clients at the new address. */
  base: string;
  cookie: string | undefined;
  headers: Record<string, string> = {};

  constructor(base: string) {
    this.base = base;
  }

  async request<T = LooseJson>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
        ...headers,
      },
      redirect: 'manual',
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${this.base}${path}`, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      const [name, value] = pair.split('=');
      this.cookie = value ? `${name}=${value}` : undefined;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = LooseJson>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = LooseJson>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = LooseJson>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
}

export const DEMO_PASSWORD_FOR_TESTS = 'demo-lancar';

export async function startTestServer(
  options: { demo?: boolean; config?: Partial<ServerConfig>; webDist?: string } = {},
): Promise<TestServer> {
  const database = await openTestDatabase({ demo: options.demo ?? true });
  const emptyDist = mkdtempSync(join(tmpdir(), 'lancar-nodist-'));
  const config: ServerConfig = {
    ...readConfig({}),
    logLevel: 'silent',
    webDist: options.webDist ?? emptyDist,
    ...options.config,
  };
  const clock: { now: Date | undefined } = { now: undefined };
  const app = await buildApp({ database, config, now: () => clock.now ?? new Date() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen on a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    database,
    url,
    clock,
    client: () => new TestClient(url),
    loginAs: async (login, password = DEMO_PASSWORD_FOR_TESTS) => {
      const client = new TestClient(url);
      const response = await client.post('/api/auth/login', { login, password });
      if (response.status !== 200) throw new Error(`login as ${login} failed: ${response.status} ${response.text}`);
      return client;
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(emptyDist, { recursive: true, force: true });
    },
  };
}

/** Demo accounts by what tests need them for (see packages/db/src/demo/demo-dataset.ts). */
export const DEMO = {
  systemAdmin: 'admin.sistem',
  facilityAdmin: 'admin.sukamaju',
  midwife: 'bidan.sari',
  secondMidwife: 'bidan.rina',
  cadre: 'kader.wati',
  researcher: 'peneliti.ayu',
  /** Siti Aminah, day 2, Puskesmas Sukamaju */
  mother: '081200000001',
  /** Budi Santoso, Siti's husband */
  companion: '081200000011',
  /** Bidan Lina at RSUD Harapan Bunda: another facility */
  otherFacilityMidwife: 'bidan.lina',
} as const;
