import type { Me } from '@lancar/contracts';
import { signal } from '@preact/signals';
import { ApiError, get, OfflineError, post } from './api/client.ts';
import { clearCache } from './api/offline-cache.ts';
import { entries, outbox, plans } from './offline/household-store.ts';
import { forgetLocalData } from './offline/local-db.ts';

const ME_KEY = 'lancar.me';

/** The logged-in person, or null. `undefined` while the first check is running. */
export const me = signal<Me | null | undefined>(undefined);
/** True when the last contact with the server failed for lack of a connection. */
export const offline = signal(false);

function remember(value: Me | null): void {
  me.value = value;
  try {
    if (value) localStorage.setItem(ME_KEY, JSON.stringify(value));
    else localStorage.removeItem(ME_KEY);
  } catch {
    // Private mode.
  }
}

/** Asks the server who is logged in; without a connection, trusts the last answer kept on this phone. */
export async function loadSession(): Promise<void> {
  try {
    remember(await get<Me>('/api/auth/me'));
    offline.value = false;
  } catch (error) {
    if (error instanceof OfflineError) {
      offline.value = true;
      const saved = localStorage.getItem(ME_KEY);
      me.value = saved ? (JSON.parse(saved) as Me) : null;
    } else if (error instanceof ApiError && error.status === 401) {
      remember(null);
    } else {
      throw error;
    }
  }
}

export function loggedIn(value: Me): void {
  remember(value);
  offline.value = false;
}

/**
 * Ends the session. The phone's copy of the household's records is removed only when everything in it reached the
 * server; otherwise it stays (and is sent at the next login), because nothing recorded may be lost.
 */
export async function logout(): Promise<void> {
  const userId = me.value?.userId;
  try {
    await post('/api/auth/logout');
  } finally {
    clearCache();
    remember(null);
    if (userId && outbox.value.length === 0) await forgetLocalData(userId);
    entries.value = [];
    plans.value = [];
    outbox.value = [];
  }
}
