// Duplicate detection across imports (the same article found in PubMed and Scopus). Linear: records are bucketed
// by normalised DOI and by normalised title, and buckets are joined with a union-find, never compared pairwise.
import type { Reference } from './references.ts';

export type DuplicateReason = 'doi' | 'title';

export interface DuplicateGroup {
  /** The most complete record of the group (most non-empty fields, then the first seen). */
  keep: string;
  /** The other records of the group, in input order. */
  duplicates: string[];
  /** 'doi' when every record of the group carries the same DOI; 'title' when a title and year match joined it. */
  reason: DuplicateReason;
}

/** Lower case DOI without resolver or "doi:" prefix, or null when there is none. */
export function normalizeDoi(doi: string | null | undefined): string | null {
  const normalized = (doi ?? '')
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '')
    .trim();
  return normalized === '' ? null : normalized;
}

/** Lower case, accents removed (NFKD), punctuation and runs of whitespace collapsed to one space. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function findDuplicates(references: readonly Reference[]): DuplicateGroup[] {
  const sets = new DisjointSets(references.length);
  const dois = references.map((reference) => normalizeDoi(reference.doi));
  const titles = references.map((reference) => normalizeTitle(reference.title));

  const firstWithDoi = new Map<string, number>();
  dois.forEach((doi, index) => {
    if (doi === null) return;
    const first = firstWithDoi.get(doi);
    if (first === undefined) firstWithDoi.set(doi, index);
    else sets.union(first, index);
  });

  // Dated records first, so an undated record joins one dated group and can never bridge two different years.
  const firstWithTitleYear = new Map<string, number>();
  const firstDatedWithTitle = new Map<string, number>();
  references.forEach((reference, index) => {
    const title = titles[index]!;
    if (reference.year === null || title === '') return;
    const key = `${reference.year} ${title}`;
    const first = firstWithTitleYear.get(key);
    if (first === undefined) firstWithTitleYear.set(key, index);
    else sets.union(first, index);
    if (!firstDatedWithTitle.has(title)) firstDatedWithTitle.set(title, index);
  });
  const firstUndatedWithTitle = new Map<string, number>();
  references.forEach((reference, index) => {
    const title = titles[index]!;
    if (reference.year !== null || title === '') return;
    const dated = firstDatedWithTitle.get(title);
    if (dated !== undefined) {
      sets.union(dated, index);
      return;
    }
    const first = firstUndatedWithTitle.get(title);
    if (first === undefined) firstUndatedWithTitle.set(title, index);
    else sets.union(first, index);
  });

  // Map order is first-insertion order, so groups come out ordered by their first record.
  const members = new Map<number, number[]>();
  references.forEach((_, index) => {
    const root = sets.find(index);
    const group = members.get(root);
    if (group) group.push(index);
    else members.set(root, [index]);
  });
  return [...members.values()].filter((group) => group.length > 1).map((group) => toGroup(group, references, dois));
}

/** Ids of every record a group marks as a duplicate, i.e. the records removed before screening. */
export function duplicateIds(groups: readonly DuplicateGroup[]): Set<string> {
  return new Set(groups.flatMap((group) => group.duplicates));
}

function toGroup(
  indexes: number[],
  references: readonly Reference[],
  dois: readonly (string | null)[],
): DuplicateGroup {
  let keep = indexes[0]!;
  for (const index of indexes) {
    if (completeness(references[index]!) > completeness(references[keep]!)) keep = index;
  }
  const firstDoi = dois[indexes[0]!];
  const sameDoi = firstDoi !== null && indexes.every((index) => dois[index] === firstDoi);
  return {
    keep: references[keep]!.id,
    duplicates: indexes.filter((index) => index !== keep).map((index) => references[index]!.id),
    reason: sameDoi ? 'doi' : 'title',
  };
}

function completeness(reference: Reference): number {
  const fields = [reference.year, reference.journal, reference.doi, reference.abstract, reference.url];
  return (
    1 + // the title is always present
    fields.filter((field) => field !== null && field !== '').length +
    (reference.authors.length > 0 ? 1 : 0) +
    (reference.keywords.length > 0 ? 1 : 0)
  );
}

/** Union-find with path halving and union by size: near-constant time per operation. */
class DisjointSets {
  private readonly parent: number[];
  private readonly size: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, index) => index);
    this.size = new Array<number>(count).fill(1);
  }

  find(index: number): number {
    let current = index;
    while (this.parent[current] !== current) {
      this.parent[current] = this.parent[this.parent[current]!]!;
      current = this.parent[current]!;
    }
    return current;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
  }
}
