import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import { isDatabaseUnavailable, isDiskFull, LoginNameTakenError } from '@lancar/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from './locale.ts';
import { Problem } from './problem.ts';

const ZOD_LOCALES = { id: z.locales.id(), en: z.locales.en() };

/**
 * At most this many field errors in one answer, each naming at most this much of a field: enough to fix any form,
 * and a hostile body with thousands of unknown or wrong fields cannot make the answer much larger than itself (one
 * message listing every unknown key, repeated for each of them, once made a 60 KB body into a 270 MB answer).
 */
const MAX_FIELD_ERRORS = 50;
const MAX_NAME_LENGTH = 100;

const shorten = (name: string) => (name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name);

/** Zod's message for one unknown key, in the caller's language. */
function unknownKeyMessage(key: string, locale: Locale): string {
  const issue = { code: 'unrecognized_keys', keys: [shorten(key)], input: undefined, path: [] } as const;
  const message = ZOD_LOCALES[locale].localeError(issue as unknown as z.core.$ZodRawIssue);
  return typeof message === 'string' ? message : (message?.message ?? key);
}

/** Field messages for invalid input, in the caller's language. Zod runs again with a localised error map. */
function invalidInput(error: FastifyError, request: FastifyRequest, locale: Locale): Problem {
  const context = (error.validationContext ?? 'body') as 'body' | 'querystring' | 'params' | 'headers';
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as
    | z.ZodType
    | undefined;
  const input = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[
    context
  ];
  const result = schema?.safeParse(input, { error: ZOD_LOCALES[locale].localeError });
  const issues = result && !result.success ? result.error.issues : [];
  const errors = issues
    .flatMap((issue) => {
      const at = issue.path.map((step) => shorten(String(step)));
      // An unknown field is reported under its own name, so the sender sees which one to remove.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: [...at, shorten(key)], message: unknownKeyMessage(key, locale) }));
      }
      return [{ path: at, message: issue.message }];
    })
    .slice(0, MAX_FIELD_ERRORS)
    .map(({ path, message }) => ({ path: path.length > 0 ? path.join('.') : '(root)', message }));
  const fields = errors.map((e) => e.path).join(', ') || context;
  return new Problem('invalid-input', { params: { fields }, extra: { errors } });
}

/** Turns anything thrown into a Problem the person can act on. */
export function toProblem(error: unknown, request: FastifyRequest, locale: Locale): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof LoginNameTakenError) {
    const what = error.loginName.startsWith('tel:')
      ? locale === 'id'
        ? 'Nomor HP ini'
        : 'This phone number'
      : locale === 'id'
        ? `Nama pengguna "${error.loginName}"`
        : `The username "${error.loginName}"`;
    return new Problem('login-name-taken', { params: { what } });
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(error)) return invalidInput(fastifyError, request, locale);
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('body-too-large', {
        params: { limit: `${Math.round(request.routeOptions.bodyLimit / 1024)} KB` },
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem('unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('malformed-body');
  }
  if (fastifyError.statusCode === 400 && (error instanceof SyntaxError || /JSON|proto/i.test(fastifyError.message))) {
    return new Problem('malformed-body');
  }
  // The database refused a value the schemas let through (a data exception or a CHECK constraint): the input's fault.
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && (/^22[0-9A-Z]{3}$/.test(sqlState) || sqlState === '23514')) {
    return new Problem('invalid-input', {
      params: { fields: locale === 'id' ? 'nilai yang dikirim' : 'the values sent' },
    });
  }
  if (sqlState === '23505') return new Problem('id-conflict');
  // SQLSTATE 53100 disk_full, from PostgreSQL or PGlite (which reports ENOSPC that way), or ENOSPC itself.
  if (isDiskFull(error)) return new Problem('disk-full');
  if (isDatabaseUnavailable(error)) return new Problem('database-unavailable', { headers: { 'retry-after': '5' } });
  return new Problem('internal');
}

export function sendProblem(reply: FastifyReply, problem: Problem, request: FastifyRequest): FastifyReply {
  const details = problem.toDetails(request.locale, request.id);
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.code(details.status).type('application/problem+json; charset=utf-8').send(details);
}
