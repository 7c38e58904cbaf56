import type { App, AppContext } from '../../app-types.ts';
import { registerCreateReview } from './create-review.ts';
import { registerGetForestPlot } from './get-forest-plot.ts';
import { registerGetMetaAnalysis } from './get-meta-analysis.ts';
import { registerGetPrisma } from './get-prisma.ts';
import { registerGetReview } from './get-review.ts';
import { registerImportReferences } from './import-references.ts';
import { registerListReferences } from './list-references.ts';
import { registerListReviews } from './list-reviews.ts';
import { registerPreloadEvidence } from './preload-evidence.ts';
import { registerPutExtraction } from './put-extraction.ts';
import { registerRecordDecision } from './record-decision.ts';
import { registerRecordResolution } from './record-resolution.ts';
import { registerUpdateReview } from './update-review.ts';

/** The literature review's routes (/api/reviews...). */
export function registerLiteratureRoutes(app: App, context: AppContext): void {
  for (const register of [
    registerListReviews,
    registerCreateReview,
    registerGetReview,
    registerUpdateReview,
    registerImportReferences,
    registerPreloadEvidence,
    registerListReferences,
    registerRecordDecision,
    registerRecordResolution,
    registerPutExtraction,
    registerGetMetaAnalysis,
    registerGetForestPlot,
    registerGetPrisma,
  ]) {
    register(app, context);
  }
}
