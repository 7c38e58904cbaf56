import adequacyFile from '../adequacy-checklist.json' with { type: 'json' };
import dangerFile from '../danger-signs.json' with { type: 'json' };
import stepsFile from '../massage-steps.json' with { type: 'json' };
import protocolsFile from '../protocols.json' with { type: 'json' };
import safetyFile from '../safety-check.json' with { type: 'json' };
import type {
  AdequacyChecklist,
  DangerSign,
  DangerSignsFile,
  Localized,
  MassageStep,
  Protocol,
  SafetyQuestion,
} from './types.ts';

export * from './types.ts';

/** The content files, typed. The JSON is checked against these types by content.test.ts, not by the compiler. */
export const PROTOCOLS = protocolsFile.protocols as Protocol[];
export const MASSAGE_STEPS = stepsFile.steps as MassageStep[];
export const SAFETY_QUESTIONS = safetyFile.questions as SafetyQuestion[];
export const SAFETY_NOTE = safetyFile.note as Localized;
export const ADEQUACY_CHECKLIST = adequacyFile as AdequacyChecklist;
export const DANGER_SIGNS = (dangerFile as DangerSignsFile).signs;
/** The general instruction shown with each severity (red "now", amber "as soon as possible"). */
export const DANGER_ACTIONS = (dangerFile as DangerSignsFile).actions;
export const DANGER_NOTE = (dangerFile as DangerSignsFile).note;

export const CONTENT_VERSIONS = {
  protocols: protocolsFile.version,
  massageSteps: stepsFile.version,
  safetyCheck: safetyFile.version,
  adequacyChecklist: adequacyFile.version,
  dangerSigns: dangerFile.version,
};

export function dangerSignById(id: string): DangerSign | undefined {
  return DANGER_SIGNS.find((s) => s.id === id);
}

export function defaultProtocol(): Protocol {
  const found = PROTOCOLS.find((p) => p.isDefault);
  if (!found) throw new Error('content/protocols.json has no default protocol');
  return found;
}

export function protocolById(id: string): Protocol | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}
