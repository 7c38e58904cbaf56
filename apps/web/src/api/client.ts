import type { ProblemDetails } from '@lancar/contracts/problem';
import { locale } from '../i18n/i18n.ts';

/** An answer from the API that is not a success: the server's problem document, ready to show. */
export class ApiError extends Error {
  readonly problem: ProblemDetails;
  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

/**
 * Lancar could not be reached: no answer at all (no signal), or something in front of it answered instead (a proxy's
 * 502 or 504 while the server is down). Either way the app works from what it keeps on the phone; `reason` says which,
 * so the person is not told to check a signal that is fine.
 */
export class OfflineError extends Error {
  readonly reason: 'network' | 'server';
  constructor(reason: 'network' | 'server' = 'network') {
    super(reason === 'network' ? 'offline' : 'server not answering');
    this.name = 'OfflineError';
    this.reason = reason;
  }
}

type Method = 'GET' | 'POST' | 'PATCH';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'accept-language': locale.value,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new OfflineError();
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (typeof payload === 'object' && payload !== null && 'title' in payload)
      throw new ApiError(payload as ProblemDetails);
    // A proxy answered for a server that is down, not Lancar: work as if offline, but say it is the server.
    if (response.status >= 500) throw new OfflineError('server');
    throw new ApiError({ type: 'about:blank', title: String(response.status), status: response.status });
  }
  return payload as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
