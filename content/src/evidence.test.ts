// Checks the literature-review dataset the way a reviewer of a data extraction would: every study traceable to its
// source, what was reported never mixed with what was derived, numbers sane, and the values the evidence file derived
// reproducible from the inputs the meta-analysis helper hands out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escalc, logOddsRatio, metaAnalysis } from '@lancar/stats';
import evidenceFile from '../evidence-studies.json' with { type: 'json' };
import {
  type BinaryMetaAnalysisInput,
  type ContinuousMetaAnalysisInput,
  type DerivedKey,
  EVIDENCE_LEGEND,
  EVIDENCE_NOTE,
  EVIDENCE_OUTCOMES,
  EVIDENCE_SEED_FILES,
  EVIDENCE_STUDIES,
  EVIDENCE_VERSION,
  type EvidenceStudy,
  evidenceStudyById,
  massageDelivery,
  type OutcomeId,
  PUBLISHED_REVIEWS,
  publishedPooledEstimates,
  type ReportedKey,
  type StudyResult,
  studiesForMetaAnalysis,
} from './evidence.ts';

const REPORTED_NUMBER_KEYS: ReportedKey[] = [
  'nTotal',
  'n1',
  'n2',
  'mean1',
  'sd1',
  'mean2',
  'sd2',
  'min1',
  'max1',
  'min2',
  'max2',
  'baselineMean1',
  'baselineMean2',
  'meanChange1',
  'meanChange2',
  'events1',
  'events2',
  'percent1',
  'percent2',
  'oddsRatio',
  'statistic',
];
const REPORTED_TEXT_KEYS = ['text', 'pValue', 'test', 'statisticName'];
const DERIVED_KEYS: DerivedKey[] = [
  ...REPORTED_NUMBER_KEYS,
  'cohenD',
  'hedgesG',
  'hedgesGCiLower',
  'hedgesGCiUpper',
  'oddsRatioCiLower',
  'oddsRatioCiUpper',
  'fisherPValue',
  'pValueFromCounts',
];
/** Evidence-file sections a study or review may cite. */
const SECTIONS = ['1.1', '3.1', '3.2', '5.1', '6.1', '6.2'];
const STUDY_TABLE_ROWS = 24;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** As printed: "0.0005", "< 0.001", "0.000", or only a word when no number is given. */
const P_VALUE = /^(?:[<>] )?[01]\.\d+$|^(?:NS|significant)$/;

const ALL_RESULTS = EVIDENCE_STUDIES.flatMap((study) => study.results.map((result) => ({ study, result })));

/** A result's value whether reported or derived. */
function value(result: StudyResult, key: ReportedKey): number | undefined {
  return result.reported[key] ?? result.derived[key]?.value;
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function continuous(outcome: OutcomeId): ContinuousMetaAnalysisInput[] {
  return studiesForMetaAnalysis(outcome).filter((input) => input.kind === 'continuous');
}

function binary(outcome: OutcomeId): BinaryMetaAnalysisInput[] {
  return studiesForMetaAnalysis(outcome).filter((input) => input.kind === 'binary');
}

function inputFor<T extends { studyId: string }>(inputs: T[], studyId: string): T {
  const found = inputs.find((input) => input.studyId === studyId);
  assert.ok(found, `${studyId} should be among the meta-analysis inputs`);
  return found;
}

/** @lancar/stats' ContinuousStudy from metafor-named inputs. */
function toStats(input: ContinuousMetaAnalysisInput) {
  return { mean1: input.m1i, sd1: input.sd1i, n1: input.n1i, mean2: input.m2i, sd2: input.sd2i, n2: input.n2i };
}

/** Every number anywhere in the file, with its path. */
function numbersIn(node: unknown, path: string, out: { path: string; value: number }[] = []) {
  if (typeof node === 'number') out.push({ path, value: node });
  else if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) numbersIn(item, `${path}[${i}]`, out);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node)) numbersIn(child, `${path}.${key}`, out);
  }
  return out;
}

