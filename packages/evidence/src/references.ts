// The bibliographic record shared by the RIS and CSV importers, and what they report when input is unusable.
import type { Bilingual } from '@lancar/stats';

export type ReferenceSource = 'ris' | 'csv';

export interface Reference {
  /** Given by the caller through `idFor`, so parsing stays deterministic. */
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  abstract: string | null;
  url: string | null;
  keywords: string[];
  source: ReferenceSource;
  /** RIS: the entry number (1 = first TY). CSV: the row number as a spreadsheet shows it (header = row 1). */
  recordNumber: number;
  /** The line of the file where the record starts (1-based). */
  line: number;
}

/** A record the importer skipped, with the reason for the researcher. */
export interface ImportProblem {
  recordNumber: number;
  line: number;
  message: Bilingual;
}

export interface ReferenceImport {
  references: Reference[];
  problems: ImportProblem[];
}

/** Builds the id of the `index`-th accepted reference (0-based, in file order). */
export type IdFor = (index: number) => string;

export type ReferenceFileErrorCode = 'empty' | 'not_ris' | 'csv_syntax' | 'no_title_column';

/** Thrown only when the whole file cannot be used; single bad records become `ImportProblem`s instead. */
export class ReferenceFileError extends Error {
  override name = 'ReferenceFileError';
  readonly code: ReferenceFileErrorCode;
  readonly bilingual: Bilingual;

  constructor(code: ReferenceFileErrorCode, bilingual: Bilingual) {
    super(bilingual.en);
    this.code = code;
    this.bilingual = bilingual;
  }
}

export function emptyFileError(): ReferenceFileError {
  return new ReferenceFileError('empty', {
    id: 'Berkas kosong: tidak ada rujukan untuk diimpor.',
    en: 'The file is empty: there are no references to import.',
  });
}

/** The first plausible four-digit year in values such as "2019", "2019/05/01/" or "May 2019". */
export function extractYear(value: string | undefined): number | null {
  const match = value?.match(/(?:^|\D)(1[5-9]\d{2}|2[01]\d{2})(?!\d)/);
  return match ? Number(match[1]) : null;
}

/** Trimmed text, or null when nothing is left. */
export function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
