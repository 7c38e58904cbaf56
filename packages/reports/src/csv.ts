/**
 * CSV as RFC 4180 says, for Excel and SPSS users in Indonesia: UTF-8 with a byte-order mark (so Excel reads
 * Indonesian names correctly), CRLF line ends, fields quoted when they hold a comma, quote or line break.
 * Dates and numbers are written as given; callers pass ISO dates and plain numbers (a dot for decimals).
 */
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // A cell starting with = + - @ is read as a formula by spreadsheets; a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
