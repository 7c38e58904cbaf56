// RIS import (PubMed, Scopus, EndNote, Zotero exports): one entry from TY to ER, one "XX  - value" tag per line.
import {
  emptyFileError,
  extractYear,
  type IdFor,
  type ImportProblem,
  nonEmpty,
  type Reference,
  ReferenceFileError,
  type ReferenceImport,
  stripBom,
} from './references.ts';

/** The RIS specification puts exactly two spaces before the dash; a missing value after it is allowed (ER). */
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

interface RawEntry {
  entryNumber: number;
  line: number;
  tags: Map<string, string[]>;
}

export function parseRis(text: string, idFor: IdFor): ReferenceImport {
  const lines = stripBom(text).split(/\r\n|\r|\n/);
  if (lines.every((line) => line.trim() === '')) throw emptyFileError();
  const entries = readEntries(lines);
  if (entries.length === 0) {
    throw new ReferenceFileError('not_ris', {
      id: 'Berkas ini bukan RIS: tidak ada baris "TY  - " yang memulai entri.',
      en: 'This file is not RIS: no "TY  - " line starts an entry.',
    });
  }
  const references: Reference[] = [];
  const problems: ImportProblem[] = [];
  for (const entry of entries) {
    const reference = toReference(entry, references.length, idFor);
    if (typeof reference === 'string') {
      problems.push({ recordNumber: entry.entryNumber, line: entry.line, message: untitled(entry) });
    } else {
      references.push(reference);
    }
  }
  return { references, problems };
}

function readEntries(lines: readonly string[]): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | undefined;
  let lastValues: string[] | undefined;
  lines.forEach((rawLine, index) => {
    const line = rawLine.trimEnd();
    const match = TAG_LINE.exec(line);
    if (!match) {
      // Wrapped values (long abstracts) continue on untagged lines.
      if (current && lastValues && line.trim() !== '') {
        lastValues[lastValues.length - 1] = `${lastValues.at(-1)} ${line.trim()}`;
      }
      return;
    }
    const tag = match[1]!;
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      // A TY before the previous ER closes that entry: exports cut short are still worth reading.
      current = { entryNumber: entries.length + 1, line: index + 1, tags: new Map() };
      entries.push(current);
    } else if (tag === 'ER') {
      current = undefined;
      lastValues = undefined;
      return;
    }
    if (!current) return;
    lastValues = current.tags.get(tag) ?? [];
    current.tags.set(tag, lastValues);
    lastValues.push(value);
  });
  return entries;
}

function toReference(entry: RawEntry, index: number, idFor: IdFor): Reference | 'untitled' {
  const first = (...tags: string[]) => {
    for (const tag of tags) {
      const value = entry.tags
        .get(tag)
        ?.map((item) => nonEmpty(item))
        .find((item) => item !== null);
      if (value) return value;
    }
    return null;
  };
  const all = (...tags: string[]) =>
    tags.flatMap((tag) => entry.tags.get(tag) ?? []).flatMap((value) => nonEmpty(value) ?? []);
  const title = first('TI', 'T1');
  if (!title) return 'untitled';
  return {
    id: idFor(index),
    title,
    authors: all('AU', 'A1'),
    year: extractYear(first('PY', 'Y1', 'DA') ?? undefined),
    // Full journal names before abbreviations.
    journal: first('JF', 'T2', 'JO'),
    doi: first('DO'),
    abstract: first('AB', 'N2'),
    url: first('UR'),
    keywords: all('KW'),
    source: 'ris',
    recordNumber: entry.entryNumber,
    line: entry.line,
  };
}

function untitled(entry: RawEntry) {
  const where = {
    id: `Entri ${entry.entryNumber} (baris ${entry.line})`,
    en: `Entry ${entry.entryNumber} (line ${entry.line})`,
  };
  return {
    id: `${where.id} tidak memiliki judul (TI atau T1) dan dilewati.`,
    en: `${where.en} has no title (TI or T1) and was skipped.`,
  };
}
