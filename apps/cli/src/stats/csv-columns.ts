import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliError } from '../cli-error.ts';

/** Exit status for input the person must fix (a missing column, a cell that is not a number, too few rows). */
export const BAD_INPUT = 2;

/** A CSV file read once: its header and rows of cells, with the file's name for messages. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

export function readCsv(file: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? error}).`,
      BAD_INPUT,
    );
  }
  const [header, ...rows] = parseCsv(text, file);
  if (!header || header.length === 0)
    throw new CliError(`${file}: the file is empty; it needs a header row.`, BAD_INPUT);
  return { file, header, rows };
}

/**
 * Rows of cells, trimmed, empty lines skipped. A file without a quote character cannot hold a quoted comma or line
 * break, so it is split directly: on a million rows that takes a fifth of the time of the full parser, which every
 * other file goes through.
 */
export function parseCsv(text: string, file = 'input'): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.includes('"')) {
    const records: string[][] = [];
    for (const line of body.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const cells = trimmed.split(',');
      // Most lines have no spaces at all; trimming every cell of a million rows is a third of the work.
      records.push(/\s/.test(trimmed) ? cells.map((cell) => cell.trim()) : cells);
    }
    return records;
  }
  try {
    return parse(body, { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new CliError(`${file}: not a valid CSV file (${(error as Error).message}).`, BAD_INPUT);
  }
}

/** The position of a named column (exact name, then case-insensitive), or a message listing the columns there are. */
export function columnIndex(table: CsvTable, name: string): number {
  let index = table.header.indexOf(name);
  if (index < 0) index = table.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  if (index < 0) {
    throw new CliError(
      `${table.file}: there is no column "${name}". The columns are: ${table.header.join(', ')}.`,
      BAD_INPUT,
    );
  }
  return index;
}

/** Line in the file of a data row (the header is line 1), for messages a person can find in a spreadsheet. */
export const lineOf = (rowIndex: number) => rowIndex + 2;

/** A cell as a finite number ("1,5" is read as 1.5, as Indonesian spreadsheets write it), or a message naming it. */
export function numberAt(table: CsvTable, rowIndex: number, column: number): number {
  const raw = table.rows[rowIndex]?.[column] ?? '';
  const value = raw === '' ? Number.NaN : Number(/^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw);
  if (!Number.isFinite(value)) {
    const what = raw === '' ? 'is empty' : `is "${raw}", not a number`;
    throw new CliError(
      `${table.file}, line ${lineOf(rowIndex)}, column "${table.header[column]}": the cell ${what}.`,
      BAD_INPUT,
    );
  }
  return value;
}

/** Every value of a numeric column. */
export function numericColumn(table: CsvTable, name: string): number[] {
  const column = columnIndex(table, name);
  const values = new Array<number>(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) values[i] = numberAt(table, i, column);
  return values;
}

/** Every value of a text column (a group or category); an empty cell is a message naming it. */
export function textColumn(table: CsvTable, name: string): string[] {
  const column = columnIndex(table, name);
  return table.rows.map((row, i) => {
    const value = row[column] ?? '';
    if (value === '') {
      throw new CliError(
        `${table.file}, line ${lineOf(i)}, column "${table.header[column]}": the cell is empty.`,
        BAD_INPUT,
      );
    }
    return value;
  });
}