function filled(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

describe('evidence dataset: file', () => {
  it('has a version and a note in both languages', () => {
    assert.ok(Number.isInteger(EVIDENCE_VERSION) && EVIDENCE_VERSION >= 1);
    assert.ok(filled(EVIDENCE_NOTE.id) && filled(EVIDENCE_NOTE.en));
  });

  it('every number in the file is finite', () => {
    const numbers = numbersIn(evidenceFile, 'evidence-studies.json');
    assert.ok(numbers.length > 300, `only ${numbers.length} numbers found: is the walk reaching the studies?`);
    const bad = numbers.filter((n) => !Number.isFinite(n.value));
    assert.deepEqual(bad, []);
  });

  it('outcomes are unique, labelled in both languages and of a known kind', () => {
    const ids = EVIDENCE_OUTCOMES.map((o) => o.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate outcome id');
    for (const outcome of EVIDENCE_OUTCOMES) {
      assert.ok(['continuous', 'binary', 'unspecified'].includes(outcome.kind), `${outcome.id}: kind ${outcome.kind}`);
      assert.ok(filled(outcome.label.id) && filled(outcome.label.en), `${outcome.id}: label`);
      assert.ok([null, 'higher', 'lower'].includes(outcome.betterWhen), `${outcome.id}: betterWhen`);
    }
  });

  it('the legend explains every mark the sources use', () => {
    const marks = new Set(EVIDENCE_LEGEND.map((l) => l.mark));
    const sources = [...EVIDENCE_STUDIES, ...PUBLISHED_REVIEWS].flatMap((s) => s.sources);
    const used = new Set([
      ...sources.flatMap((s) => s.marks),
      ...publishedPooledEstimates().flatMap((estimate) => estimate.marks),
    ]);
    for (const mark of used) assert.ok(marks.has(mark), `mark ${mark} is not in the legend`);
    for (const entry of EVIDENCE_LEGEND) assert.ok(filled(entry.meaning.id) && filled(entry.meaning.en));
  });
});

describe('evidence dataset: studies', () => {
  it('ids are unique slugs, and arm and result ids are unique within each study', () => {
    const ids = [...EVIDENCE_STUDIES, ...PUBLISHED_REVIEWS].map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate id among ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, SLUG);
    for (const study of EVIDENCE_STUDIES) {
      const arms = study.arms.map((a) => a.id);
      const results = study.results.map((r) => r.id);
      assert.equal(new Set(arms).size, arms.length, `${study.id}: duplicate arm id`);
      assert.equal(new Set(results).size, results.length, `${study.id}: duplicate result id`);
    }
    assert.equal(evidenceStudyById('sulaeman-2016')?.citation.label, 'Sulaeman et al. 2016');
    assert.equal(evidenceStudyById('no-such-study'), undefined);
  });

  it('every study and review has a citation and a source it can be traced to', () => {
    const seedFiles = new Set(EVIDENCE_SEED_FILES.map((s) => s.file));
    for (const entry of [...EVIDENCE_STUDIES, ...PUBLISHED_REVIEWS]) {
      const { citation } = entry;
      assert.ok(filled(citation.label), `${entry.id}: citation label`);
      // A work the source does not attribute (seed 002) must say so rather than stay silently anonymous.
      assert.ok(
        [citation.authors, citation.source, citation.registration].some(filled) || filled(citation.note),
        `${entry.id}: citation needs authors, a source, a registration, or a note on why it has none`,
      );
      assert.ok(entry.sources.length > 0, `${entry.id}: no source`);
      for (const source of entry.sources) {
        if (source.document === 'seed') {
          assert.ok(seedFiles.has(source.ref), `${entry.id}: unknown seed file ${source.ref}`);
          assert.deepEqual(source.marks, [], `${entry.id}: seeds carry no evidence-file marks`);
        } else {
          assert.equal(source.document, 'evidence-file', `${entry.id}: unknown document ${source.document}`);
          assert.ok(SECTIONS.includes(source.ref), `${entry.id}: unknown section ${source.ref}`);
        }
      }
    }
  });

  it('every row of the evidence file §6.1 study table is in the dataset exactly once', () => {
    const rows = EVIDENCE_STUDIES.flatMap((study) =>
      study.sources
        .filter((s) => s.document === 'evidence-file' && s.ref === '6.1' && s.row !== null)
        .map((s) => s.row),
    );
    assert.deepEqual(
      [...rows].sort((a, b) => Number(a) - Number(b)),
      Array.from({ length: STUDY_TABLE_ROWS }, (_, i) => i + 1),
    );
  });

  it('every study has a design, a massage description and arms its results refer to', () => {
    const outcomes = new Set(EVIDENCE_OUTCOMES.map((o) => o.id));
    for (const study of EVIDENCE_STUDIES) {
      assert.ok(filled(study.design.asReported), `${study.id}: design as reported`);
      assert.ok(study.massage.by.length > 0, `${study.id}: who massaged (or "not-reported")`);
      assert.ok(study.arms.length > 0, `${study.id}: no arms`);
      if (study.status === 'extracted') assert.ok(study.results.length > 0, `${study.id}: extracted but no results`);
      const arms = new Set(study.arms.map((a) => a.id));
      for (const result of study.results) {
        const where = `${study.id}/${result.id}`;
        assert.ok(outcomes.has(result.outcome), `${where}: unknown outcome ${result.outcome}`);
        assert.ok(arms.has(result.intervention), `${where}: unknown arm ${result.intervention}`);
        if (result.comparator !== null) {
          assert.ok(arms.has(result.comparator), `${where}: unknown arm ${result.comparator}`);
          assert.notEqual(result.intervention, result.comparator, `${where}: an arm compared with itself`);
        }
        assert.ok(filled(result.measuredAs), `${where}: measuredAs`);
      }
    }
  });

  it('says whether the massage was given alone or combined', () => {
    assert.equal(massageDelivery(evidenceStudyById('sulaeman-2016')!), 'alone');
    assert.equal(massageDelivery(evidenceStudyById('rahayuningsih-2016')!), 'combined');
    assert.equal(massageDelivery(evidenceStudyById('dini-2017')!), 'both');
    assert.equal(massageDelivery(evidenceStudyById('sumiaty-2020')!), 'none');
    assert.equal(massageDelivery(evidenceStudyById('rahayu-sugiharto-2018')!), 'not-reported');
    for (const study of EVIDENCE_STUDIES) {
      for (const arm of study.arms) {
        if (arm.oxytocinMassage === 'combined') {
          assert.ok(arm.with.length > 0, `${study.id}/${arm.id}: combined with what?`);
        }
      }
    }
  });
});

describe('evidence dataset: reported and derived values', () => {
  it('reported and derived never share a key, and use only known keys', () => {
    for (const { study, result } of ALL_RESULTS) {
      const where = `${study.id}/${result.id}`;
      const reportedKeys = Object.keys(result.reported);
      const shared = Object.keys(result.derived).filter((key) => reportedKeys.includes(key));
      assert.deepEqual(shared, [], `${where}: both reported and derived`);
      for (const key of reportedKeys) {
        assert.ok(
          (REPORTED_NUMBER_KEYS as string[]).includes(key) || REPORTED_TEXT_KEYS.includes(key),
          `${where}: unknown reported key ${key}`,
        );
      }
      for (const key of Object.keys(result.derived)) {
        assert.ok((DERIVED_KEYS as string[]).includes(key), `${where}: unknown derived key ${key}`);
      }
    }
  });

  it('every derived value says how and by whom it was derived', () => {
    let count = 0;
    for (const { study, result } of ALL_RESULTS) {
      for (const [key, derived] of Object.entries(result.derived)) {
        const where = `${study.id}/${result.id}.${key}`;
        count++;
        assert.ok(Number.isFinite(derived.value), `${where}: value`);
        assert.ok(filled(derived.how) && derived.how.length > 20, `${where}: "how" must explain the derivation`);
        assert.ok(['evidence-file', 'lancar'].includes(derived.by), `${where}: by ${derived.by}`);
        if (derived.by === 'evidence-file') {
          assert.match(derived.how, /^Evidence file §\d\.\d row \d+/, `${where}: name the evidence file's row`);
          const row = Number(/row (\d+)/.exec(derived.how)?.[1]);
          assert.ok(
            study.sources.some((s) => s.document === 'evidence-file' && s.row === row),
            `${where}: the row it names is not among the study's sources`,
          );
        }
      }
    }
    assert.ok(count > 30, `only ${count} derived values`);
  });

  it('every result keeps the source wording, and p-values as printed', () => {
    for (const { study, result } of ALL_RESULTS) {
      const where = `${study.id}/${result.id}`;
      assert.ok(filled(result.reported.text), `${where}: reported text`);
      if (result.reported.pValue !== undefined) assert.match(result.reported.pValue, P_VALUE, where);
    }
  });

  it('group sizes, SDs, counts and percentages are possible', () => {
    for (const { study, result } of ALL_RESULTS) {
      const where = `${study.id}/${result.id}`;
      for (const key of ['nTotal', 'n1', 'n2'] as const) {
        const n = value(result, key);
        if (n !== undefined) assert.ok(Number.isInteger(n) && n > 0, `${where}: ${key} = ${n}`);
      }
      for (const key of ['sd1', 'sd2'] as const) {
        const sd = value(result, key);
        if (sd !== undefined) assert.ok(sd > 0, `${where}: ${key} = ${sd}`);
      }
      for (const group of [1, 2] as const) {
        const events = value(result, `events${group}`);
        const n = value(result, `n${group}`);
        if (events !== undefined) {
          assert.ok(Number.isInteger(events) && events >= 0, `${where}: events${group}`);
          assert.ok(n !== undefined && events <= n, `${where}: events${group} = ${events} of n${group} = ${n}`);
        }
        const percent = value(result, `percent${group}`);
        if (percent !== undefined) assert.ok(percent >= 0 && percent <= 100, `${where}: percent${group}`);
      }
      const [total, n1, n2] = [value(result, 'nTotal'), value(result, 'n1'), value(result, 'n2')];
      if (total !== undefined && n1 !== undefined && n2 !== undefined) {
        assert.ok(n1 + n2 <= total, `${where}: n1 + n2 = ${n1 + n2} is more than the total ${total}`);
      }
    }
  });

  it('an n per group assumed from a total is derived, never reported', () => {
    for (const id of ['sulaeman-2016', 'rahayuningsih-2016', 'rofiah-2016', 'doko-nd', 'dini-2017']) {
      for (const result of evidenceStudyById(id)!.results) {
        assert.equal(result.reported.n1, undefined, `${id}/${result.id}`);
        assert.ok(result.reported.nTotal !== undefined, `${id}/${result.id}: the reported total`);
        assert.ok(result.derived.n1 !== undefined, `${id}/${result.id}: the assumed split`);
      }
    }
  });
});

describe('published reviews', () => {
  it("pooled estimates are the reviews' own, with the estimate inside its interval", () => {
    const estimates = publishedPooledEstimates();
    assert.equal(estimates.length, 3);
    for (const estimate of estimates) {
      const where = `${estimate.reviewId}: ${estimate.pooled}`;
      assert.equal(estimate.origin, 'published-review', where);
      assert.ok(estimate.ciLower < estimate.estimate && estimate.estimate < estimate.ciUpper, where);
      assert.equal(estimate.confLevel, 0.95, where);
      if (estimate.i2 !== null) assert.ok(estimate.i2 >= 0 && estimate.i2 <= 100, where);
      assert.ok(estimate.marks.length > 0, `${where}: grade marks`);
    }
    const massage = estimates.find((e) => e.reviewId === 'sakinah-2023' && e.pooled.startsWith('Massage'));
    assert.deepEqual([massage?.estimate, massage?.ciLower, massage?.ciUpper, massage?.i2], [1.42, 0.98, 1.86, null]);
    const breast = estimates.find((e) => e.reviewId === 'breast-massage-meta-analysis');
    assert.deepEqual([breast?.estimate, breast?.i2], [0.76, 87]);
  });

  it('narrative reviews carry no pooled estimate, and the seed reviews keep their reference lists', () => {
    for (const id of ['nuampa-payakkaraung', 'stikes-mus-review', 'wahyuningsih-2022', 'seed-002-review']) {
      assert.deepEqual(PUBLISHED_REVIEWS.find((r) => r.id === id)?.pooledEstimates, [], id);
    }
    const rahmawati = PUBLISHED_REVIEWS.find((r) => r.id === 'rahmawati-2023');
    assert.equal(new Set(rahmawati?.references).size, rahmawati?.references.length, 'the seed prints the list twice');
    assert.ok(
      PUBLISHED_REVIEWS.find((r) => r.id === 'wahyuningsih-2022')?.references.some((r) => r.startsWith('Delima')),
    );
  });
});

describe('studiesForMetaAnalysis', () => {
  it('returns exactly the comparisons of massage against no massage that have everything a meta-analysis needs', () => {
    const kinds = new Map(EVIDENCE_OUTCOMES.map((o) => [o.id, o.kind]));
    for (const outcome of EVIDENCE_OUTCOMES) {
      const returned = new Set(studiesForMetaAnalysis(outcome.id).map((i) => `${i.studyId}/${i.resultId}`));
      for (const { study, result } of ALL_RESULTS.filter((r) => r.result.outcome === outcome.id)) {
        const keys: ReportedKey[] =
          kinds.get(outcome.id) === 'binary'
            ? ['events1', 'n1', 'events2', 'n2']
            : ['mean1', 'sd1', 'n1', 'mean2', 'sd2', 'n2'];
        const massageArm = study.arms.find((a) => a.id === result.intervention);
        const comparatorArm = study.arms.find((a) => a.id === result.comparator);
        const expected =
          outcome.kind !== 'unspecified' &&
          (massageArm?.oxytocinMassage === 'alone' || massageArm?.oxytocinMassage === 'combined') &&
          comparatorArm?.oxytocinMassage === 'none' &&
          keys.every((key) => value(result, key) !== undefined);
        assert.equal(returned.has(`${study.id}/${result.id}`), expected, `${study.id}/${result.id} (${outcome.id})`);
      }
    }
  });

  it('finds the complete studies of each outcome', () => {
    const ids = (outcome: OutcomeId) => studiesForMetaAnalysis(outcome).map((i) => i.studyId);
    assert.deepEqual(ids('time-to-colostrum'), ['wulandari-2016', 'rofiah-2016']);
    assert.deepEqual(ids('milk-flow-adequate'), ['triananinsi-2019', 'wijayanti-2014', 'setiowati-2017']);
    assert.deepEqual(ids('milk-volume'), ['sulaeman-2016']);
    assert.deepEqual(ids('milk-volume-change'), ['rahayuningsih-2016']);
    assert.deepEqual(ids('infant-weight'), ['asrani-2018']);
    assert.deepEqual(ids('prolactin'), []);
    assert.deepEqual(ids('milk-production'), [], 'an unspecified measure is never pooled');
  });

  it('gives metafor-named inputs and flags those that rely on derived values', () => {
    const asrani = inputFor(continuous('infant-weight'), 'asrani-2018');
    assert.deepEqual(
      [asrani.m1i, asrani.sd1i, asrani.n1i, asrani.m2i, asrani.sd2i, asrani.n2i],
      [2681.33, 260.89, 30, 2607, 402.19, 30],
    );
    assert.equal(asrani.usesDerived, false);
    assert.deepEqual(asrani.derivedFields, []);
    assert.equal(asrani.activeComparator, true, 'cumin-seed laddoo is an active comparator');

    const sulaeman = inputFor(continuous('milk-volume'), 'sulaeman-2016');
    assert.equal(sulaeman.usesDerived, true);
    assert.deepEqual(sulaeman.derivedFields, ['sd1', 'n1', 'sd2', 'n2']);
    assert.equal(sulaeman.m1i, 9.6233, 'the reported mean, not a derived one');

    const wulandari = inputFor(continuous('time-to-colostrum'), 'wulandari-2016');
    assert.deepEqual(wulandari.derivedFields, ['mean1', 'sd1', 'mean2', 'sd2']);
    assert.equal(wulandari.activeComparator, false);

    const rahayuningsih = inputFor(continuous('milk-volume-change'), 'rahayuningsih-2016');
    assert.equal(rahayuningsih.oxytocinMassage, 'combined');
    assert.equal(rahayuningsih.design, 'rct');

    const triananinsi = inputFor(binary('milk-flow-adequate'), 'triananinsi-2019');
    assert.deepEqual([triananinsi.ai, triananinsi.bi, triananinsi.ci, triananinsi.di], [13, 2, 5, 10]);
    assert.equal(triananinsi.usesDerived, false);
  });

  it("carries the studies' concerns along for sensitivity analyses", () => {
    const adequate = binary('milk-flow-adequate');
    for (const id of ['wijayanti-2014', 'setiowati-2017']) {
      assert.ok(
        inputFor(adequate, id).concerns.some((c) => c.startsWith('Internally inconsistent')),
        `${id} should be flagged`,
      );
    }
    assert.ok(!inputFor(adequate, 'triananinsi-2019').concerns.some((c) => c.startsWith('Internally inconsistent')));
  });

  it('rejects an unknown outcome and skips arms without massage, one-group results and broken arm references', () => {
    assert.throws(() => studiesForMetaAnalysis('milk' as OutcomeId), /Unknown outcome "milk"/);
    const base = evidenceStudyById('asrani-2018')!;
    const weight = base.results.find((r) => r.id === 'infant-weight')!;
    const variant = (changes: Partial<StudyResult>, arms = base.arms): EvidenceStudy => ({
      ...base,
      arms,
      results: [{ ...weight, ...changes }],
    });
    assert.equal(studiesForMetaAnalysis('infant-weight', [variant({})]).length, 1);
    assert.deepEqual(studiesForMetaAnalysis('infant-weight', [variant({ comparator: null })]), [], 'one group');
    const noMassage = base.arms.map((a) => (a.id === 'massage' ? { ...a, oxytocinMassage: 'none' as const } : a));
    assert.deepEqual(studiesForMetaAnalysis('infant-weight', [variant({}, noMassage)]), [], 'no massage in group 1');
    const bothMassaged = base.arms.map((a) => ({ ...a, oxytocinMassage: 'alone' as const }));
    assert.deepEqual(studiesForMetaAnalysis('infant-weight', [variant({}, bothMassaged)]), [], 'massage vs massage');
    assert.throws(() => studiesForMetaAnalysis('infant-weight', [variant({ comparator: 'ghost' })]), /ghost|not among/);
  });
});

describe("derived values reproduce the evidence file from the helper's inputs (@lancar/stats)", () => {
  /** Hedges g and its 95% CI as metafor's escalc("SMD") and a z interval give them. */
  function hedges(input: ContinuousMetaAnalysisInput) {
    const [effect] = escalc('SMD', [toStats(input)]);
    assert.ok(effect);
    const half = 1.959964 * Math.sqrt(effect.vi);
    return { g: effect.yi, lower: effect.yi - half, upper: effect.yi + half };
  }

  it('Rahayuningsih 2016: g ≈ 2.25 (1.72 to 2.78)', () => {
    const { g, lower, upper } = hedges(inputFor(continuous('milk-volume-change'), 'rahayuningsih-2016'));
    assert.deepEqual([round(g, 2), round(lower, 2), round(upper, 2)], [2.25, 1.72, 2.78]);
  });

  it('Asrani 2018: g ≈ 0.22 (−0.29 to 0.72)', () => {
    const { g, lower, upper } = hedges(inputFor(continuous('infant-weight'), 'asrani-2018'));
    assert.deepEqual([round(g, 2), round(lower, 2), round(upper, 2)], [0.22, -0.29, 0.72]);
  });

  it("Rofi'ah 2016: g ≈ 5.2 with SD = range/4", () => {
    const { g } = hedges(inputFor(continuous('time-to-colostrum'), 'rofiah-2016'));
    assert.equal(round(Math.abs(g), 1), 5.2);
  });

  it("the SDs back-calculated from p give the evidence file's d (Sulaeman 0.95, Wulandari 1.09)", () => {
    for (const [outcome, id, d] of [
      ['milk-volume', 'sulaeman-2016', 0.95],
      ['time-to-colostrum', 'wulandari-2016', 1.09],
    ] as const) {
      const input = inputFor(continuous(outcome), id);
      assert.equal(input.sd1i, input.sd2i, `${id}: one pooled SD for both groups`);
      assert.equal(round(Math.abs(input.m1i - input.m2i) / input.sd1i, 2), d, id);
      assert.equal(evidenceStudyById(id)!.results[0]!.derived.cohenD?.value, d, `${id}: the evidence file's d`);
    }
  });

  it('Triananinsi 2019: OR 13.0 (2.1 to 81.5)', () => {
    const input = inputFor(binary('milk-flow-adequate'), 'triananinsi-2019');
    const { yi, vi } = logOddsRatio({ ai: input.ai, bi: input.bi, ci: input.ci, di: input.di });
    const half = 1.959964 * Math.sqrt(vi);
    assert.deepEqual(
      [round(Math.exp(yi), 1), round(Math.exp(yi - half), 1), round(Math.exp(yi + half), 1)],
      [13, 2.1, 81.5],
    );
  });
});

describe('a random-effects meta-analysis over the dataset (@lancar/stats)', () => {
  it('runs over the continuous studies of the most common outcome and gives a finite estimate and interval', () => {
    const counts = EVIDENCE_OUTCOMES.filter((o) => o.kind === 'continuous').map((o) => ({
      outcome: o.id,
      inputs: continuous(o.id),
    }));
    counts.sort((a, b) => b.inputs.length - a.inputs.length);
    const [top] = counts;
    assert.ok(top && top.inputs.length >= 2, 'no continuous outcome has two complete studies');
    assert.equal(top.outcome, 'time-to-colostrum');
    // Both studies rely on derived SDs: whoever reports this pooled value must say so.
    assert.ok(top.inputs.every((input) => input.usesDerived));

    const result = metaAnalysis(escalc('SMD', top.inputs.map(toStats)), { method: 'REML' });
    assert.equal(result.k, top.inputs.length);
    for (const x of [result.estimate, result.ciLower, result.ciUpper, result.se, result.tau2]) {
      assert.ok(Number.isFinite(x), `${x} is not finite`);
    }
    assert.ok(result.ciLower < result.estimate && result.estimate < result.ciUpper);
    assert.ok(result.estimate < 0, 'both studies report a shorter time to colostrum with the massage');
  });

  it('runs over the binary studies, with and without the internally inconsistent ones', () => {
    const inputs = binary('milk-flow-adequate');
    const effects = escalc(
      'OR',
      inputs.map((i) => ({ events1: i.ai, n1: i.n1i, events2: i.ci, n2: i.n2i })),
    );
    const all = metaAnalysis(effects, { method: 'REML' });
    assert.equal(all.k, 3);
    assert.ok(Number.isFinite(all.estimate) && Number.isFinite(all.ciLower) && Number.isFinite(all.ciUpper));
    const robust = inputs.filter((i) => !i.concerns.some((c) => c.startsWith('Internally inconsistent')));
    assert.deepEqual(
      robust.map((i) => i.studyId),
      ['triananinsi-2019'],
      'one study left: too few to pool, which is the honest answer',
    );
  });
});
