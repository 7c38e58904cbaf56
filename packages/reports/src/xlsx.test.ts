import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { toXlsx } from './xlsx.ts';

describe('toXlsx', () => {
  it('writes sheets that exceljs reads back: header row, typed cells, text that looks like a formula stays text', async () => {
    const bytes = await toXlsx([
      {
        name: 'mothers',
        header: ['pseudonym', 'age_years', 'consent_research', 'note'],
        rows: [
          ['P-ABC123', 28, true, '=HYPERLINK("http://x")'],
          ['P-XYZ789', null, false, 'Siti "Ani", Desa'],
        ],
      },
      { name: 'codebook', header: ['table', 'column'], rows: [] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['mothers', 'codebook'],
    );
    const sheet = book.getWorksheet('mothers');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'pseudonym',
      'age_years',
      'consent_research',
      'note',
    ]);
    assert.equal(sheet.getRow(1).font?.bold, true);
    assert.equal(sheet.getCell('B2').value, 28);
    assert.equal(sheet.getCell('C2').value, true);
    assert.equal(sheet.getCell('D2').value, '=HYPERLINK("http://x")');
    assert.equal(sheet.getCell('D2').type, ExcelJS.ValueType.String);
    assert.equal(sheet.getCell('B3').value, null);
    assert.equal(sheet.getCell('D3').value, 'Siti "Ani", Desa');
    assert.equal(sheet.views[0]?.state, 'frozen');
  });

  it('refuses sheet names Excel cannot open', async () => {
    await assert.rejects(toXlsx([{ name: 'a/b', header: [], rows: [] }]), RangeError);
    await assert.rejects(toXlsx([{ name: 'x'.repeat(32), header: [], rows: [] }]), RangeError);
    await assert.rejects(
      toXlsx([
        { name: 'Same', header: [], rows: [] },
        { name: 'same', header: [], rows: [] },
      ]),
      RangeError,
    );
  });
});
