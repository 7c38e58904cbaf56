import { evaluateSkillCheck, type SkillChecklistRules, type SkillResults } from '@lancar/domain';

/**
 * What the marks made so far mean, while the midwife is still watching: already "not yet" as soon as a critical step
 * fails or too few other steps can still pass, "passes" only when every step is marked and the programme's rule is
 * met, otherwise unfinished.
 */
export type SkillVerdict =
  | { kind: 'unfinished'; missing: string[] }
  | { kind: 'passes'; othersPassed: number; othersRequired: number }
  | {
      kind: 'not_yet';
      failedCritical: string[];
      /** True when the other steps can no longer reach the number the rule asks for. */
      tooFewOthers: boolean;
      othersPassed: number;
      othersRequired: number;
    };

export function skillVerdict(checklist: SkillChecklistRules, results: SkillResults): SkillVerdict {
  const evaluation = evaluateSkillCheck(checklist, results);
  const { othersPassed, othersRequired, failedCritical, missing } = evaluation;
  const othersUnmarked = checklist.steps.filter((s) => !s.critical && missing.includes(s.id)).length;
  const tooFewOthers = othersPassed + othersUnmarked < othersRequired;
  if (failedCritical.length > 0 || tooFewOthers) {
    return { kind: 'not_yet', failedCritical, tooFewOthers, othersPassed, othersRequired };
  }
  if (evaluation.passed) return { kind: 'passes', othersPassed, othersRequired };
  return { kind: 'unfinished', missing };
}
