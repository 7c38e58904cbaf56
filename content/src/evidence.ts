// The literature-review dataset: the oxytocin-massage studies of the evidence file (§6.1, with §1.1 and §5.1 where
// they add detail) and of the seed abstracts, and the published reviews (§6.2 and the seed reviews). Each result
// keeps what the source reported (`reported`) apart from what was computed or inferred (`derived`, each value with
// how it was obtained), so an analysis can always say which of its inputs rest on an assumption.
import evidenceFile from '../evidence-studies.json' with { type: 'json' };
import type { Localized } from './types.ts';

/** The outcomes the studies measured. Results of different outcomes must never be pooled together. */
export type OutcomeId =
  | 'milk-volume'
  | 'milk-volume-change'
  | 'milk-production'
  | 'milk-flow-adequate'
  | 'time-to-colostrum'
  | 'prolactin'
  | 'oxytocin'
  | 'noradrenaline'
  | 'infant-weight'
  | 'infant-anthropometry'
  | 'infant-feeds'
  | 'infant-nappies'
  | 'infant-sleep'
  | 'infant-indicator-score'
  | 'maternal-satisfaction'
  | 'breastfeeding-self-efficacy'
  | 'latch'
  | 'postpartum-depression-score'
  | 'uterine-involution'
  | 'companion-knowledge';

/**
 * `continuous` outcomes can be pooled from means, SDs and group sizes; `binary` ones from event counts;
 * `unspecified` ones (scores, checklists, "production" without a stated measure) cannot be pooled as they are.
 */
export type OutcomeKind = 'continuous' | 'binary' | 'unspecified';

export interface EvidenceOutcome {
  id: OutcomeId;
  kind: OutcomeKind;
  label: Localized;
  /** Which direction favours the massage; null where the sources give no reason to prefer one. */
  betterWhen: 'higher' | 'lower' | null;
}

/**
 * `rct`: randomised as stated by the source; `non-randomised`: quasi-experimental, pre-experimental or static-group
 * designs; `randomisation-not-stated`: e.g. "post-test only control group" with no word on allocation.
 */
export type DesignKind = 'rct' | 'non-randomised' | 'randomisation-not-stated' | 'case-study' | 'not-reported';

export interface StudyDesign {
  kind: DesignKind;
  /** Number of groups (arms); null when the source does not say. */
  groups: number | null;
  /** Whether the outcome was measured before and after, or only after. */
  timing: 'pre-post' | 'post-only' | 'not-reported';
  /** The design as the source names it, verbatim. */
  asReported: string;
}

/** Manual oxytocin (back) massage, back massage as described in non-Indonesian trials, an electric device, or training only. */
export type MassageKind = 'pijat-oksitosin' | 'back-massage' | 'digital-massager' | 'training';

export type MassageProvider = 'midwife' | 'nurse' | 'husband' | 'family' | 'cadre' | 'device' | 'not-reported';

/** What an arm received besides, or instead of, the massage. */
export type CoIntervention =
  | 'breast-care'
  | 'marmet'
  | 'hypnobreastfeeding'
  | 'early-breastfeeding-initiation'
  | 'music'
  | 'early-mobilisation'
  | 'cumin-seed-laddoo'
  | 'breast-massage'
  | 'placebo-touch'
  | 'standard-care'
  | 'training';

export interface StudyArm {
  /** Unique within the study; results refer to it. */
  id: string;
  /** The arm as the source describes it. */
  description: string;
  /** Whether this arm had the massage, on its own or with something else; `not-reported` for arms not described. */
  oxytocinMassage: 'alone' | 'combined' | 'none' | 'not-reported';
  with: CoIntervention[];
}

/** Numbers as the source prints them. Group 1 is the intervention arm, group 2 the comparator. */
export interface ReportedNumbers {
  nTotal?: number;
  n1?: number;
  n2?: number;
  /** The outcome's value at the result's time point (for a change outcome, the change itself). */
  mean1?: number;
  sd1?: number;
  mean2?: number;
  sd2?: number;
  min1?: number;
  max1?: number;
  min2?: number;
  max2?: number;
  baselineMean1?: number;
  baselineMean2?: number;
  meanChange1?: number;
  meanChange2?: number;
  events1?: number;
  events2?: number;
  percent1?: number;
  percent2?: number;
  oddsRatio?: number;
  /** A test statistic, named in `statisticName` (e.g. "t"). */
  statistic?: number;
}

export type ReportedKey = keyof ReportedNumbers;

