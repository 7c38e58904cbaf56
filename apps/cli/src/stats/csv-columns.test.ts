import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parseCsv } from './csv-columns.ts';

describe('parseCsv', () => {
  it('splits a file without quotes exactly as the full CSV parser reads it', () => {
    const lines = ['id, before ,after', '1,10,12', '', '2, 11,15.5', '3,,9', '4,1e3,-2'];
    for (const text of [`\ufeff${lines.join('\r\n')}\r\n`, `${lines.join('\n')}\n`]) {
      const full = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
      assert.deepEqual(parseCsv(text), full);
    }
    assert.deepEqual(parseCsv(lines.join('\n'))[2], ['2', '11', '15.5']);
  });

  it('reads quoted cells with commas and line breaks through the parser', () => {
    const rows = parseCsv('group,note\n"kontrol, desa A","baris satu\nbaris dua"\n');
    assert.deepEqual(rows[1], ['kontrol, desa A', 'baris satu\nbaris dua']);
  });

  it('names the file when a quote is never closed', () => {
    assert.throws(() => parseCsv('a,b\n"1,2\n', 'data.csv'), /data\.csv: not a valid CSV file/);
  });
});
