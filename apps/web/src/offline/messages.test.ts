import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageOutput } from '@lancar/contracts';
import { MESSAGES_KEPT, mergeMessages } from './messages.ts';

const message = (id: string, sentAt: string, seq: number): MessageOutput => ({
  id,
  motherId: 'm1',
  body: `pesan ${id}`,
  sentBy: 'u1',
  sentByName: 'Bidan',
  sentAt,
  seq,
});

describe('messages kept on the phone', () => {
  it('keeps each message once, newest first', () => {
    const kept = [message('a', '2026-11-21T01:00:00.000Z', 5)];
    const merged = mergeMessages(kept, [
      message('b', '2026-11-22T01:00:00.000Z', 9),
      message('a', '2026-11-21T01:00:00.000Z', 5),
    ]);
    assert.deepEqual(
      merged.map((m) => m.id),
      ['b', 'a'],
    );
  });

  it('keeps at most the newest ones', () => {
    const many = Array.from({ length: MESSAGES_KEPT + 5 }, (_, i) =>
      message(`m${i}`, new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), i),
    );
    const merged = mergeMessages([], many);
    assert.equal(merged.length, MESSAGES_KEPT);
    assert.equal(merged[0]?.id, `m${MESSAGES_KEPT + 4}`);
  });
});
