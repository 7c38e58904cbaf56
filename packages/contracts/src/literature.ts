import { z } from 'zod';
import { Id, plain, text } from './common.ts';

/**
 * Literature reviews (evidence synthesis): imports of references, two-reviewer screening, the extraction form and
 * meta-analyses from it. Enumerations mirror the evidence dataset (@lancar/content/evidence) so that preloaded
 * studies and typed-in ones share one extraction form.
 */

export const LITERATURE_LIMITS = {
  /** A RIS/CSV export of a few thousand records; larger searches are imported in parts. */
  importMaxBytes: 8 * 1024 * 1024,
  importMaxReferences: 5000,
  resultsPerExtraction: 50,
} as const;

export const SCREENING_STAGES = ['title_abstract', 'full_text'] as const;
export const SCREENING_CHOICES = ['include', 'exclude', 'maybe'] as const;
export const DESIGN_KINDS = [
  'rct',
  'non-randomised',
  'randomisation-not-stated',
  'case-study',
  'not-reported',
] as const;
export const MASSAGE_PROVIDERS = ['midwife', 'nurse', 'husband', 'family', 'cadre', 'device', 'not-reported'] as const;
export const CO_INTERVENTIONS = [
  'breast-care',
  'marmet',
  'hypnobreastfeeding',
  'early-breastfeeding-initiation',
  'music',
  'early-mobilisation',
  'cumin-seed-laddoo',
  'breast-massage',
  'placebo-touch',
  'standard-care',
  'training',
] as const;
export const EFFECT_MEASURES = ['MD', 'SMD', 'RR', 'OR'] as const;
export const META_METHODS = ['FE', 'DL', 'REML'] as const;
/** Group 1 is the massage arm, group 2 the comparator (as in @lancar/stats and metafor). */
export const ARM_FIELDS = ['n1', 'mean1', 'sd1', 'events1', 'n2', 'mean2', 'sd2', 'events2'] as const;
export type ArmField = (typeof ARM_FIELDS)[number];

const OutcomeSlug = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'lower-case words joined by "-" / huruf kecil dipisah "-"' });

const count = z.number().int({ message: 'a whole number / bilangan bulat' });

export const ReviewBody = z.strictObject({
  id: Id,
  title: text(300),
  question: plain(2000).nullable().default(null),
});
export type ReviewInput = z.infer<typeof ReviewBody>;

/** The PRISMA 2020 numbers the app cannot derive from the imports and the screening. */
export const PrismaSuppliedSchema = z.strictObject({
  automationIneligible: count.min(0).optional(),
  removedOtherReasons: count.min(0).optional(),
  reportsNotRetrieved: count.min(0).optional(),
  studiesIncluded: count.min(0).optional(),
});
export type PrismaSuppliedInput = z.infer<typeof PrismaSuppliedSchema>;

export const ReviewPatchBody = z.strictObject({ prisma: PrismaSuppliedSchema });

export const ReferenceImportBody = z.strictObject({
  /** Optional so that a retried upload can be recognised; the server makes one up otherwise. */
  id: Id.optional(),
  format: z.enum(['ris', 'csv']),
  sourceName: text(120),
  kind: z.enum(['database', 'register']).default('database'),
  text: z.string().max(LITERATURE_LIMITS.importMaxBytes),
});

export const ReferencesQuery = z.strictObject({ stage: z.enum(SCREENING_STAGES).default('title_abstract') });

export const DecisionBody = z.strictObject({
  stage: z.enum(SCREENING_STAGES),
  decision: z.enum(SCREENING_CHOICES),
  reason: plain(500).nullable().default(null),
});

export const ResolutionBody = z.strictObject({
  stage: z.enum(SCREENING_STAGES),
  decision: z.enum(['include', 'exclude']),
  reason: plain(500).nullable().default(null),
});

const measured = z.number().finite().nullable();

/** One outcome of one comparison: the massage arm (1) against its comparator (2). */
export const ExtractionResultSchema = z
  .strictObject({
    outcome: OutcomeSlug,
    timePoint: plain(200).nullable().default(null),
    measure: z.enum(EFFECT_MEASURES),
    /** The massage on its own, or together with another intervention in the same arm. */
    combination: z.enum(['alone', 'combined']),
    coInterventions: z.array(z.enum(CO_INTERVENTIONS)).max(CO_INTERVENTIONS.length).default([]),
    comparator: plain(300).nullable().default(null),
    n1: count.min(1).nullable().default(null),
    mean1: measured.default(null),
    sd1: z.number().finite().positive().nullable().default(null),
    events1: count.min(0).nullable().default(null),
    n2: count.min(1).nullable().default(null),
    mean2: measured.default(null),
    sd2: z.number().finite().positive().nullable().default(null),
    events2: count.min(0).nullable().default(null),
    /** Numbers that were computed or assumed rather than printed by the source. */
    derivedFields: z.array(z.enum(ARM_FIELDS)).max(ARM_FIELDS.length).default([]),
    /** How the derived numbers were obtained. */
    derivedNotes: plain(2000).nullable().default(null),
    note: plain(1000).nullable().default(null),
  })
  .refine((r) => r.events1 === null || r.n1 === null || r.events1 <= r.n1, {
    message: 'events cannot exceed n / kejadian tidak boleh melebihi n',
    path: ['events1'],
  })
  .refine((r) => r.events2 === null || r.n2 === null || r.events2 <= r.n2, {
    message: 'events cannot exceed n / kejadian tidak boleh melebihi n',
    path: ['events2'],
  });
