import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, and quotes only what needs quoting', () => {
    const csv = toCsv(
      ['nama', 'skor', 'catatan'],
      [
        ['Siti, Aminah', 85, 'kata "bagus"'],
        ['Budi', 72.5, 'baris\nkedua'],
        ['Wati', null, undefined],
      ],
    );
    assert.equal(
      csv,
      '\uFEFFnama,skor,catatan\r\n"Siti, Aminah",85,"kata ""bagus"""\r\nBudi,72.5,"baris\nkedua"\r\nWati,,\r\n',
    );
  });
  it('keeps text that looks like a formula from being run by a spreadsheet', () => {
    assert.equal(
      toCsv(['x'], [['=HYPERLINK("http://evil")'], ['-1'], [-1]]),
      '\uFEFFx\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'-1\r\n-1\r\n',
    );
  });
});
