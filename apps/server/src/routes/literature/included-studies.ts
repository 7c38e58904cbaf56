import { isFinalInclude } from '@lancar/evidence';
import type { IncludedStudy } from './meta-analysis.ts';
import { extractionData, type ReviewState, referenceLabel } from './review-state.ts';

/** The references finally included at full text, with their current extraction, in import order. */
export function includedStudies(state: ReviewState): IncludedStudy[] {
  const included = new Set(
    state.fullText.references.filter((item) => isFinalInclude(item.status)).map((item) => item.referenceId),
  );
  return state.references
    .filter((reference) => included.has(reference.id))
    .map((reference) => {
      const extraction = state.extractions.get(reference.id);
      return {
        referenceId: reference.id,
        label: referenceLabel(reference),
        extraction: extraction ? extractionData(extraction) : null,
      };
    });
}
