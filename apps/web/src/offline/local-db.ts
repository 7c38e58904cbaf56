import type { CarePlanOutput, EntryOutput, Mutation } from '@lancar/contracts';
import type { ProblemDetails } from '@lancar/contracts/problem';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * The phone's own copy of its household's records, and the outbox of changes not yet acknowledged by the server.
 * One database per account (family phones are shared). A change is written to `entries` and `outbox` in one
 * IndexedDB transaction, so it is never shown without being queued, nor queued without being shown.
 */
export interface LocalEntry extends Omit<EntryOutput, 'seq'> {
  /** pending: in the outbox; synced: the server has it; rejected: the server refused it (see the outbox item). */
  state: 'pending' | 'synced' | 'rejected';
}

export interface OutboxItem {
  mutationId: string;
  mutation: Mutation;
  queuedAt: string;
  /** pending: waits to be sent; rejected: the server refused it and the person must look at it. */
  status: 'pending' | 'rejected';
  problem: ProblemDetails | null;
}

interface LancarDB extends DBSchema {
  entries: { key: string; value: LocalEntry; indexes: { byMother: string } };
  outbox: { key: string; value: OutboxItem; indexes: { byStatus: string } };
  plans: { key: string; value: CarePlanOutput };
  meta: { key: string; value: unknown };
}

export type LocalDatabase = IDBPDatabase<LancarDB>;

const opened = new Map<string, Promise<LocalDatabase>>();

export function localDb(userId: string): Promise<LocalDatabase> {
  let db = opened.get(userId);
  if (!db) {
    db = openDB<LancarDB>(`lancar-${userId}`, 1, {
      upgrade(database) {
        const entries = database.createObjectStore('entries', { keyPath: 'id' });
        entries.createIndex('byMother', 'motherId');
        const outbox = database.createObjectStore('outbox', { keyPath: 'mutationId' });
        outbox.createIndex('byStatus', 'status');
        database.createObjectStore('plans', { keyPath: 'motherId' });
        database.createObjectStore('meta');
      },
    });
    opened.set(userId, db);
  }
  return db;
}

export async function getMeta<T>(db: LocalDatabase, key: string): Promise<T | undefined> {
  return (await db.get('meta', key)) as T | undefined;
}

export async function setMeta(db: LocalDatabase, key: string, value: unknown): Promise<void> {
  await db.put('meta', value, key);
}

/** Removes a household's local copy (at logout); the outbox must be empty or exported first. */
export async function forgetLocalData(userId: string): Promise<void> {
  const db = await opened.get(userId);
  db?.close();
  opened.delete(userId);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(`lancar-${userId}`);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
