import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from '@fastify/type-provider-zod';
import { LIMITS } from '@lancar/contracts';
import { scopeOf } from '@lancar/domain';
import Fastify, { LogController } from 'fastify';
import type { ZodType } from 'zod';
import type { App, AppContext, RouteSummary } from './app-types.ts';
import { sessionCookieName, setSessionCookie } from './auth/cookie.ts';
import { resolveSession } from './auth/sessions.ts';
import { localeOf } from './locale.ts';
import { Problem } from './problem.ts';
import { sendProblem, toProblem } from './problem-handler.ts';
import { registerRoutes } from './routes/index.ts';
import { CONTENT_SECURITY_POLICY, checkOrigin } from './security.ts';
import { registerWebApp } from './static.ts';
import { VERSION } from './version.ts';

/** Builds the HTTP application. It holds no state of its own: everything lives in the database. */
export async function buildApp(context: AppContext): Promise<App> {
  const { config } = context;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // A line per request only when asked for (debug, trace); errors are always logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    trustProxy: config.trustProxy,
    bodyLimit: LIMITS.bodyMaxBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    // Reject JSON that tries to set __proto__ or constructor.prototype instead of silently stripping it.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // The router refuses malformed percent-encoding and path parameters longer than maxParamLength before any hook
    // runs, with Fastify's own JSON: answer those as problem documents too.
    frameworkErrors: (_error, request, reply) => {
      request.locale = localeOf(request.headers['accept-language']);
      const fields = request.locale === 'id' ? 'alamat (URL)' : 'the address (URL)';
      return sendProblem(reply, new Problem('invalid-input', { params: { fields } }), request);
    },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text/plain body is refused with 415 rather than handed to a route as a string.
  app.removeContentTypeParser(['text/plain']);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only makes sense over HTTPS; it is added below when the request came in over TLS.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lancar API',
        version: VERSION,
        description:
          'API of Lancar, software for the pijat oksitosin (oxytocin massage) programme. Errors are RFC 9457 application/problem+json.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.secureCookies) } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const routeTable: RouteSummary[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const schema = route.schema ?? {};
      routeTable.push({
        method,
        url: route.url,
        access: route.config?.access,
        schema: {
          body: schema.body as ZodType | undefined,
          params: schema.params as ZodType | undefined,
          querystring: schema.querystring as ZodType | undefined,
        },
      });
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('locale', 'id');

  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeOf(request.headers['accept-language']);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      checkOrigin(request, config.publicUrl);
    }
  });

  // Who is asking, and may their role use this route at all? Finer checks (which household, which facility)
  // happen in the handler, which knows the record.
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    const isApi = request.routeOptions.url?.startsWith('/api/') ?? false;
    if (!isApi || request.routeOptions.url?.startsWith('/api/docs')) return;
    if (access === undefined) throw new Error(`Route ${request.routeOptions.url} does not declare its access rule.`);
    const cookie = request.cookies[sessionCookieName(config.secureCookies)];
    if (cookie) {
      const session = await resolveSession(context.database.db, cookie, context.now());
      if (session) {
        request.actor = session.actor;
        request.account = session.user;
        request.sessionId = session.sessionId;
        // Sliding expiry: the browser must keep the cookie as long as the server keeps the session.
        if (session.renewedUntil) setSessionCookie(reply, config.secureCookies, cookie, session.renewedUntil);
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new Problem('not-authenticated');
    if (scopeOf(request.actor.role, access.action, access.kind) === undefined) throw new Problem('forbidden');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request, request.locale);
    if (problem.key === 'internal' || problem.key === 'database-unavailable' || problem.key === 'disk-full') {
      request.log.error({ err: error }, 'request failed');
    }
    return sendProblem(reply, problem, request);
  });

  registerRoutes(app, context);
  await registerWebApp(app, config.webDist);
  return app;
}
