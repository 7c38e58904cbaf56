// CSV import of references (spreadsheets, Google Scholar / Scopus exports reduced to the columns below).
import { CsvError, parse } from 'csv-parse/sync';
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

const COLUMNS = ['title', 'authors', 'year', 'journal', 'doi', 'abstract', 'url', 'keywords'] as const;
type Column = (typeof COLUMNS)[number];

interface Row {
  cells: string[];
  /** Record number in the file, header included: the row number a spreadsheet shows. */
  recordNumber: number;
  line: number;
}

export function parseReferenceCsv(text: string, idFor: IdFor): ReferenceImport {
  const rows = readRows(stripBom(text));
  const [header, ...dataRows] = rows;
  if (!header) throw emptyFileError();
  const columns = columnIndexes(header.cells);
  if (columns.title === undefined) {
    throw new ReferenceFileError('no_title_column', {
      id: `Kolom "title" tidak ditemukan di baris judul (kolom yang ada: ${header.cells.join(', ')}).`,
      en: `No "title" column in the header row (columns found: ${header.cells.join(', ')}).`,
    });
  }
  const references: Reference[] = [];
  const problems: ImportProblem[] = [];
  for (const row of dataRows) {
    // Trailing ",,," rows are spreadsheet leftovers, not records.
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const cell = (column: Column) => {
      const index = columns[column];
      return index === undefined ? undefined : row.cells[index];
    };
    const title = nonEmpty(cell('title'));
    if (!title) {
      problems.push({
        recordNumber: row.recordNumber,
        line: row.line,
        message: {
          id: `Baris ${row.recordNumber}: kolom judul kosong, baris dilewati.`,
          en: `Row ${row.recordNumber}: the title is empty, row skipped.`,
        },
      });
      continue;
    }
    references.push({
      id: idFor(references.length),
      title,
      authors: splitList(cell('authors')),
      year: extractYear(cell('year')),
      journal: nonEmpty(cell('journal')),
      doi: nonEmpty(cell('doi')),
      abstract: nonEmpty(cell('abstract')),
      url: nonEmpty(cell('url')),
      keywords: splitList(cell('keywords')),
      source: 'csv',
      recordNumber: row.recordNumber,
      line: row.line,
    });
  }
  return { references, problems };
}

function readRows(text: string): Row[] {
  try {
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number; records: number };
    }[];
    return records.map(({ record, info }) => ({
      cells: record,
      recordNumber: info.records,
      // info.lines is where the record ends; quoted cells may span lines.
      line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ReferenceFileError('csv_syntax', {
      id: `Berkas CSV tidak dapat dibaca (${error.message}). Periksa tanda kutip yang tidak ditutup.`,
      en: `The CSV file cannot be read (${error.message}). Check for unclosed quotes.`,
    });
  }
}

function columnIndexes(header: readonly string[]): Partial<Record<Column, number>> {
  const indexes: Partial<Record<Column, number>> = {};
  header.forEach((name, index) => {
    const column = COLUMNS.find((candidate) => candidate === name.trim().toLowerCase());
    // The first of two same-named columns wins; unknown columns are ignored.
    if (column && indexes[column] === undefined) indexes[column] = index;
  });
  return indexes;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(';').flatMap((item) => nonEmpty(item) ?? []);
}
