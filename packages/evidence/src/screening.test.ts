import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decisionProblem,
  type Resolution,
  type ScreeningChoice,
  type ScreeningDecision,
  type ScreeningStage,
  screeningStatus,
} from './screening.ts';

function decide(
  referenceId: string,
  reviewerId: string,
  decision: ScreeningChoice,
  stage: ScreeningStage = 'title_abstract',
  reason?: string,
): ScreeningDecision {
  return { referenceId, stage, reviewerId, decision, ...(reason === undefined ? {} : { reason }) };
}

const REFERENCES = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];

const TITLE_ABSTRACT: ScreeningDecision[] = [
  decide('r2', 'ana', 'include'),
  decide('r3', 'ana', 'include'),
  decide('r3', 'budi', 'include'),
  decide('r4', 'ana', 'include'),
  decide('r4', 'budi', 'exclude'),
  decide('r4', 'ana', 'exclude'), // Ana changes her mind: the later decision counts.
  decide('r5', 'ana', 'include'),
  decide('r5', 'budi', 'exclude'),
  decide('r6', 'ana', 'include'),
  decide('r6', 'budi', 'maybe'),
  decide('r7', 'ana', 'include'),
  decide('r7', 'budi', 'exclude'),
  decide('r8', 'ana', 'maybe'),
  decide('r8', 'budi', 'exclude'),
];

const RESOLUTIONS: Resolution[] = [
  { referenceId: 'r7', stage: 'title_abstract', resolverId: 'citra', decision: 'include' },
  { referenceId: 'r8', stage: 'title_abstract', resolverId: 'citra', decision: 'exclude' },
];

describe('screeningStatus at title/abstract', () => {
  it('gives every status and the counts', () => {
    const summary = screeningStatus(TITLE_ABSTRACT, REFERENCES, 'title_abstract', RESOLUTIONS);
    assert.deepEqual(
      summary.references.map((item) => [item.referenceId, item.status]),
      [
        ['r1', 'unscreened'],
        ['r2', 'awaiting_second'],
        ['r3', 'agreed_include'],
        ['r4', 'agreed_exclude'],
        ['r5', 'conflict'],
        ['r6', 'conflict'],
        ['r7', 'resolved_include'],
        ['r8', 'resolved_exclude'],
      ],
    );
    assert.deepEqual(summary.counts, {
      unscreened: 1,
      awaiting_second: 1,
      agreed_include: 1,
      agreed_exclude: 1,
      conflict: 2,
      resolved_include: 1,
      resolved_exclude: 1,
    });
    assert.deepEqual(summary.problems, []);
    // No exclusion reasons are carried at title/abstract.
    assert.ok(summary.references.every((item) => item.exclusionReason === undefined));
  });

  it('ignores decisions on references outside the list, with a problem', () => {
    const summary = screeningStatus([decide('gone', 'ana', 'include')], ['r1'], 'title_abstract');
    assert.deepEqual(summary.counts.unscreened, 1);
    assert.equal(summary.problems.length, 1);
    assert.equal(summary.problems[0]?.referenceId, 'gone');
    assert.match(summary.problems[0]?.message.en ?? '', /not among the records being screened/);
    assert.match(summary.problems[0]?.message.id ?? '', /tidak termasuk rekaman yang disaring/);
  });
});

describe('screeningStatus at full text', () => {
  const fullText: ScreeningDecision[] = [
    ...TITLE_ABSTRACT,
    decide('r3', 'ana', 'exclude', 'full_text', 'Wrong population'),
    decide('r3', 'budi', 'exclude', 'full_text', ' wrong population '),
    decide('r7', 'ana', 'exclude', 'full_text'), // no reason: rejected
    decide('r7', 'budi', 'include', 'full_text'),
    decide('r4', 'ana', 'include', 'full_text'), // excluded at title/abstract
  ];

  it('covers only references included at title/abstract and keeps the exclusion reason', () => {
    const summary = screeningStatus(fullText, REFERENCES, 'full_text', RESOLUTIONS);
    assert.deepEqual(summary.references, [
      { referenceId: 'r3', status: 'agreed_exclude', exclusionReason: 'Wrong population' },
      { referenceId: 'r7', status: 'awaiting_second' },
    ]);
    assert.equal(summary.counts.agreed_exclude, 1);
    assert.equal(summary.counts.awaiting_second, 1);
    assert.deepEqual(
      summary.problems.map((problem) => [problem.referenceId, problem.message.en]),
      [
        ['r7', 'Excluding a report at full text requires a reason.'],
        ['r4', 'Reference r4 was not included at title/abstract; full-text decision ignored.'],
      ],
    );
  });

  it('flags different exclusion reasons and uses the first reviewer’s until a resolution picks one', () => {
    const decisions = [
      ...TITLE_ABSTRACT,
      decide('r3', 'budi', 'exclude', 'full_text', 'No control group'),
      decide('r3', 'ana', 'exclude', 'full_text', 'Wrong outcome'),
    ];
    const summary = screeningStatus(decisions, REFERENCES, 'full_text', RESOLUTIONS);
    assert.deepEqual(summary.references[0], {
      referenceId: 'r3',
      status: 'agreed_exclude',
      exclusionReason: 'No control group',
    });
    assert.equal(
      summary.problems[0]?.message.en,
      'The reviewers gave different exclusion reasons (No control group; Wrong outcome); record a resolution to choose one.',
    );

    const resolved = screeningStatus(decisions, REFERENCES, 'full_text', [
      ...RESOLUTIONS,
      { referenceId: 'r3', stage: 'full_text', resolverId: 'citra', decision: 'exclude', reason: 'Wrong outcome' },
    ]);
    assert.deepEqual(resolved.references[0], {
      referenceId: 'r3',
      status: 'resolved_exclude',
      exclusionReason: 'Wrong outcome',
    });
  });
});

describe('decisionProblem', () => {
  it('requires a reason only for exclusions at full text', () => {
    assert.equal(decisionProblem(decide('r1', 'ana', 'exclude')), null);
    assert.equal(decisionProblem(decide('r1', 'ana', 'exclude', 'full_text', 'Not an RCT')), null);
    assert.equal(decisionProblem(decide('r1', 'ana', 'maybe', 'full_text')), null);
    assert.deepEqual(decisionProblem(decide('r1', 'ana', 'exclude', 'full_text', '   ')), {
      id: 'Mengeluarkan laporan pada tahap teks lengkap memerlukan alasan.',
      en: 'Excluding a report at full text requires a reason.',
    });
    assert.notEqual(
      decisionProblem({ referenceId: 'r1', stage: 'full_text', resolverId: 'c', decision: 'exclude' }),
      null,
    );
  });
});
