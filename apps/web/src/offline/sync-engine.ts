import type { CarePlanOutput, MessageOutput, PullResult, PushResultItem } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import type { ProblemDetails } from '@lancar/contracts/problem';
import { signal } from '@preact/signals';
import { ApiError, get, OfflineError, post } from '../api/client.ts';
import { loadHousehold } from './household-store.ts';
import { getMeta, type LocalDatabase, type LocalEntry, localDb, setMeta } from './local-db.ts';
import { MESSAGES_KEY, mergeMessages } from './messages.ts';
import { refreshServerTraining } from './training-store.ts';

/**
 * Sends the outbox and fetches what changed, whenever there is a chance: at start, when the phone comes online,
 * when the app comes to the front, after every new entry, and on a timer that backs off while it keeps failing.
 * An outbox item is removed only when the server said it applied it; a refused one stays, marked, for the person.
 */
export interface SyncState {
  syncing: boolean;
  lastSyncAt: string | null;
  /** Why the last attempt did not finish: no connection, the session ended, or the server failed. */
  problem: 'offline' | 'login' | 'server' | null;
  /**
   * The server's own words when it answered with a problem document (its disk is full, its database is away), so
   * the person is told what is wrong instead of "no connection". Null when it did not say.
   */
  serverProblem: Pick<ProblemDetails, 'title' | 'detail' | 'status'> | null;
}

export const syncState = signal<SyncState>({ syncing: false, lastSyncAt: null, problem: null, serverProblem: null });

let running: Promise<void> | undefined;
let again = false;

export function syncNow(userId: string): Promise<void> {
  if (running) {
    again = true; // one more round after this one, for what was queued meanwhile
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await syncRound(userId);
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function syncRound(userId: string): Promise<void> {
  const db = await localDb(userId);
  syncState.value = { ...syncState.value, syncing: true };
  try {
    await pushOutbox(db);
    await pullChanges(db);
    // The training status as the server sees it (with paper sheets and skill checks), kept for offline use. Not part
    // of the household's sync: if only this read fails, the entries were still sent, so the round still succeeded.
    await refreshServerTraining(userId).catch(() => {});
    const at = new Date().toISOString();
    await setMeta(db, 'lastSyncAt', at);
    syncState.value = { syncing: false, lastSyncAt: at, problem: null, serverProblem: null };
  } catch (error) {
    const problem =
      error instanceof OfflineError
        ? error.reason === 'network'
          ? 'offline'
          : 'server'
        : error instanceof ApiError && error.status === 401
          ? 'login'
          : 'server';
    const serverProblem =
      problem === 'server' && error instanceof ApiError
        ? { title: error.problem.title, detail: error.problem.detail, status: error.problem.status }
        : null;
    syncState.value = { ...syncState.value, syncing: false, problem, serverProblem };
  } finally {
    await loadHousehold(userId);
  }
}

async function deviceId(db: LocalDatabase): Promise<string> {
  let id = await getMeta<string>(db, 'deviceId');
  if (!id) {
    id = crypto.getRandomValues(new Uint32Array(4)).join('-');
    await setMeta(db, 'deviceId', id);
  }
  return id;
}

async function pushOutbox(db: LocalDatabase): Promise<void> {
  const pending = (await db.getAllFromIndex('outbox', 'byStatus', 'pending')).sort((a, b) =>
    a.queuedAt.localeCompare(b.queuedAt),
  );
  const device = await deviceId(db);
  for (let start = 0; start < pending.length; start += LIMITS.pushBatchMax) {
    const batch = pending.slice(start, start + LIMITS.pushBatchMax);
    const { results } = await post<{ results: PushResultItem[] }>('/api/sync/push', {
      deviceId: device,
      mutations: batch.map((item) => item.mutation),
    });
    const tx = db.transaction(['outbox', 'entries'], 'readwrite');
    for (const result of results) {
      const item = batch.find((b) => b.mutationId === result.mutationId);
      if (!item) continue;
      const entry =
        item.mutation.type === 'entry'
          ? ((await tx.objectStore('entries').get(item.mutation.entry.id)) as LocalEntry | undefined)
          : undefined;
      if (result.status === 'applied') {
        await tx.objectStore('outbox').delete(item.mutationId);
        if (entry) await tx.objectStore('entries').put({ ...entry, state: 'synced' });
      } else {
        await tx.objectStore('outbox').put({ ...item, status: 'rejected', problem: result.problem });
        if (entry) await tx.objectStore('entries').put({ ...entry, state: 'rejected' });
      }
    }
    await tx.done;
  }
}

async function pullChanges(db: LocalDatabase): Promise<void> {
  let cursor = (await getMeta<number>(db, 'cursor')) ?? 0;
  for (;;) {
    const page = await get<PullResult>(`/api/sync/pull?since=${cursor}`);
    const tx = db.transaction(['entries', 'plans', 'meta'], 'readwrite');
    const messages: MessageOutput[] = [];
    for (const change of page.changes) {
      if (change.type === 'entry') {
        const { seq: _seq, ...entry } = change.entry;
        await tx.objectStore('entries').put({ ...entry, state: 'synced' });
      } else if (change.type === 'message') {
        messages.push(change.message);
      } else {
        const current = (await tx.objectStore('plans').get(change.plan.motherId)) as CarePlanOutput | undefined;
        if (!current || current.seq < change.plan.seq) await tx.objectStore('plans').put(change.plan);
      }
    }
    if (messages.length > 0) {
      const kept = (await tx.objectStore('meta').get(MESSAGES_KEY)) as MessageOutput[] | undefined;
      await tx.objectStore('meta').put(mergeMessages(kept ?? [], messages), MESSAGES_KEY);
    }
    cursor = page.next;
    await tx.objectStore('meta').put(cursor, 'cursor');
    await tx.done;
    if (!page.more) return;
  }
}

/** Starts syncing for this account; returns the function that stops it (at logout). */
export function startSync(userId: string): () => void {
  let delay = 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    void syncNow(userId).then(() => {
      // Back off while it fails (up to 10 minutes), back to 30 seconds once it works.
      delay = syncState.value.problem ? Math.min(delay * 2, 600_000) : 30_000;
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    });
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') run();
  };
  window.addEventListener('online', run);
  document.addEventListener('visibilitychange', onVisible);
  void localDb(userId)
    .then((db) => getMeta<string>(db, 'lastSyncAt'))
    .then((lastSyncAt) => {
      syncState.value = { ...syncState.value, lastSyncAt: lastSyncAt ?? null };
    });
  run();
  return () => {
    clearTimeout(timer);
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** The last resort: everything the server has not acknowledged, as a file the person can keep or send. */
export async function exportUnsent(userId: string): Promise<Blob> {
  const db = await localDb(userId);
  const items = await db.getAll('outbox');
  return new Blob([JSON.stringify({ format: 'lancar-unsent', exportedAt: new Date().toISOString(), items }, null, 2)], {
    type: 'application/json',
  });
}
