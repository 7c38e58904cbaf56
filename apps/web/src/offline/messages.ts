import type { MessageOutput } from '@lancar/contracts';

/**
 * The midwife's messages to the household, kept under this key of the `meta` store (no schema change for older
 * phones): one list, newest first, at most `MESSAGES_KEPT`.
 */
export const MESSAGES_KEY = 'messages';
export const MESSAGES_KEPT = 200;

/** Adds pulled messages to those kept (a message pulled twice is kept once), newest first. */
export function mergeMessages(kept: readonly MessageOutput[], pulled: readonly MessageOutput[]): MessageOutput[] {
  const byId = new Map(kept.map((m) => [m.id, m]));
  for (const m of pulled) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.seq - a.seq).slice(0, MESSAGES_KEPT);
}
