import type { ProblemDetails } from '@lancar/contracts/problem';
import { PROBLEM_TYPE_BASE } from '@lancar/contracts/problem';
import type { Locale } from './locale.ts';
import { type ProblemKey, problemText } from './problem-messages.ts';

/**
 * The one error type routes throw. The error handler turns it into an RFC 9457 application/problem+json response
 * in the caller's language.
 */
export class Problem extends Error {
  readonly key: ProblemKey;
  readonly params: Record<string, string>;
  readonly extra: Partial<Pick<ProblemDetails, 'errors' | 'retryAt' | 'candidates'>>;
  readonly headers: Record<string, string>;

  constructor(
    key: ProblemKey,
    options: {
      params?: Record<string, string>;
      extra?: Partial<Pick<ProblemDetails, 'errors' | 'retryAt' | 'candidates'>>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(key);
    this.name = 'Problem';
    this.key = key;
    this.params = options.params ?? {};
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toDetails(locale: Locale, instance: string | undefined): ProblemDetails {
    const text = problemText(this.key, locale, this.params);
    return {
      type: `${PROBLEM_TYPE_BASE}${this.key}`,
      title: text.title,
      status: text.status,
      ...(text.detail ? { detail: text.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}
