import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DuplicateGroup } from './deduplicate.ts';
import { type PrismaInput, prismaCounts } from './prisma.ts';
import type { ScreeningDecision, ScreeningStage } from './screening.ts';

function both(
  referenceId: string,
  decision: 'include' | 'exclude',
  stage: ScreeningStage = 'title_abstract',
  reason?: string,
): ScreeningDecision[] {
  return ['ana', 'budi'].map((reviewerId) => ({
    referenceId,
    stage,
    reviewerId,
    decision,
    ...(reason ? { reason } : {}),
  }));
}

const GROUPS: DuplicateGroup[] = [
  { keep: 'p1', duplicates: ['s1'], reason: 'doi' },
  { keep: 'p2', duplicates: ['s2'], reason: 'title' },
];

/** 11 records from two databases and a register, 2 duplicates, 9 screened, 5 sought, 1 not retrieved, 4 assessed. */
const FIXTURE: PrismaInput = {
  sources: [
    { name: 'PubMed', referenceIds: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] },
    { name: 'Scopus', kind: 'database', referenceIds: ['s1', 's2', 's3', 's4'] },
    { name: 'ClinicalTrials.gov', kind: 'register', referenceIds: ['c1'] },
  ],
  duplicateGroups: GROUPS,
  decisions: [
    ...['p1', 'p2', 'p3', 'p4', 's3'].flatMap((id) => both(id, 'include')),
    ...['p5', 'p6', 'c1'].flatMap((id) => both(id, 'exclude')),
    { referenceId: 's4', stage: 'title_abstract', reviewerId: 'ana', decision: 'include' },
    { referenceId: 's4', stage: 'title_abstract', reviewerId: 'budi', decision: 'exclude' },
    ...both('p1', 'include', 'full_text'),
    ...both('p2', 'include', 'full_text'),
    ...both('p3', 'exclude', 'full_text', 'Wrong population'),
    ...both('p4', 'exclude', 'full_text', 'No control group'),
  ],
  resolutions: [{ referenceId: 's4', stage: 'title_abstract', resolverId: 'citra', decision: 'exclude' }],
  supplied: { reportsNotRetrieved: 1, studiesIncluded: 1 },
};

describe('prismaCounts', () => {
  it('derives every box of the flow from imports, duplicates and screening', () => {
    const { counts, problems } = prismaCounts(FIXTURE);
    assert.deepEqual(problems, []);
    assert.deepEqual(counts, {
      databases: [
        { name: 'PubMed', count: 6 },
        { name: 'Scopus', count: 4 },
      ],
      registers: [{ name: 'ClinicalTrials.gov', count: 1 }],
      identified: 11,
      duplicatesRemoved: 2,
      screened: 9,
      excludedScreening: 4,
      reportsSought: 5,
      reportsNotRetrieved: 1,
      assessed: 4,
      excludedFullText: [
        { reason: 'No control group', count: 1 },
        { reason: 'Wrong population', count: 1 },
      ],
      reportsIncluded: 2,
      studiesIncluded: 1,
    });
  });

  it('reports unfinished title/abstract screening and ignores decisions on removed duplicates', () => {
    const { counts, problems } = prismaCounts({
      ...FIXTURE,
      // s4 loses its resolution (conflict) and a duplicate gets screened by mistake.
      resolutions: [],
      decisions: [...FIXTURE.decisions, ...both('s1', 'include')],
    });
    assert.equal(counts.screened, 8);
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['screening_record', 'screening_record', 'screening_incomplete'],
    );
    assert.equal(
      problems[2]?.message.en,
      'Records screened (8) should equal records identified minus those removed before screening (9): title/abstract screening is unfinished or has unresolved conflicts.',
    );
    assert.match(problems[2]?.message.id ?? '', /^Rekaman yang disaring \(8\)/);
  });

  it('subtracts supplied removals before screening and checks retrieval and included numbers', () => {
    const { counts, problems } = prismaCounts({
      ...FIXTURE,
      supplied: { automationIneligible: 1, removedOtherReasons: 0, studiesIncluded: 3 },
    });
    assert.equal(counts.automationIneligible, 1);
    assert.equal(counts.removedOtherReasons, 0);
    assert.equal(counts.reportsNotRetrieved, 0);
    assert.equal(counts.studiesIncluded, 3);
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['screening_incomplete', 'full_text_incomplete', 'studies_exceed_reports'],
    );
    assert.equal(
      problems[1]?.message.en,
      'Reports assessed for eligibility (4) should equal reports sought minus reports not retrieved (5).',
    );
  });

  it('defaults the included studies to the included reports and leaves unsupplied removals undefined', () => {
    const { counts } = prismaCounts({ ...FIXTURE, supplied: { reportsNotRetrieved: 1 } });
    assert.equal(counts.studiesIncluded, 2);
    assert.equal('automationIneligible' in counts, false);
    assert.equal('removedOtherReasons' in counts, false);
  });

  it('rejects invalid supplied numbers and flags ids counted twice or duplicates from nowhere', () => {
    const { counts, problems } = prismaCounts({
      ...FIXTURE,
      sources: [...FIXTURE.sources, { name: 'Garuda', referenceIds: ['p6'] }],
      duplicateGroups: [...GROUPS, { keep: 'p3', duplicates: ['x9'], reason: 'title' }],
      supplied: { reportsNotRetrieved: -1, studiesIncluded: 1.5 },
    });
    assert.equal(counts.identified, 12);
    assert.equal(counts.duplicatesRemoved, 2);
    assert.equal(counts.reportsNotRetrieved, 0);
    assert.deepEqual(
      problems.map((problem) => problem.code),
      [
        'invalid_number',
        'invalid_number',
        'reference_in_two_sources',
        'duplicate_not_identified',
        'screening_incomplete',
        'full_text_incomplete',
      ],
    );
    assert.equal(
      problems[0]?.message.en,
      'reportsNotRetrieved must be a whole number of 0 or more (given: -1); value ignored.',
    );
    assert.equal(problems[2]?.message.en, 'References listed more than once across sources are counted twice: p6.');
    assert.equal(problems[3]?.message.id, 'Duplikat yang tidak ada di sumber mana pun tidak dihitung: x9.');
  });
});
