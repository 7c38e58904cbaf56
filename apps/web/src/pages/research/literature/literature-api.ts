import type { ProblemDetails } from '@lancar/contracts/problem';
import { ApiError, OfflineError } from '../../../api/client.ts';
import { locale } from '../../../i18n/i18n.ts';

/** PUT, which the shared client does not offer: the extraction form replaces a reference's current version. */
export async function put<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'accept-language': locale.value,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new OfflineError();
  }
  const payload: unknown = (response.headers.get('content-type') ?? '').includes('json')
    ? await response.json()
    : await response.text();
  if (!response.ok) {
    if (typeof payload === 'object' && payload !== null && 'title' in payload) {
      throw new ApiError(payload as ProblemDetails);
    }
    if (response.status >= 500) throw new OfflineError('server');
    throw new ApiError({ type: 'about:blank', title: String(response.status), status: response.status });
  }
  return payload as T;
}

export const reviewPath = (reviewId: string, rest = '') => `/api/reviews/${reviewId}${rest}`;