export interface ReportedValues extends ReportedNumbers {
  /** The result as the source words it, verbatim apart from markdown and the evidence file's "(R)" marks. */
  text: string;
  /** The p-value exactly as printed ("0.000", "< 0.001", "NS"); a string because "0.000" is not zero. */
  pValue?: string;
  /** The test the source names for `pValue`. */
  test?: string;
  statisticName?: string;
}

/** Effect sizes and checks that no source reported; only ever derived. */
export type DerivedOnlyKey =
  | 'cohenD'
  | 'hedgesG'
  | 'hedgesGCiLower'
  | 'hedgesGCiUpper'
  | 'oddsRatioCiLower'
  | 'oddsRatioCiUpper'
  | 'fisherPValue'
  | 'pValueFromCounts';

export type DerivedKey = ReportedKey | DerivedOnlyKey;

export interface DerivedValue {
  value: number;
  /** How it was obtained: the calculation, the assumption, or the figure it was read from. */
  how: string;
  /**
   * `evidence-file`: derived or assumed by the evidence file's author (marked D, or an "assume 30/30" split);
   * `lancar`: computed when this dataset was built.
   */
  by: 'evidence-file' | 'lancar';
  /** "≈ value" or "< value" rather than the value itself. */
  qualifier?: 'approximately' | 'below';
}

export type DerivedValues = Partial<Record<DerivedKey, DerivedValue>>;

/** One outcome of one comparison (or of one group before and after). */
export interface StudyResult {
  /** Unique within the study. */
  id: string;
  outcome: OutcomeId;
  /** The outcome as the source names it. */
  measuredAs: string;
  unit: string | null;
  timePoint: string | null;
  /** Arm ids: the intervention, and the comparator (null for one group measured before and after). */
  intervention: string;
  comparator: string | null;
  reported: ReportedValues;
  derived: DerivedValues;
  /** What an analysis would need that the sources do not give. */
  missing: string[];
  concerns: string[];
}

/** Where a study or review comes from. */
export interface StudySource {
  /** `evidence-file`: shared/domain/oxytocin-massage-evidence.md; `seed`: a file in shared/seeds/. */
  document: 'evidence-file' | 'seed';
  /** The evidence file's section ("6.1") or the seed file's name. */
  ref: string;
  /** The row of the evidence file's §6.1 study table, or of the seed review's table; null otherwise. */
  row: number | null;
  /** The evidence file's legend marks on this entry, as printed (R, D, S, S2, U); empty for seeds. */
  marks: string[];
  /** Where the evidence file's author read the study (§6.1's list of addresses), or null. */
  readAt: string | null;
  note: string | null;
}

export interface Citation {
  /** Short label for tables and forest plots ("Sulaeman et al. 2016"). */
  label: string;
  /** As the source prints them; null when the source does not show them. */
  authors: string | null;
  /** A string because sources print "2014/2016"; null when not given. */
  year: string | null;
  title: string | null;
  /** Journal, proceedings or institution. */
  source: string | null;
  /** Volume, issue and pages as printed ("1(2):101-109"). */
  details: string | null;
  doi: string | null;
  url: string | null;
  pmid: string | null;
  registration: string | null;
  note: string | null;
}

export interface EvidenceStudy {
  /** Stable slug: first author and year ("nd" when no year is given), or the trial registration. */
  id: string;
  citation: Citation;
  country: string | null;
  setting: string | null;
  /** Who was studied when narrower than "postpartum mothers" (post-caesarean, primiparas, companions...). */
  population: string | null;
  design: StudyDesign;
  massage: {
    kind: MassageKind;
    by: MassageProvider[];
    /** Minutes, sessions and days as the source gives them; null when not given. */
    schedule: string | null;
  };
  arms: StudyArm[];
  results: StudyResult[];
  /**
   * `extracted`: results taken from the source; `not-extracted`: listed by the evidence file as relevant but not
   * extracted; `registered-no-results`: a trial registration whose results were not seen.
   */
  status: 'extracted' | 'not-extracted' | 'registered-no-results';
  sources: StudySource[];
  /** Reasons to distrust or down-weight the study (inconsistent statistics, unverified secondary source...). */
  concerns: string[];
}

