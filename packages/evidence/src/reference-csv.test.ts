import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReferenceCsv } from './reference-csv.ts';
import { ReferenceFileError } from './references.ts';

const idFor = (index: number) => `csv-${index}`;

describe('parseReferenceCsv', () => {
  it('reads quoted commas, a BOM, list columns and case-insensitive headers, ignoring unknown columns', () => {
    const text = [
      '\uFEFFTitle,AUTHORS,Year,Journal,DOI,Notes,Keywords,URL,Abstract',
      '"Pelatihan Pijat Oksitosin bagi Pendamping Ibu Nifas","Sumiaty; Muliani;  Lisnawati ;",2020,"Poltekita J Pengabdian Masyarakat",,"screen, later","training; companions",,',
      '"Breastmilk Production in the First 4 Weeks after Birth of Term Infants","Kent, J. C.",2016-12,Nutrients,https://doi.org/10.5555/nutrients.756,,,,"Fixture abstract, ""quoted"", with commas."',
    ].join('\r\n');
    const { references, problems } = parseReferenceCsv(text, idFor);
    assert.deepEqual(problems, []);
    assert.deepEqual(references, [
      {
        id: 'csv-0',
        title: 'Pelatihan Pijat Oksitosin bagi Pendamping Ibu Nifas',
        authors: ['Sumiaty', 'Muliani', 'Lisnawati'],
        year: 2020,
        journal: 'Poltekita J Pengabdian Masyarakat',
        doi: null,
        abstract: null,
        url: null,
        keywords: ['training', 'companions'],
        source: 'csv',
        recordNumber: 2,
        line: 2,
      },
      {
        id: 'csv-1',
        title: 'Breastmilk Production in the First 4 Weeks after Birth of Term Infants',
        authors: ['Kent, J. C.'],
        year: 2016,
        journal: 'Nutrients',
        doi: 'https://doi.org/10.5555/nutrients.756',
        abstract: 'Fixture abstract, "quoted", with commas.',
        url: null,
        keywords: [],
        source: 'csv',
        recordNumber: 3,
        line: 3,
      },
    ]);
  });

  it('skips a row without a title with a bilingual problem naming the row, and ignores empty rows', () => {
    const text = 'title,year\n"Multi-line\ntitle",2019\n,2020\n,\n\nLast,2021\n';
    const { references, problems } = parseReferenceCsv(text, idFor);
    assert.deepEqual(
      references.map((reference) => [reference.id, reference.title, reference.recordNumber, reference.line]),
      [
        ['csv-0', 'Multi-line\ntitle', 2, 2],
        ['csv-1', 'Last', 5, 7],
      ],
    );
    assert.deepEqual(problems, [
      {
        recordNumber: 3,
        line: 4,
        message: {
          id: 'Baris 3: kolom judul kosong, baris dilewati.',
          en: 'Row 3: the title is empty, row skipped.',
        },
      },
    ]);
  });

  it('tolerates rows with fewer or more cells than the header', () => {
    const { references } = parseReferenceCsv('title,year,journal\nShort\nLong,2018,J,extra\n', idFor);
    assert.deepEqual(
      references.map((reference) => [reference.title, reference.year, reference.journal]),
      [
        ['Short', null, null],
        ['Long', 2018, 'J'],
      ],
    );
  });

  it('throws a typed error naming the columns when there is no title column', () => {
    assert.throws(
      () => parseReferenceCsv('judul,tahun\nSesuatu,2020\n', idFor),
      (error: unknown) =>
        error instanceof ReferenceFileError &&
        error.code === 'no_title_column' &&
        error.message === 'No "title" column in the header row (columns found: judul, tahun).' &&
        error.bilingual.id === 'Kolom "title" tidak ditemukan di baris judul (kolom yang ada: judul, tahun).',
    );
  });

  it('throws for an unclosed quote and for an empty file', () => {
    assert.throws(
      () => parseReferenceCsv('title,year\n"Open quote,2020\n', idFor),
      (error: unknown) =>
        error instanceof ReferenceFileError && error.code === 'csv_syntax' && /unclosed quotes/.test(error.message),
    );
    assert.throws(
      () => parseReferenceCsv('\uFEFF', idFor),
      (error: unknown) => error instanceof ReferenceFileError && error.code === 'empty',
    );
  });
});
