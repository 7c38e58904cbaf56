import { OUTCOME_MEASURES, type OutcomeMeasure, STRATIFY_BY, STUDY_DESIGNS } from '@lancar/domain';
import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.ts';

/**
 * Research studies on the programme's records (packages/domain research/). The shapes are checked here; what the
 * types cannot say (two arms for a two-group design, a primary outcome on a post day...) is checked by
 * validateStudyDefinition and answered 422 with every problem. No response carries the allocation sequence, and
 * mothers appear by pseudonym only.
 */

export const StudyText = z.strictObject({ id: text(300), en: text(300) });
export type StudyText = z.infer<typeof StudyText>;

const MEASURES = Object.keys(OUTCOME_MEASURES) as [OutcomeMeasure, ...OutcomeMeasure[]];
const Day = z.number().int();

export const StudyDefinitionBody = z.strictObject({
  id: Id,
  title: text(300),
  design: z.enum(STUDY_DESIGNS),
  arms: z.array(z.strictObject({ id: z.string().min(1).max(60), label: StudyText })).max(10),
  outcomes: z.array(z.strictObject({ measure: z.enum(MEASURES), day: Day.nullable(), primary: z.boolean() })).max(20),
  timePoints: z.array(z.strictObject({ role: z.enum(['pre', 'post']), day: Day })).max(20),
  facilityIds: z.array(Id).max(50),
  eligibility: z.strictObject({
    deliveryModes: z.array(z.enum(['vaginal', 'caesarean'])).max(2),
    parities: z.array(z.enum(['primipara', 'multipara'])).max(2),
    gestationalAgeWeeks: z.strictObject({ min: z.number(), max: z.number() }).nullable(),
    enrolmentDays: z.strictObject({ from: Day, to: Day }),
  }),
  allocation: z
    .strictObject({
      blockSizes: z.array(z.number().int()).max(6),
      stratifyBy: z.enum(STRATIFY_BY),
      ratio: z.literal('1:1'),
    })
    .nullable(),
});
export type StudyDefinitionBody = z.infer<typeof StudyDefinitionBody>;

export const STUDY_STATUSES = ['draft', 'recruiting', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

/** A new study: its definition and whether it recruits at once (the default) or stays a draft. */
export const CreateStudyBody = z.strictObject({
  definition: StudyDefinitionBody,
  status: z.enum(['draft', 'recruiting']).default('recruiting'),
});
export type CreateStudyBody = z.infer<typeof CreateStudyBody>;

export const StudyParams = z.strictObject({ studyId: Id });

/** Start recruiting a draft, or close a study (enrolment stops; data and analysis stay). */
export const UpdateStudyBody = z.strictObject({ status: z.enum(['recruiting', 'closed']) });
export type UpdateStudyBody = z.infer<typeof UpdateStudyBody>;

export const StudySummary = z.object({
  id: Id,
  title: z.string(),
  design: z.enum(STUDY_DESIGNS),
  status: z.enum(STUDY_STATUSES),
  createdAt: IsoDateTime,
  enrolled: z.number().int(),
});
export type StudySummary = z.infer<typeof StudySummary>;

export const StudyList = z.object({ studies: z.array(StudySummary) });
export type StudyList = z.infer<typeof StudyList>;

export const ArmCount = z.object({
  armId: z.string().nullable(),
  label: z.object({ id: z.string(), en: z.string() }),
  enrolled: z.number().int(),
});

export const StudyDetail = z.object({
  id: Id,
  status: z.enum(STUDY_STATUSES),
  createdAt: IsoDateTime,
  definition: StudyDefinitionBody,
  enrolled: z.number().int(),
  /** Per arm; one row (armId null) for a one-group study. */
  arms: z.array(ArmCount),
});
export type StudyDetail = z.infer<typeof StudyDetail>;

/**
 * Enrol a mother by pseudonym. `armId` only for a non-randomised two-group study, where the researcher says which
 * group she is in; a randomised study allocates it, a one-group study has none.
 */
export const EnrolBody = z.strictObject({ pseudonym: text(40), armId: z.string().min(1).max(60).optional() });
export type EnrolBody = z.infer<typeof EnrolBody>;

export const StudyEnrolment = z.object({
  pseudonym: z.string(),
  armId: z.string().nullable(),
  armLabel: z.object({ id: z.string(), en: z.string() }).nullable(),
  enrolledAt: IsoDateTime,
});
export type StudyEnrolment = z.infer<typeof StudyEnrolment>;

export const StudyEnrolmentList = z.object({ enrolments: z.array(StudyEnrolment) });
export type StudyEnrolmentList = z.infer<typeof StudyEnrolmentList>;

export const EligibleMother = z.object({
  pseudonym: z.string(),
  dayPostpartum: z.number().int().nullable(),
  parity: z.string().nullable(),
  deliveryMode: z.string().nullable(),
  gestationalAgeWeeks: z.number().nullable(),
});
export const EligibleMotherList = z.object({ mothers: z.array(EligibleMother) });
export type EligibleMotherList = z.infer<typeof EligibleMotherList>;

export const StudyDatasetQuery = z.strictObject({ shape: z.enum(['wide', 'long']).default('wide') });
export type StudyDatasetQuery = z.infer<typeof StudyDatasetQuery>;

const Bilingual = z.object({ id: z.string(), en: z.string() });

/** One row of Table 1: a characteristic, with a cell per group ("n (%)" or "mean (SD)"). */
export const TableOneRow = z.object({
  label: Bilingual,
  /** 'heading' rows name a categorical characteristic; its levels follow as 'level' rows. */
  kind: z.enum(['heading', 'level', 'continuous', 'count']),
  cells: z.array(z.string()),
});

export const StudyComparison = z.object({
  /** The variable compared, e.g. expressed_milk_volume_d7. */
  variable: z.string(),
  label: Bilingual,
  unit: Bilingual.nullable(),
  type: z.enum(['continuous', 'binary']),
  /** R's method line of the chosen test, and why it was chosen. */
  method: z.string().nullable(),
  reason: Bilingual.nullable(),
  test: z.string().nullable(),
  statistic: z.number().nullable(),
  df: z.number().nullable(),
  pValue: z.number().nullable(),
  effectSize: z
    .object({
      name: z.string(),
      estimate: z.number(),
      ciLower: z.number(),
      ciUpper: z.number(),
    })
    .nullable(),
  /** Per group (or pre and post): n, mean, SD, median, or events for a binary outcome. */
  groups: z.array(
    z.object({
      label: Bilingual,
      n: z.number().int(),
      mean: z.number().nullable(),
      sd: z.number().nullable(),
      median: z.number().nullable(),
      events: z.number().int().nullable(),
      values: z.array(z.number()),
    }),
  ),
  /** Why no test could be run (too few values...), when that is so. */
  note: Bilingual.nullable(),
});
export type StudyComparison = z.infer<typeof StudyComparison>;

export const StudyAnalysis = z.object({
  studyId: Id,
  title: z.string(),
  design: z.enum(STUDY_DESIGNS),
  groups: z.array(Bilingual),
  tableOne: z.array(TableOneRow),
  primary: StudyComparison.nullable(),
  /** APA-style result sentences built from the numbers. */
  sentences: z.array(Bilingual),
});
export type StudyAnalysis = z.infer<typeof StudyAnalysis>;
