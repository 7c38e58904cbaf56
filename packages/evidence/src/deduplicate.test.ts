import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateIds, findDuplicates, normalizeDoi, normalizeTitle } from './deduplicate.ts';
import type { Reference } from './references.ts';

function ref(id: string, fields: Partial<Reference>): Reference {
  return {
    id,
    title: 'Untitled',
    authors: [],
    year: null,
    journal: null,
    doi: null,
    abstract: null,
    url: null,
    keywords: [],
    source: 'ris',
    recordNumber: 1,
    line: 1,
    ...fields,
  };
}

describe('normalizeDoi', () => {
  it('lower-cases and strips resolver and doi: prefixes', () => {
    assert.equal(normalizeDoi(' https://doi.org/10.5555/ABC.1 '), '10.5555/abc.1');
    assert.equal(normalizeDoi('http://dx.doi.org/10.5555/abc.1'), '10.5555/abc.1');
    assert.equal(normalizeDoi('DOI: 10.5555/Abc.1'), '10.5555/abc.1');
    assert.equal(normalizeDoi('  '), null);
    assert.equal(normalizeDoi(null), null);
  });
});

describe('normalizeTitle', () => {
  it('removes accents, case, punctuation and extra whitespace', () => {
    assert.equal(normalizeTitle('  Pijat  Oksitosin:  Efek — “Kolostrum”! '), 'pijat oksitosin efek kolostrum');
    assert.equal(normalizeTitle('Efecto del masaje oxitócico'), normalizeTitle('EFECTO DEL MASAJE OXITOCICO.'));
    assert.equal(normalizeTitle('ﬁrst'), 'first');
  });
});

describe('findDuplicates', () => {
  it('groups the same DOI written differently and keeps the most complete record', () => {
    const groups = findDuplicates([
      ref('a', { title: 'Title one', doi: 'https://doi.org/10.5555/X.1' }),
      ref('b', { title: 'Other wording', doi: 'doi:10.5555/x.1', year: 2020, abstract: 'Text', authors: ['A'] }),
      ref('c', { title: 'Unrelated', doi: '10.5555/x.2' }),
      ref('d', { title: 'Third copy', doi: '10.5555/x.1 ' }),
    ]);
    assert.deepEqual(groups, [{ keep: 'b', duplicates: ['a', 'd'], reason: 'doi' }]);
  });

  it('groups the same normalised title and year, but not the same title in different years', () => {
    const groups = findDuplicates([
      ref('p1', { title: 'Pijat oksitosin dan produksi ASI', year: 2019 }),
      ref('p2', { title: 'PIJAT OKSITOSIN DAN PRODUKSI ASI.', year: 2019 }),
      ref('p3', { title: 'Pijat oksitosin dan produksi ASI', year: 2021 }),
    ]);
    // Equally complete: the first seen is kept.
    assert.deepEqual(groups, [{ keep: 'p1', duplicates: ['p2'], reason: 'title' }]);
  });

  it('matches a record without a year to the first dated record of the same title, never bridging two years', () => {
    const groups = findDuplicates([
      ref('undated', { title: 'Same title' }),
      ref('y2018', { title: 'Same title', year: 2018 }),
      ref('y2020', { title: 'Same title', year: 2020, journal: 'J' }),
      ref('undated2', { title: 'same  title' }),
      ref('alone1', { title: 'Only undated' }),
      ref('alone2', { title: 'Only undated!' }),
    ]);
    assert.deepEqual(groups, [
      { keep: 'y2018', duplicates: ['undated', 'undated2'], reason: 'title' },
      { keep: 'alone1', duplicates: ['alone2'], reason: 'title' },
    ]);
  });

  it('joins DOI and title matches transitively; the reason is doi only when every record shares the DOI', () => {
    const groups = findDuplicates([
      ref('pubmed', { title: 'Oxytocin massage and colostrum', year: 2016, doi: '10.5555/om.1' }),
      ref('scopus', {
        title: 'Oxytocin massage & colostrum: a trial',
        year: 2016,
        doi: 'https://doi.org/10.5555/OM.1',
      }),
      ref('scholar', { title: 'Oxytocin massage and colostrum', year: 2016, url: 'http://example.org', abstract: 'x' }),
    ]);
    assert.deepEqual(groups, [{ keep: 'scholar', duplicates: ['pubmed', 'scopus'], reason: 'title' }]);
    assert.deepEqual([...duplicateIds(groups)], ['pubmed', 'scopus']);
  });

  it('returns no groups when nothing repeats, or when titles normalise to nothing', () => {
    assert.deepEqual(findDuplicates([ref('a', { title: 'A' }), ref('b', { title: 'B' })]), []);
    assert.deepEqual(findDuplicates([ref('a', { title: '???' }), ref('b', { title: '!!!' })]), []);
    assert.deepEqual(findDuplicates([]), []);
  });

  it('groups 10,000 references correctly (speed is measured in bench/, not here)', () => {
    const references: Reference[] = [];
    for (let index = 0; index < 10_000; index++) {
      // Every fifth record repeats the previous one: by DOI on even steps, by title otherwise.
      const base = index % 5 === 4 ? index - 1 : index;
      const byDoi = index % 10 === 4;
      references.push(
        ref(`r${index}`, {
          title: index % 5 === 4 && byDoi ? `Different wording ${index}` : `Study number ${base}`,
          year: 2000 + (base % 20),
          doi: index % 5 === 4 && !byDoi ? null : `10.5555/${base}`,
        }),
      );
    }
    const groups = findDuplicates(references);
    assert.equal(groups.length, 2000);
    assert.equal(groups.filter((group) => group.reason === 'doi').length, 1000);
    assert.deepEqual(groups[0], { keep: 'r3', duplicates: ['r4'], reason: 'doi' });
    assert.deepEqual(groups[1], { keep: 'r8', duplicates: ['r9'], reason: 'title' });
  });
});
