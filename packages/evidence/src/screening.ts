// Two-reviewer screening (PRISMA 2020): each reviewer decides independently; disagreements, and any "maybe", are
// conflicts settled by a separate Resolution record (a third reviewer or a consensus meeting).
import type { Bilingual } from '@lancar/stats';

export type ScreeningStage = 'title_abstract' | 'full_text';
export type ScreeningChoice = 'include' | 'exclude' | 'maybe';

export interface ScreeningDecision {
  referenceId: string;
  stage: ScreeningStage;
  reviewerId: string;
  decision: ScreeningChoice;
  /** Required when excluding at full text (it feeds the PRISMA "reports excluded" reasons). */
  reason?: string;
}

/** The final word on one reference at one stage; it overrides the reviewers' decisions. */
export interface Resolution {
  referenceId: string;
  stage: ScreeningStage;
  resolverId: string;
  decision: 'include' | 'exclude';
  reason?: string;
}

export const SCREENING_STATUSES = [
  'unscreened',
  'awaiting_second',
  'agreed_include',
  'agreed_exclude',
  'conflict',
  'resolved_include',
  'resolved_exclude',
] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

export interface ReferenceScreening {
  referenceId: string;
  status: ScreeningStatus;
  /** Full text only: the reason a finally excluded report was excluded. */
  exclusionReason?: string;
}

export interface ScreeningProblem {
  referenceId: string;
  stage: ScreeningStage;
  message: Bilingual;
}

export interface ScreeningSummary {
  stage: ScreeningStage;
  /** In the order of `referenceIds`; at full text only the references included at title/abstract. */
  references: ReferenceScreening[];
  counts: Record<ScreeningStatus, number>;
  problems: ScreeningProblem[];
}

/** How many independent reviewers must decide before a reference can be agreed. */
export const REVIEWERS_REQUIRED = 2;

export function isFinalInclude(status: ScreeningStatus): boolean {
  return status === 'agreed_include' || status === 'resolved_include';
}

export function isFinalExclude(status: ScreeningStatus): boolean {
  return status === 'agreed_exclude' || status === 'resolved_exclude';
}

/** Why a decision or resolution cannot be accepted, or null when it can (call this before storing one). */
export function decisionProblem(record: ScreeningDecision | Resolution): Bilingual | null {
  if (record.stage === 'full_text' && record.decision === 'exclude' && !record.reason?.trim()) {
    return {
      id: 'Mengeluarkan laporan pada tahap teks lengkap memerlukan alasan.',
      en: 'Excluding a report at full text requires a reason.',
    };
  }
  return null;
}

/**
 * The status of each reference at `stage`. Decisions are in the order they were made: a reviewer's later decision
 * replaces an earlier one, and so does a later resolution. Invalid or misplaced records are ignored and reported.
 */
export function screeningStatus(
  decisions: readonly ScreeningDecision[],
  referenceIds: readonly string[],
  stage: ScreeningStage,
  resolutions: readonly Resolution[] = [],
): ScreeningSummary {
  const problems: ScreeningProblem[] = [];
  const known = new Set(referenceIds);
  let eligible = known;
  if (stage === 'full_text') {
    const titleAbstract = screeningStatus(decisions, referenceIds, 'title_abstract', resolutions);
    eligible = new Set(
      titleAbstract.references.filter((item) => isFinalInclude(item.status)).map((item) => item.referenceId),
    );
  }
  const accept = (record: ScreeningDecision | Resolution): boolean => {
    if (record.stage !== stage) return false;
    const message = misplaced(record, known, eligible) ?? decisionProblem(record);
    if (message) problems.push({ referenceId: record.referenceId, stage, message });
    return message === null;
  };

  const byReference = new Map<string, Map<string, ScreeningDecision>>();
  for (const decision of decisions) {
    if (!accept(decision)) continue;
    const reviewers = byReference.get(decision.referenceId) ?? new Map<string, ScreeningDecision>();
    // Map.set on an existing reviewer keeps their place, so reviewers stay in the order they first decided.
    reviewers.set(decision.reviewerId, decision);
    byReference.set(decision.referenceId, reviewers);
  }
  const resolved = new Map<string, Resolution>();
  for (const resolution of resolutions) {
    if (accept(resolution)) resolved.set(resolution.referenceId, resolution);
  }

  const counts = Object.fromEntries(SCREENING_STATUSES.map((status) => [status, 0])) as Record<ScreeningStatus, number>;
  const references = referenceIds
    .filter((referenceId) => eligible.has(referenceId))
    .map((referenceId) => {
      const reviewers = [...(byReference.get(referenceId)?.values() ?? [])];
      const item = statusOf(referenceId, reviewers, resolved.get(referenceId), stage, problems);
      counts[item.status]++;
      return item;
    });
  return { stage, references, counts, problems };
}

function statusOf(
  referenceId: string,
  reviewers: readonly ScreeningDecision[],
  resolution: Resolution | undefined,
  stage: ScreeningStage,
  problems: ScreeningProblem[],
): ReferenceScreening {
  if (resolution) {
    const status = resolution.decision === 'include' ? 'resolved_include' : 'resolved_exclude';
    return withReason({ referenceId, status }, stage, resolution.reason?.trim());
  }
  if (reviewers.length === 0) return { referenceId, status: 'unscreened' };
  if (reviewers.length < REVIEWERS_REQUIRED) return { referenceId, status: 'awaiting_second' };
  if (reviewers.every((reviewer) => reviewer.decision === 'include')) return { referenceId, status: 'agreed_include' };
  if (!reviewers.every((reviewer) => reviewer.decision === 'exclude')) return { referenceId, status: 'conflict' };
  const reasons = [...new Set(reviewers.map((reviewer) => reviewer.reason?.trim() ?? ''))];
  if (stage === 'full_text' && new Set(reasons.map((reason) => reason.toLowerCase())).size > 1) {
    // Both exclude, so the reference is out; PRISMA still needs one reason, so the first reviewer's stands for now.
    problems.push({
      referenceId,
      stage,
      message: {
        id: `Para penelaah memberi alasan pengecualian yang berbeda (${reasons.join('; ')}); catat resolusi untuk memilih satu.`,
        en: `The reviewers gave different exclusion reasons (${reasons.join('; ')}); record a resolution to choose one.`,
      },
    });
  }
  return withReason({ referenceId, status: 'agreed_exclude' }, stage, reasons[0]);
}

function withReason(item: ReferenceScreening, stage: ScreeningStage, reason: string | undefined): ReferenceScreening {
  return stage === 'full_text' && isFinalExclude(item.status) && reason ? { ...item, exclusionReason: reason } : item;
}

function misplaced(
  record: ScreeningDecision | Resolution,
  known: ReadonlySet<string>,
  eligible: ReadonlySet<string>,
): Bilingual | null {
  if (!known.has(record.referenceId)) {
    return {
      id: `Rujukan ${record.referenceId} tidak termasuk rekaman yang disaring (mungkin duplikat yang dihapus); keputusan diabaikan.`,
      en: `Reference ${record.referenceId} is not among the records being screened (perhaps a removed duplicate); decision ignored.`,
    };
  }
  if (!eligible.has(record.referenceId)) {
    return {
      id: `Rujukan ${record.referenceId} belum disertakan pada tahap judul/abstrak; keputusan teks lengkap diabaikan.`,
      en: `Reference ${record.referenceId} was not included at title/abstract; full-text decision ignored.`,
    };
  }
  return null;
}
