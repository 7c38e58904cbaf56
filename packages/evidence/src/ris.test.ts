import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReferenceFileError } from './references.ts';
import { parseRis } from './ris.ts';

const idFor = (index: number) => `ref-${index + 1}`;

// Titles and bibliographic details from the project's evidence notes; DOIs use Crossref's test prefix 10.5555.
const SAMPLE = [
  '\uFEFFTY  - JOUR',
  'TI  - Oxytocin Massage Stramlining Breast Milk: Literature Riview',
  'AU  - Wahyuningsih, S.',
  'AU  - Second, A.',
  'A1  - Third, B.',
  'PY  - 2022///',
  'JO  - NHSJ abbr.',
  'T2  - NHSJ',
  'VL  - 2',
  'IS  - 4',
  'SP  - 367',
  'EP  - 73',
  'DO  - 10.5555/nhsj.160',
  'UR  - http://nhs-journal.com/index.php/nhs/article/view/160',
  'AB  - Fixture abstract, first line',
  '      continued on a wrapped line.',
  'KW  - oxytocin massage',
  'KW  - breast milk',
  'ER  - ',
  '',
  'TY  - JOUR',
  'AU  - Nobody, N.',
  'PY  - 2020',
  'JO  - Unknown Journal',
  'ER  - ',
  '',
  'TY  - JOUR',
  'T1  - Breastmilk Production in the First 4 Weeks after Birth of Term Infants',
  'AU  - Kent, J. C.',
  'DA  - 2016/12/01',
  'JF  - Nutrients',
  'N2  - Fixture abstract.',
  'ER  -',
  '',
].join('\r\n');

describe('parseRis', () => {
  it('reads a realistic export with CRLF and a BOM, skipping the entry without a title', () => {
    const { references, problems } = parseRis(SAMPLE, idFor);
    assert.equal(references.length, 2);
    const [first, second] = references;
    assert.deepEqual(first, {
      id: 'ref-1',
      title: 'Oxytocin Massage Stramlining Breast Milk: Literature Riview',
      authors: ['Wahyuningsih, S.', 'Second, A.', 'Third, B.'],
      year: 2022,
      journal: 'NHSJ',
      doi: '10.5555/nhsj.160',
      abstract: 'Fixture abstract, first line continued on a wrapped line.',
      url: 'http://nhs-journal.com/index.php/nhs/article/view/160',
      keywords: ['oxytocin massage', 'breast milk'],
      source: 'ris',
      recordNumber: 1,
      line: 1,
    });
    // Ids are numbered over accepted references, so the skipped entry leaves no gap.
    assert.equal(second?.id, 'ref-2');
    assert.equal(second?.title, 'Breastmilk Production in the First 4 Weeks after Birth of Term Infants');
    assert.equal(second?.year, 2016);
    assert.equal(second?.journal, 'Nutrients');
    assert.equal(second?.abstract, 'Fixture abstract.');
    assert.equal(second?.doi, null);
    assert.equal(second?.url, null);
    assert.deepEqual(second?.keywords, []);
    assert.equal(second?.recordNumber, 3);
    assert.equal(second?.line, 27);

    assert.deepEqual(problems, [
      {
        recordNumber: 2,
        line: 21,
        message: {
          id: 'Entri 2 (baris 21) tidak memiliki judul (TI atau T1) dan dilewati.',
          en: 'Entry 2 (line 21) has no title (TI or T1) and was skipped.',
        },
      },
    ]);
  });

  it('prefers TI over T1, the full journal name over the abbreviation, and PY over DA', () => {
    const text = [
      'TY  - JOUR',
      'T1  - Second title',
      'TI  - Main title',
      'JO  - Abbr',
      'JF  - Full',
      'DA  - 2019',
      'PY  - 2018',
      'ER  - ',
    ].join('\n');
    const [reference] = parseRis(text, idFor).references;
    assert.equal(reference?.title, 'Main title');
    assert.equal(reference?.journal, 'Full');
    assert.equal(reference?.year, 2018);
  });

  it('closes an entry cut short by the next TY, and reads a last entry without ER', () => {
    const text = ['TY  - JOUR', 'TI  - First', 'TY  - JOUR', 'TI  - Second', 'PY  - n.d.'].join('\n');
    const { references, problems } = parseRis(text, idFor);
    assert.deepEqual(
      references.map((reference) => [reference.title, reference.recordNumber, reference.year]),
      [
        ['First', 1, null],
        ['Second', 2, null],
      ],
    );
    assert.deepEqual(problems, []);
  });

  it('ignores tags outside entries and lines that only look like tags', () => {
    const text = [
      'Provider: Example',
      'TI  - stray',
      'TY  - JOUR',
      'TI  - Kept',
      'AB  - Start',
      'OR - not a tag',
      'ER  - ',
      'KW  - stray',
    ].join('\n');
    const { references } = parseRis(text, idFor);
    assert.equal(references.length, 1);
    assert.equal(references[0]?.abstract, 'Start OR - not a tag');
    assert.deepEqual(references[0]?.keywords, []);
  });

  it('throws a typed, bilingual error for a file that is not RIS', () => {
    assert.throws(
      () => parseRis('title,year\nSomething,2020\n', idFor),
      (error: unknown) =>
        error instanceof ReferenceFileError &&
        error.code === 'not_ris' &&
        error.message === 'This file is not RIS: no "TY  - " line starts an entry.' &&
        error.bilingual.id.startsWith('Berkas ini bukan RIS'),
    );
  });

  it('throws for an empty file', () => {
    assert.throws(
      () => parseRis('\uFEFF\r\n  \r\n', idFor),
      (error: unknown) => error instanceof ReferenceFileError && error.code === 'empty',
    );
  });
});