/** A pooled estimate as a published review states it. Lancar did not compute it. */
export interface PublishedPooledEstimate {
  origin: 'published-review';
  /** What was pooled, in the review's terms. */
  pooled: string;
  outcome: OutcomeId | null;
  measure: 'SMD';
  estimate: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  pValue: string | null;
  /** Percent; null when the review's copy seen does not give it. */
  i2: number | null;
  /** Studies in this estimate; null when only the review's total is known. */
  studies: number | null;
  participants: number | null;
  /** The evidence file's grade marks for this estimate, as printed. */
  marks: string[];
  note: string | null;
}

export interface PublishedReview {
  id: string;
  citation: Citation;
  kind: 'meta-analysis' | 'systematic-review' | 'literature-review';
  scope: string;
  studiesIncluded: number | null;
  participants: number | null;
  /** What the review concludes, as the source words it. */
  findings: string;
  pooledEstimates: PublishedPooledEstimate[];
  sources: StudySource[];
  concerns: string[];
  /** The review's own reference list, verbatim (seed reviews only), for screening. */
  references: string[];
}

export interface LegendMark {
  mark: string;
  meaning: Localized;
}

export interface SeedFile {
  file: string;
  describes: string;
}

export interface EvidenceStudiesFile {
  version: number;
  note: Localized;
  legend: LegendMark[];
  seedFiles: SeedFile[];
  outcomes: EvidenceOutcome[];
  studies: EvidenceStudy[];
  reviews: PublishedReview[];
}

const evidence = evidenceFile as EvidenceStudiesFile;

/** The JSON is checked against these types by evidence.test.ts, not by the compiler. It is imported only through
 * the `@lancar/content/evidence` subpath, so the phone's bundle (which imports the main entry) never carries it. */
export const EVIDENCE_VERSION = evidence.version;
export const EVIDENCE_NOTE = evidence.note;
export const EVIDENCE_LEGEND = evidence.legend;
export const EVIDENCE_SEED_FILES = evidence.seedFiles;
export const EVIDENCE_OUTCOMES = evidence.outcomes;
export const EVIDENCE_STUDIES = evidence.studies;
/** §6.2 and the seed reviews. Their pooled estimates are the reviews' own, never recomputed by Lancar. */
export const PUBLISHED_REVIEWS = evidence.reviews;

/** Every published pooled estimate, with the review it comes from. */
export function publishedPooledEstimates(
  reviews: readonly PublishedReview[] = PUBLISHED_REVIEWS,
): (PublishedPooledEstimate & { reviewId: string })[] {
  return reviews.flatMap((review) => review.pooledEstimates.map((estimate) => ({ ...estimate, reviewId: review.id })));
}

export function evidenceStudyById(id: string): EvidenceStudy | undefined {
  return EVIDENCE_STUDIES.find((study) => study.id === id);
}

export function evidenceOutcomeById(id: string): EvidenceOutcome | undefined {
  return EVIDENCE_OUTCOMES.find((outcome) => outcome.id === id);
}

/**
 * Whether the study's massage arms had it alone, combined with something else, both (multi-arm studies), not at all
 * (training only), or whether the source does not say.
 */
export function massageDelivery(study: EvidenceStudy): 'alone' | 'combined' | 'both' | 'none' | 'not-reported' {
  const kinds = new Set(study.arms.map((arm) => arm.oxytocinMassage));
  if (kinds.has('alone') && kinds.has('combined')) return 'both';
  if (kinds.has('alone')) return 'alone';
  if (kinds.has('combined')) return 'combined';
  return kinds.has('not-reported') ? 'not-reported' : 'none';
}

interface MetaAnalysisInputBase {
  studyId: string;
  resultId: string;
  label: string;
  outcome: OutcomeId;
  design: DesignKind;
  massageKind: MassageKind;
  oxytocinMassage: 'alone' | 'combined';
  comparator: string;
  /** The comparator arm had another active treatment (breast care, early mobilisation...), not just usual care. */
  activeComparator: boolean;
  /** True when any input below comes from `derived` rather than `reported`. */
  usesDerived: boolean;
  /** The inputs taken from `derived` (ReportedValues keys: n1, sd1...). */
  derivedFields: DerivedKey[];
  /** The study's and the result's concerns, for sensitivity analyses. */
  concerns: string[];
}

/** metafor's escalc() arguments for two groups with a continuous outcome; group 1 is the massage arm. */
export interface ContinuousMetaAnalysisInput extends MetaAnalysisInputBase {
  kind: 'continuous';
  m1i: number;
  sd1i: number;
  n1i: number;
  m2i: number;
  sd2i: number;
  n2i: number;
}

