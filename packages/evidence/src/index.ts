// @lancar/evidence: evidence synthesis for literature reviews (references, screening, PRISMA 2020). Pure code, no I/O.

// Duplicates
export {
  type DuplicateGroup,
  type DuplicateReason,
  duplicateIds,
  findDuplicates,
  normalizeDoi,
  normalizeTitle,
} from './deduplicate.ts';
// PRISMA 2020
export {
  type PrismaCounts,
  type PrismaInput,
  type PrismaProblem,
  type PrismaProblemCode,
  type PrismaResult,
  type PrismaSource,
  type PrismaSupplied,
  prismaCounts,
  type SourceCount,
} from './prisma.ts';
export { type PrismaFlowOptions, prismaFlowSvg } from './prisma-flow-svg.ts';
export { type PrismaLabels, type PrismaLanguage, prismaLabels } from './prisma-labels.ts';
// References
export { parseReferenceCsv } from './reference-csv.ts';
export {
  type IdFor,
  type ImportProblem,
  type Reference,
  ReferenceFileError,
  type ReferenceFileErrorCode,
  type ReferenceImport,
  type ReferenceSource,
} from './references.ts';
export { parseRis } from './ris.ts';
// Screening
export {
  decisionProblem,
  isFinalExclude,
  isFinalInclude,
  REVIEWERS_REQUIRED,
  type ReferenceScreening,
  type Resolution,
  SCREENING_STATUSES,
  type ScreeningChoice,
  type ScreeningDecision,
  type ScreeningProblem,
  type ScreeningStage,
  type ScreeningStatus,
  type ScreeningSummary,
  screeningStatus,
} from './screening.ts';
