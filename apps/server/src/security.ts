import type { FastifyRequest } from 'fastify';
import { Problem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard on top of SameSite=Lax cookies: a browser always names the page that sent a
 * write in Origin (or Sec-Fetch-Site), so a write from any other site is refused. Clients that are not browsers
 * (the CLI, tests) send neither header.
 */
export function checkOrigin(request: FastifyRequest, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = new Set([`${request.protocol}://${request.host}`]);
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
    if (!allowed.has(origin)) throw new Problem('cross-origin');
    return;
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new Problem('cross-origin');
}

/** The Content-Security-Policy for every response: our own scripts only, never inline ones. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};
