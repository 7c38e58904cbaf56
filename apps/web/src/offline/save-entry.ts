import type { EntryKind } from '@lancar/domain';
import { type NewEntry, recordEntry } from './household-store.ts';
import type { LocalEntry } from './local-db.ts';
import { syncNow } from './sync-engine.ts';

/** Saves on the phone first (that never needs a connection), then tries to send it right away. */
export async function saveEntry<K extends EntryKind>(userId: string, input: NewEntry<K>): Promise<LocalEntry> {
  const entry = await recordEntry(userId, input);
  void syncNow(userId);
  return entry;
}
