import { OfflineError } from './client.ts';

/**
 * The last good answer of a few read-only calls, kept on the phone per account so the app still shows the household
 * and the number to call when there is no signal. Cleared on logout. (Records created offline arrive with the sync
 * outbox, not here.)
 */
const PREFIX = 'lancar.cache.';

function key(userId: string, path: string): string {
  return `${PREFIX}${userId}:${path}`;
}

export interface Cached<T> {
  value: T;
  /** True when the value came from the phone because the server could not be reached. */
  stale: boolean;
  savedAt: string | undefined;
}

export async function cachedGet<T>(userId: string, path: string, load: () => Promise<T>): Promise<Cached<T>> {
  try {
    const value = await load();
    try {
      localStorage.setItem(key(userId, path), JSON.stringify({ value, savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or unavailable: the app still works online.
    }
    return { value, stale: false, savedAt: undefined };
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const raw = localStorage.getItem(key(userId, path));
    if (!raw) throw error;
    const saved = JSON.parse(raw) as { value: T; savedAt: string };
    return { value: saved.value, stale: true, savedAt: saved.savedAt };
  }
}

export function clearCache(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const k = localStorage.key(i);
    if (k?.startsWith(PREFIX)) localStorage.removeItem(k);
  }
}