export type ExtractionResultInput = z.infer<typeof ExtractionResultSchema>;

export const ExtractionDataSchema = z.strictObject({
  design: z.enum(DESIGN_KINDS),
  whoMassaged: z.array(z.enum(MASSAGE_PROVIDERS)).max(MASSAGE_PROVIDERS.length).default([]),
  results: z.array(ExtractionResultSchema).max(LITERATURE_LIMITS.resultsPerExtraction).default([]),
  notes: plain(2000).nullable().default(null),
});
export type ExtractionData = z.infer<typeof ExtractionDataSchema>;

export const ExtractionBody = z.strictObject({ data: ExtractionDataSchema });

export const MetaAnalysisQuery = z.strictObject({
  outcome: OutcomeSlug,
  measure: z.enum(EFFECT_MEASURES),
  method: z.enum(META_METHODS).default('REML'),
  subgroup: z.enum(['design', 'combination']).optional(),
  /** Leave out results that rest on derived numbers (a sensitivity analysis). */
  derived: z.enum(['include', 'exclude']).default('include'),
});
export type MetaAnalysisQueryInput = z.infer<typeof MetaAnalysisQuery>;

/** Forest plot: one subgroup (its value) or, without it, every included study. */
export const ForestQuery = MetaAnalysisQuery.extend({ group: plain(80).optional() });

export interface LiteratureText {
  id: string;
  en: string;
}

export interface ReviewOutput {
  id: string;
  title: string;
  question: string | null;
  prisma: PrismaSuppliedInput;
  createdBy: string;
  createdAt: string;
}

export type ScreeningStatusOutput =
  | 'unscreened'
  | 'awaiting_second'
  | 'agreed_include'
  | 'agreed_exclude'
  | 'conflict'
  | 'resolved_include'
  | 'resolved_exclude';

export interface SourceOutput {
  id: string;
  name: string;
  kind: 'database' | 'register';
  format: 'ris' | 'csv' | 'preloaded';
  references: number;
  importedAt: string;
}

export interface ReviewDetailOutput extends ReviewOutput {
  sources: SourceOutput[];
  references: number;
  duplicates: number;
  screening: Record<'title_abstract' | 'full_text', Record<ScreeningStatusOutput, number>>;
  extracted: number;
}

export interface ImportOutput {
  source: SourceOutput;
  imported: number;
  problems: { recordNumber: number; line: number; message: LiteratureText }[];
  /** Duplicate groups (across the whole review) that contain a record of this import. */
  duplicates: { keep: string; duplicates: string[]; reason: 'doi' | 'title' }[];
}

export interface DecisionOutput {
  reviewerId: string;
  reviewerName: string | null;
  decision: 'include' | 'exclude' | 'maybe';
  reason: string | null;
  decidedAt: string;
}

export interface ReferenceOutput {
  id: string;
  sourceId: string;
  title: string;
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  abstract: string | null;
  url: string | null;
  keywords: string[];
  evidenceStudyId: string | null;
  /** The record kept in place of this one; duplicates are not screened. */
  duplicateOf: string | null;
  status: ScreeningStatusOutput | 'duplicate';
  exclusionReason: string | null;
  /** Each reviewer's newest decision at the requested stage. */
  decisions: DecisionOutput[];
  resolution: { resolverId: string; decision: 'include' | 'exclude'; reason: string | null; resolvedAt: string } | null;
  extraction: ExtractionOutput | null;
}

export interface ExtractionOutput {
  id: string;
  referenceId: string;
  data: ExtractionData;
  recordedBy: string;
  recordedAt: string;
  supersedes: string | null;
}

export interface PooledOutput {
  k: number;
  estimate: number;
  ciLower: number;
  ciUpper: number;
  se: number;
  pValue: number;
  tau2: number;
  I2: number;
  Q: number;
  QpValue: number;
  predictionLower: number | null;
  predictionUpper: number | null;
  warnings: string[];
}

export interface MetaStudyOutput {
  referenceId: string;
  label: string;
  timePoint: string | null;
  design: (typeof DESIGN_KINDS)[number];
  combination: 'alone' | 'combined';
  group: string;
  yi: number;
  vi: number;
  usesDerived: boolean;
}

export interface MetaAnalysisOutput {
  outcome: string;
  measure: (typeof EFFECT_MEASURES)[number];
  method: (typeof META_METHODS)[number];
  /** Ratio measures are pooled on the log scale; estimates here are on that scale (exp() for the ratio). */
  logScale: boolean;
  studies: MetaStudyOutput[];
  overall: PooledOutput | null;
  subgroups: { group: string; k: number; pooled: PooledOutput | null }[];
  /** Included studies' results of this outcome that could not be pooled, and why. */
  leftOut: { referenceId: string; label: string; reason: LiteratureText }[];
}