/** metafor's 2×2 cells: ai/bi events/non-events with the massage, ci/di in the comparator. */
export interface BinaryMetaAnalysisInput extends MetaAnalysisInputBase {
  kind: 'binary';
  ai: number;
  bi: number;
  ci: number;
  di: number;
  n1i: number;
  n2i: number;
}

export type MetaAnalysisInput = ContinuousMetaAnalysisInput | BinaryMetaAnalysisInput;

/** The reported value of `key`, else the derived one (they never both exist); notes which were derived. */
function reportedOrDerived(result: StudyResult, key: ReportedKey, derivedFields: DerivedKey[]): number | undefined {
  const reported = result.reported[key];
  if (reported !== undefined) return reported;
  const derived = result.derived[key];
  if (derived === undefined) return undefined;
  derivedFields.push(key);
  return derived.value;
}

function numbersFor<K extends ReportedKey>(
  result: StudyResult,
  keys: readonly K[],
): { values: Record<K, number>; derivedFields: DerivedKey[] } | null {
  const derivedFields: DerivedKey[] = [];
  const values = {} as Record<K, number>;
  for (const key of keys) {
    const value = reportedOrDerived(result, key, derivedFields);
    if (value === undefined) return null;
    values[key] = value;
  }
  return { values, derivedFields };
}

const CONTINUOUS_KEYS = ['mean1', 'sd1', 'n1', 'mean2', 'sd2', 'n2'] as const;
const BINARY_KEYS = ['events1', 'n1', 'events2', 'n2'] as const;

/**
 * The studies that give what a meta-analysis of `outcome` needs, two groups with means, SDs and sizes (continuous
 * outcomes) or event counts (binary ones), as @lancar/stats / metafor inputs. Only comparisons of a massage arm
 * against an arm without massage are returned; one-group (pre/post) results never are. Inputs that rely on derived
 * values say so (`usesDerived`, `derivedFields`), and the study's concerns come along for sensitivity analyses.
 */
export function studiesForMetaAnalysis(
  outcome: OutcomeId,
  studies: readonly EvidenceStudy[] = EVIDENCE_STUDIES,
): MetaAnalysisInput[] {
  const kind = evidenceOutcomeById(outcome)?.kind;
  if (kind === undefined) throw new Error(`Unknown outcome "${outcome}" (not in evidence-studies.json outcomes)`);
  if (kind === 'unspecified') return [];
  const inputs: MetaAnalysisInput[] = [];
  for (const study of studies) {
    for (const result of study.results) {
      if (result.outcome !== outcome || result.comparator === null) continue;
      const massageArm = study.arms.find((arm) => arm.id === result.intervention);
      const comparatorArm = study.arms.find((arm) => arm.id === result.comparator);
      if (!massageArm || !comparatorArm) {
        throw new Error(`Study ${study.id}, result ${result.id}: an arm it names is not among the study's arms`);
      }
      const massage = massageArm.oxytocinMassage;
      // Only massage (alone or combined) against no massage estimates the massage's effect.
      if ((massage !== 'alone' && massage !== 'combined') || comparatorArm.oxytocinMassage !== 'none') continue;
      const base = {
        studyId: study.id,
        resultId: result.id,
        label: study.citation.label,
        outcome,
        design: study.design.kind,
        massageKind: study.massage.kind,
        oxytocinMassage: massage,
        comparator: comparatorArm.description,
        activeComparator: comparatorArm.with.some((item) => item !== 'standard-care'),
        concerns: [...study.concerns, ...result.concerns],
      };
      if (kind === 'continuous') {
        const found = numbersFor(result, CONTINUOUS_KEYS);
        if (!found) continue;
        const { values, derivedFields } = found;
        inputs.push({
          ...base,
          kind,
          usesDerived: derivedFields.length > 0,
          derivedFields,
          m1i: values.mean1,
          sd1i: values.sd1,
          n1i: values.n1,
          m2i: values.mean2,
          sd2i: values.sd2,
          n2i: values.n2,
        });
      } else {
        const found = numbersFor(result, BINARY_KEYS);
        if (!found) continue;
        const { values, derivedFields } = found;
        inputs.push({
          ...base,
          kind,
          usesDerived: derivedFields.length > 0,
          derivedFields,
          ai: values.events1,
          bi: values.n1 - values.events1,
          ci: values.events2,
          di: values.n2 - values.events2,
          n1i: values.n1,
          n2i: values.n2,
        });
      }
    }
  }
  return inputs;
}
