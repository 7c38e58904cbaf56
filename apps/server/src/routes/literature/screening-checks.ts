import type { LiteratureReference } from '@lancar/db';
import { isFinalInclude, type ScreeningStage } from '@lancar/evidence';
import type { Locale } from '../../locale.ts';
import { Problem } from '../../problem.ts';
import { invalidField } from '../visits/visit-view.ts';
import type { ReviewState } from './review-state.ts';

/**
 * When a new decision or resolution counts as made: now, or just after the newest one it replaces, so two made
 * within the same millisecond keep their order (the newest one wins).
 */
export function madeAfter(previous: readonly Date[], at: Date): Date {
  const latest = Math.max(0, ...previous.map((date) => date.getTime()));
  return latest >= at.getTime() ? new Date(latest + 1) : at;
}

/** The reference a request names, in this review; 404 otherwise. */
export function requireReference(state: ReviewState, referenceId: string): LiteratureReference {
  const reference = state.references.find((row) => row.id === referenceId);
  if (!reference) throw new Problem('not-found');
  return reference;
}

/**
 * Refuses a decision on a record that is not screened at `stage`: a duplicate (the record kept in its place is
 * screened instead), or at full text a record not included at title/abstract.
 */
/** A refused field with its message in the request's language. */
export function invalidText(field: string, locale: Locale, text: { id: string; en: string }): Problem {
  return invalidField(field, text[locale]);
}

export function requireScreenable(
  state: ReviewState,
  reference: LiteratureReference,
  stage: ScreeningStage,
  locale: Locale,
): void {
  const keep = state.duplicateOf.get(reference.id);
  if (keep !== undefined) {
    throw invalidText('referenceId', locale, {
      en: `a duplicate is not screened: decide on record ${keep}`,
      id: `duplikat tidak disaring: putuskan pada rujukan ${keep}`,
    });
  }
  if (stage === 'full_text') {
    const titleAbstract = state.titleAbstract.references.find((item) => item.referenceId === reference.id);
    if (!titleAbstract || !isFinalInclude(titleAbstract.status)) {
      throw invalidText('stage', locale, {
        en: 'not included at title/abstract yet',
        id: 'belum disertakan pada tahap judul/abstrak',
      });
    }
  }
}
