import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './app-types.ts';
import { Problem } from './problem.ts';

/** Vite puts content-hashed files under assets/: they never change, so phones may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest) must be revalidated, or phones would never see an update. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built phone and desktop app, with the navigation fallback a single-page app needs:
 * any unknown path that a browser navigates to gets index.html; unknown /api paths get a problem document.
 */
export async function registerWebApp(app: App, webDist: string): Promise<void> {
  const built = existsSync(join(webDist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes(`${join(webDist, 'assets')}`) ? IMMUTABLE : REVALIDATE);
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      throw new Problem('route-not-found', {
        params: { method: request.method, url: request.url.split('?')[0] ?? '' },
      });
    }
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The Lancar web app has not been built yet. Run "npm run build" (npm start does this for you).');
    }
    reply.header('cache-control', REVALIDATE);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
