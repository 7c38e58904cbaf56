import type { CarePlanOutput, MessageOutput, Mutation } from '@lancar/contracts';
import { type EntryDataByKind, type EntryKind, newId } from '@lancar/domain';
import { signal } from '@preact/signals';
import { getMeta, type LocalEntry, localDb, type OutboxItem } from './local-db.ts';
import { MESSAGES_KEY } from './messages.ts';

/**
 * What the household screens show, kept in signals: the entries on this phone (synced or not), the current care
 * plans, and the outbox. Screens read these; writes go through `recordEntry`, which updates IndexedDB first.
 */
export const entries = signal<LocalEntry[]>([]);
export const plans = signal<CarePlanOutput[]>([]);
export const outbox = signal<OutboxItem[]>([]);
/** The midwife's messages to this household, newest first (pulled with the other changes). */
export const messages = signal<MessageOutput[]>([]);

let currentUser: string | undefined;

export async function loadHousehold(userId: string): Promise<void> {
  currentUser = userId;
  const db = await localDb(userId);
  const [allEntries, allPlans, allOutbox, allMessages] = await Promise.all([
    db.getAll('entries'),
    db.getAll('plans'),
    db.getAll('outbox'),
    getMeta<MessageOutput[]>(db, MESSAGES_KEY),
  ]);
  if (currentUser !== userId) return;
  entries.value = allEntries.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  plans.value = allPlans;
  outbox.value = allOutbox.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  messages.value = allMessages ?? [];
}

/** The phone's offset from UTC in minutes, as entries record it (WIB +420). */
export function phoneOffsetMinutes(at: Date = new Date()): number {
  return -at.getTimezoneOffset();
}

/** 2026-11-23T08:15:00+07:00: the local time with its offset, as entries are stored. */
export function localIso(at: Date): string {
  const offset = phoneOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface NewEntry<K extends EntryKind> {
  kind: K;
  motherId: string;
  babyId: string | null;
  occurredAt: Date;
  data: EntryDataByKind[K];
  supersedes?: string | null;
}

/** Saves an entry on the phone and queues it for the server, in one IndexedDB transaction. */
export async function recordEntry<K extends EntryKind>(userId: string, input: NewEntry<K>): Promise<LocalEntry> {
  const now = new Date();
  const entry: LocalEntry = {
    id: newId(now.getTime()),
    motherId: input.motherId,
    babyId: input.babyId,
    kind: input.kind,
    occurredAt: localIso(input.occurredAt),
    tzOffsetMin: phoneOffsetMinutes(input.occurredAt),
    supersedes: input.supersedes ?? null,
    data: input.data as unknown as Record<string, unknown>,
    recordedBy: userId,
    state: 'pending',
  };
  const mutation = {
    mutationId: newId(now.getTime()),
    type: 'entry',
    recordedAt: localIso(now),
    schemaVersion: 1,
    entry: {
      id: entry.id,
      motherId: entry.motherId,
      babyId: entry.babyId,
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      tzOffsetMin: entry.tzOffsetMin,
      supersedes: entry.supersedes,
      data: input.data,
    },
  } as Mutation;
  const item: OutboxItem = {
    mutationId: mutation.mutationId,
    mutation,
    queuedAt: now.toISOString(),
    status: 'pending',
    problem: null,
  };
  const db = await localDb(userId);
  const tx = db.transaction(['entries', 'outbox'], 'readwrite');
  await Promise.all([tx.objectStore('entries').put(entry), tx.objectStore('outbox').put(item), tx.done]);
  if (currentUser === userId) {
    entries.value = [...entries.value, entry].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    outbox.value = [...outbox.value, item];
  }
  return entry;
}
