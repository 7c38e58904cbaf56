import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvCell } from './csv.ts';

/**
 * XLSX workbooks for facility datasets (docs/decisions/0011-dataset-export.md): one sheet per table, a bold frozen
 * header row, and cells typed as numbers, booleans or text. Written with exceljs's streaming writer, row by row, so
 * a large facility's dataset does not build a whole workbook model in memory.
 */
export interface XlsxSheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rules for sheet names). */
  name: string;
  header: readonly string[];
  rows: Iterable<readonly CsvCell[]>;
  /** Column widths in characters, by position; the rest get a width from the header. */
  widths?: readonly number[];
}

export interface XlsxProperties {
  title?: string;
  creator?: string;
  created?: Date;
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

/** A text starting with = stays text: exceljs writes formulas only from { formula } objects, never from strings. */
function cell(value: CsvCell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/** The workbook's bytes. */
export async function toXlsx(sheets: readonly XlsxSheet[], properties: XlsxProperties = {}): Promise<Buffer> {
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.name.length === 0 || sheet.name.length > 31 || INVALID_SHEET_NAME.test(sheet.name))
      throw new RangeError(`"${sheet.name}" cannot be an Excel sheet name`);
    if (seen.has(sheet.name.toLowerCase())) throw new RangeError(`two sheets are named "${sheet.name}"`);
    seen.add(sheet.name.toLowerCase());
  }
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = properties.creator ?? 'Lancar';
  workbook.created = properties.created ?? new Date();
  if (properties.title) workbook.title = properties.title;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.header.map((name, i) => ({
      key: String(i),
      width: sheet.widths?.[i] ?? Math.min(Math.max(name.length + 2, 10), 40),
    }));
    const header = worksheet.addRow([...sheet.header]);
    header.font = { bold: true };
    header.commit();
    for (const row of sheet.rows) worksheet.addRow(row.map(cell)).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
