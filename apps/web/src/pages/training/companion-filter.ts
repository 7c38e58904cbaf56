import type { CompanionTraining, TrainingStatus } from '@lancar/contracts';

/** The filters of the companions list: everyone, or one training status. */
export type CompanionFilter = 'all' | TrainingStatus;

/** Companions with the chosen status, by name (the order people look for a name in). */
export function filterCompanions(
  companions: readonly CompanionTraining[],
  filter: CompanionFilter,
  locale: string,
): CompanionTraining[] {
  return companions
    .filter((c) => filter === 'all' || c.status === filter)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, locale));
}

/** How many companions have each status, for the counts on the filter buttons. */
export function countByStatus(companions: readonly CompanionTraining[]): Record<CompanionFilter, number> {
  const counts: Record<CompanionFilter, number> = {
    all: companions.length,
    not_started: 0,
    learning: 0,
    passed_test: 0,
    competent: 0,
  };
  for (const c of companions) counts[c.status]++;
  return counts;
}
