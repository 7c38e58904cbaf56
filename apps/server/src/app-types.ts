import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { Database, UserAccount } from '@lancar/db';
import type { Action, Actor, ResourceKind } from '@lancar/domain';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodType } from 'zod';
import type { ServerConfig } from './config.ts';
import type { Locale } from './locale.ts';

export interface RouteSummary {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The zod schemas the route validates its input with (the hostile-input fuzzing derives requests from them). */
  schema: { body?: ZodType; params?: ZodType; querystring?: ZodType };
}

/** What a route needs before its handler runs: nothing ("public"), or a role allowed this action on this kind. */
export type RouteAccess = 'public' | { action: Action; kind: ResourceKind };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with its access rule, in registration order (the access-matrix test walks it). */
    routeTable: RouteSummary[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    account: UserAccount | null;
    sessionId: string | null;
    locale: Locale;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppContext {
  database: Database;
  config: ServerConfig;
  /** The clock; tests pass their own. */
  now: () => Date;
}
