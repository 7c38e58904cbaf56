import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractionResultInput } from '@lancar/contracts';
import { escalc, metaAnalysis } from '@lancar/stats';
import { computeMetaAnalysis, type IncludedStudy } from './meta-analysis.ts';

function result(change: Partial<ExtractionResultInput>): ExtractionResultInput {
  return {
    outcome: 'milk-flow-adequate',
    timePoint: null,
    measure: 'RR',
    combination: 'alone',
    coInterventions: [],
    comparator: null,
    n1: null,
    mean1: null,
    sd1: null,
    events1: null,
    n2: null,
    mean2: null,
    sd2: null,
    events2: null,
    derivedFields: [],
    derivedNotes: null,
    note: null,
    ...change,
  };
}

function study(label: string, design: 'rct' | 'non-randomised', results: ExtractionResultInput[]): IncludedStudy {
  return { referenceId: `ref-${label}`, label, extraction: { design, whoMassaged: [], results, notes: null } };
}

const QUERY = { outcome: 'milk-flow-adequate', measure: 'RR', method: 'DL', derived: 'include' } as const;

describe('computeMetaAnalysis', () => {
  const a = study('A 2019', 'rct', [result({ events1: 20, n1: 30, events2: 10, n2: 30 })]);
  const b = study('B 2020', 'non-randomised', [
    result({ events1: 15, n1: 25, events2: 8, n2: 25, timePoint: 'day 3', combination: 'combined' }),
    result({ events1: 18, n1: 25, events2: 9, n2: 25, timePoint: 'day 7' }),
  ]);
  const c = study('C 2021', 'rct', [result({ events1: 12, n1: 20, events2: 6, n2: 20, derivedFields: ['n1', 'n2'] })]);

  it('pools one result per study exactly as escalc and metaAnalysis do, and by subgroup', () => {
    const computed = computeMetaAnalysis([a, b, c], { ...QUERY, subgroup: 'design' });
    const effects = escalc('RR', [
      { events1: 20, n1: 30, events2: 10, n2: 30 },
      { events1: 15, n1: 25, events2: 8, n2: 25 },
      { events1: 12, n1: 20, events2: 6, n2: 20 },
    ]);
    const expected = metaAnalysis(effects, { method: 'DL' });
    assert.equal(computed.overall?.estimate, expected.estimate);
    assert.equal(computed.overall?.tau2, expected.tau2);
    assert.deepEqual(
      computed.studies.map((s) => [s.label, s.group, s.usesDerived]),
      [
        ['A 2019', 'rct', false],
        ['B 2020', 'non-randomised', false],
        ['C 2021', 'rct', true],
      ],
    );
    const rct = computed.subgroups.find((s) => s.group === 'rct');
    assert.equal(rct?.pooled?.estimate, metaAnalysis([effects[0]!, effects[2]!], { method: 'DL' }).estimate);
    assert.equal(computed.subgroups.find((s) => s.group === 'non-randomised')?.pooled, null, 'one study: no pool');
    // B's second time point is not pooled (its mothers would count twice), and says so.
    assert.equal(computed.leftOut.length, 1);
    assert.match(computed.leftOut[0]?.reason.en ?? '', /day 7/);
  });

  it('groups by massage alone or combined, and leaves out derived numbers when asked', () => {
    const byCombination = computeMetaAnalysis([a, b, c], { ...QUERY, subgroup: 'combination' });
    assert.deepEqual(
      byCombination.subgroups.map((s) => [s.group, s.k]),
      [
        ['alone', 2],
        ['combined', 1],
      ],
    );
    const strict = computeMetaAnalysis([a, b, c], { ...QUERY, derived: 'exclude' });
    assert.deepEqual(
      strict.studies.map((s) => s.label),
      ['A 2019', 'B 2020'],
    );
    assert.ok(strict.leftOut.some((item) => item.label === 'C 2021' && /n1, n2/.test(item.reason.en)));
  });

  it('explains results it cannot pool (missing numbers), and needs two studies to pool', () => {
    const missing = study('D 2022', 'rct', [result({ events1: 3, n1: 10 })]);
    const computed = computeMetaAnalysis([a, missing, study('F', 'rct', [])], QUERY);
    assert.equal(computed.overall, null);
    assert.equal(computed.studies.length, 1);
    assert.deepEqual(
      computed.leftOut.map((item) => item.label),
      ['D 2022'],
    );
    assert.match(computed.leftOut[0]?.reason.en ?? '', /events2, n2|n2, events2/);
    assert.deepEqual(computed.subgroups, [], 'no subgroups unless asked');
  });

  it('pools a study without events in either group as metafor does (0.5 added to each cell: log RR 0)', () => {
    const noEvents = study('E 2023', 'rct', [result({ events1: 0, n1: 10, events2: 0, n2: 10 })]);
    const computed = computeMetaAnalysis([a, noEvents], QUERY);
    assert.equal(computed.studies[1]?.yi, 0);
    assert.equal(computed.overall?.k, 2);
  });
});
