/**
 * The midwife's observed skill check (return demonstration): the companion massages while the midwife marks each
 * step of content/skill-checklist.json as passed or failed.
 */

/** The parts of the skill checklist (content/skill-checklist.json) the rule needs. */
export interface SkillChecklistRules {
  steps: readonly { id: string; critical: boolean }[];
  /** Programme-defined, not evidence-based: see the checklist's passRule description. */
  passRule: { rule: 'all_critical_and_min_others'; minOthersPassed: number };
}

export type SkillMark = 'pass' | 'fail' | null;

/** The midwife's marks by step id; null or absent = not marked yet. */
export type SkillResults = Readonly<Record<string, SkillMark | undefined>>;

export interface SkillCheckEvaluation {
  /** Every step marked, every critical step passed, and enough of the others passed. */
  passed: boolean;
  /** Steps not marked yet, in checklist order. An unfinished check never passes. */
  missing: string[];
  /** Critical steps marked "fail", in checklist order: any one means "not yet competent". */
  failedCritical: string[];
  /** Non-critical steps marked "pass", and how many the pass rule asks for. */
  othersPassed: number;
  othersRequired: number;
  /** Marks for steps the checklist does not have (a mark made on another checklist version?). They block a pass. */
  unknownSteps: string[];
}

/**
 * Evaluates a return demonstration by the checklist's pass rule `all_critical_and_min_others` (programme-defined:
 * no source gives a threshold): passed when nothing is missing, no critical step failed, at least
 * `minOthersPassed` non-critical steps passed, and no mark names an unknown step.
 */
export function evaluateSkillCheck(checklist: SkillChecklistRules, results: SkillResults): SkillCheckEvaluation {
  const ids = new Set(checklist.steps.map((s) => s.id));
  if (ids.size !== checklist.steps.length) throw new RangeError('the skill checklist repeats a step id');
  const mark = (id: string): SkillMark => (Object.hasOwn(results, id) ? (results[id] ?? null) : null);

  const missing = checklist.steps.filter((s) => mark(s.id) === null).map((s) => s.id);
  const failedCritical = checklist.steps.filter((s) => s.critical && mark(s.id) === 'fail').map((s) => s.id);
  const othersPassed = checklist.steps.filter((s) => !s.critical && mark(s.id) === 'pass').length;
  const othersRequired = checklist.passRule.minOthersPassed;
  const unknownSteps = Object.keys(results).filter((id) => !ids.has(id));
  return {
    passed:
      missing.length === 0 &&
      failedCritical.length === 0 &&
      othersPassed >= othersRequired &&
      unknownSteps.length === 0,
    missing,
    failedCritical,
    othersPassed,
    othersRequired,
    unknownSteps,
  };
}
