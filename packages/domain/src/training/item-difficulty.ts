/**
 * "Which questions did most people get wrong?": per item, the share of participants who answered it correctly
 * before training (pre-test) and after (post-test), hardest first.
 */

/** A scored sheet (scoreQuiz's perItem), with who took it and on which item bank version when known. */
export interface ScoredSheet {
  /** One sheet per participant per phase; given ids are checked for repeats. */
  participantId?: string;
  /** Sheets of different item bank versions hold different questions and must not be mixed. */
  itemBankVersion?: number;
  perItem: readonly { itemId: string; correct: boolean | null }[];
}

export interface ItemShare {
  /** Participants who answered the item (blanks are left out, not counted as wrong). */
  n: number;
  correct: number;
  /** correct / n, 0–1; null when nobody answered. */
  share: number | null;
}

export interface ItemDifficulty {
  itemId: string;
  pre: ItemShare;
  post: ItemShare;
  /** post.share − pre.share; null when either is null. Groups, not pairs: who answered may differ. */
  change: number | null;
}

export interface ItemDifficultyOptions {
  /** Which phase decides "hardest": by default the post-test (what the training did not get across). */
  sortBy?: 'pre' | 'post';
  /** Items to report even when nobody answered them (for example the whole bank); others are added as found. */
  itemIds?: readonly string[];
}

function tally(sheets: readonly ScoredSheet[], phase: string): Map<string, { n: number; correct: number }> {
  const counts = new Map<string, { n: number; correct: number }>();
  const participants = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.participantId !== undefined) {
      if (participants.has(sheet.participantId))
        throw new RangeError(`${phase}: participant "${sheet.participantId}" has more than one sheet`);
      participants.add(sheet.participantId);
    }
    const seen = new Set<string>();
    for (const row of sheet.perItem) {
      if (seen.has(row.itemId)) throw new RangeError(`${phase}: a sheet answers item "${row.itemId}" twice`);
      seen.add(row.itemId);
      if (row.correct === null) continue;
      const c = counts.get(row.itemId) ?? { n: 0, correct: 0 };
      c.n += 1;
      if (row.correct) c.correct += 1;
      counts.set(row.itemId, c);
    }
  }
  return counts;
}

function share(counts: Map<string, { n: number; correct: number }>, itemId: string): ItemShare {
  const c = counts.get(itemId);
  if (!c) return { n: 0, correct: 0, share: null };
  return { n: c.n, correct: c.correct, share: c.correct / c.n };
}

/** Lower share first (harder), nulls last. */
function byShare(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a - b;
}

/**
 * Per item, the share of participants who answered correctly in the pre-tests and in the post-tests. Only answered
 * items count (an incomplete sheet still counts for the items it answers); `n` says how many answered each.
 * Sorted hardest first by the `sortBy` phase (post by default), then by the other phase, then by item id.
 * Pass one sheet per participant per phase (for example each participant's first complete post-test) and sheets
 * of one item bank version; throws a RangeError when a given participant id repeats or versions are mixed.
 */
export function itemDifficulty(
  pre: readonly ScoredSheet[],
  post: readonly ScoredSheet[],
  options: ItemDifficultyOptions = {},
): ItemDifficulty[] {
  const versions = new Set(
    [...pre, ...post].flatMap((s) => (s.itemBankVersion === undefined ? [] : [s.itemBankVersion])),
  );
  if (versions.size > 1) throw new RangeError(`sheets of item bank versions ${[...versions].join(', ')} are mixed`);
  const preCounts = tally(pre, 'pre-test');
  const postCounts = tally(post, 'post-test');

  const ids = [...new Set([...(options.itemIds ?? []), ...preCounts.keys(), ...postCounts.keys()])];
  const rows = ids.map((itemId): ItemDifficulty => {
    const before = share(preCounts, itemId);
    const after = share(postCounts, itemId);
    const change = before.share === null || after.share === null ? null : after.share - before.share;
    return { itemId, pre: before, post: after, change };
  });
  const first = options.sortBy ?? 'post';
  const second = first === 'post' ? 'pre' : 'post';
  return rows.sort(
    (a, b) =>
      byShare(a[first].share, b[first].share) ||
      byShare(a[second].share, b[second].share) ||
      a.itemId.localeCompare(b.itemId),
  );
}
