/**
 * The shape of Lancar's clinical content. The content itself lives in the JSON files beside this one, written so
 * that a midwife or educator can review it without reading code: every text in Bahasa Indonesia and English, every
 * statement with its source from the project's evidence file and that file's grade.
 */

/** A text in both languages. Indonesian is the original. */
export interface Localized {
  id: string;
  en: string;
}

/**
 * Where a statement comes from. `ref` names the source as the evidence file does (author, year or organisation);
 * `section` is the section of shared/domain/oxytocin-massage-evidence.md; `grade` is that file's legend:
 * S well sourced, S2 secondary copy, D derived, U uncertain (verify before relying on it).
 */
export interface Source {
  ref: string;
  section: string;
  grade: 'S' | 'S2' | 'D' | 'U';
}

/** A massage schedule a midwife can assign. Days count from the delivery: day 1 is the first 24 hours. */
export interface Protocol {
  id: string;
  name: Localized;
  summary: Localized;
  /** Minutes of the massage step itself. */
  massageMinutes: number;
  /** Sessions planned per day; `sessionsPerDayMin` below it means "1 to N a day" (adherence counts the minimum). */
  sessionsPerDay: number;
  sessionsPerDayMin: number;
  firstDay: number;
  lastDay: number;
  /** The midwife may extend the protocol up to this day ("optionally continued to day 14"). */
  extendableToDay: number | null;
  /** Local times (HH:MM) suggested for reminders, one per planned session. */
  suggestedTimes: string[];
  isDefault: boolean;
  sources: Source[];
}

export type StepId = 'prepare' | 'position' | 'find-start' | 'oil' | 'hand-shape' | 'massage' | 'finish' | 'feed-now';

/** What the back illustration highlights for a step. */
export type IllustrationId =
  | 'room'
  | 'posture'
  | 'landmark-c7'
  | 'oil'
  | 'fists'
  | 'massage-path'
  | 'wipe'
  | 'breastfeed';

export interface MassageStep {
  id: StepId;
  title: Localized;
  /** Short sentences, read aloud one by one. */
  instructions: Localized[];
  /** Seconds the step's timer runs; "protocol" takes the protocol's massage minutes; 0 means no timer. */
  seconds: number | 'protocol';
  /** Spoken midway through a timed step, e.g. asking whether the pressure is comfortable. */
  midwayCue: Localized | null;
  illustration: IllustrationId;
  sources: Source[];
}

export interface SafetyQuestion {
  id: string;
  question: Localized;
  /** The answer that stops the session. Consent is asked the other way round ("does she want it?"). */
  stopAnswer: 'yes' | 'no';
  /** What the companion is told when this answer stops the session. */
  explanation: Localized;
  /** A danger sign: the stop screen shows the facility's number and the answer raises an alert for the midwife. */
  danger: boolean;
  sources: Source[];
}

/**
 * A per-day-of-life threshold: on days `fromDay`..`toDay` (inclusive; `toDay` null = every later day) at least
 * `min` must be counted. Rows of one table never overlap and leave no gap from day 1.
 */
export interface DayThreshold {
  fromDay: number;
  toDay: number | null;
  min: number;
}

/** What a counting item counts among the day's logged entries. */
export type ChecklistMeasure = 'feeds' | 'wet_nappies' | 'dirty_nappies';

interface ChecklistItemBase {
  id: string;
  /** Plain question for the mother. In counting items, `{min}` stands for the day's threshold. */
  question: Localized;
  /** First day of life the item is asked on. */
  fromDay: number;
  /** A required item left unanswered makes the result "incomplete"; weights are optional (not weighed daily). */
  required: boolean;
  /** True when the sources give no official cut-off and the threshold is Lancar's own choice. */
  studyDefined: boolean;
  sources: Source[];
}

/** Filled from the day's logged entries (24 hours from the delivery time); the mother's answer fills a gap. */
export interface CountChecklistItem extends ChecklistItemBase {
  kind: 'count';
  measure: ChecklistMeasure;
  thresholds: DayThreshold[];
}

/** Answered yes or no by the mother; "yes" is the good answer. */
export interface YesNoChecklistItem extends ChecklistItemBase {
  kind: 'yes_no';
}

/** Filled from the latest weight: passes when the loss from birth weight is at most `maxLossPercent`. */
export interface WeightLossChecklistItem extends ChecklistItemBase {
  kind: 'weight_loss';
  maxLossPercent: number;
}

/** Filled from the latest weight: from `byDay` on the baby should be back to birth weight. */
export interface WeightRegainedChecklistItem extends ChecklistItemBase {
  kind: 'weight_regained';
  byDay: number;
}

export type AdequacyChecklistItem =
  | CountChecklistItem
  | YesNoChecklistItem
  | WeightLossChecklistItem
  | WeightRegainedChecklistItem;

export type AdequacyResult = 'adequate' | 'not_adequate' | 'incomplete';

export interface AdequacyChecklist {
  version: number;
  note: Localized;
  items: AdequacyChecklistItem[];
  /** How the items make the overall result. Study-defined: no national scoring sheet exists. */
  resultRule: {
    rule: 'every_required_item_passes';
    description: Localized;
    studyDefined: true;
    sources: Source[];
  };
  /** What the mother reads for each overall result. */
  results: Record<AdequacyResult, Localized>;
}

export type DangerSeverity = 'immediate' | 'soon';

/** How Lancar recognises a sign in logged data without anyone reporting it. */
export type DangerDetection =
  /** The latest weight is more than `maxLossPercent` below birth weight. */
  | { rule: 'weight_loss'; maxLossPercent: number }
  /** A weight taken on day `byDay` or later is still below birth weight. */
  | { rule: 'weight_not_regained'; byDay: number }
  /** A completed day from `fromDay` on has fewer wet nappies than the table asks (kept equal to the checklist's). */
  | { rule: 'too_few_wet_nappies'; fromDay: number; minWetNappies: DayThreshold[] }
  /** The latest stool with a logged colour after day `afterDay` is still meconium. */
  | { rule: 'meconium_after_day'; afterDay: number };

/** The mother's logged state that reports a sign; every field given must match. The most specific match wins. */
export interface MotherStatePattern {
  fever?: boolean;
  breastComfort?: 'soft' | 'full' | 'engorged' | 'red_painful';
}

export interface DangerSign {
  id: string;
  who: 'baby' | 'mother';
  /** Phrased so a family member can recognise it. */
  label: Localized;
  advice: Localized;
  /** immediate: red, "contact your midwife / go to a health facility now"; soon: amber, "as soon as possible". */
  severity: DangerSeverity;
  /** Shown in the family's danger-sign list, to report by tapping it. */
  reportable: boolean;
  /** Lancar detects it from logged data (`detection`). */
  detectable: boolean;
  detection: DangerDetection | null;
  motherState: MotherStatePattern | null;
  /** Safety-check questions (safety-check.json) whose stopping answer reports this sign. */
  safetyQuestions: string[];
  sources: Source[];
}

export interface DangerSignsFile {
  version: number;
  note: Localized;
  /** The general instruction shown with each severity. */
  actions: Record<DangerSeverity, Localized>;
  signs: DangerSign[];
}

/** One screen of a lesson: a few short paragraphs, optionally a picture and a sentence to remember. */
export interface LessonPage {
  id: string;
  /** Short paragraphs, shown (or read aloud) one after the other. */
  paragraphs: Localized[];
  /** The back illustration shown with the page (the same drawings as the guided massage), or none. */
  illustration: IllustrationId | null;
  /** The massage step (massage-steps.json) the page teaches; its illustration is then the step's. */
  step: StepId | null;
  /** One sentence to remember, shown highlighted. */
  keyPoint: Localized | null;
}

/** A short lesson of the companion curriculum (evidence file §5.2). */
export interface Lesson {
  id: string;
  title: Localized;
  /** Estimated reading time in whole minutes. */
  minutes: number;
  pages: LessonPage[];
  sources: Source[];
}

export interface LessonsFile {
  version: number;
  note: Localized;
  lessons: Lesson[];
}

export type QuizOptionId = 'a' | 'b' | 'c' | 'd';

export interface QuizOption {
  id: QuizOptionId;
  text: Localized;
}

/**
 * One knowledge question of the pre-test and post-test (evidence file §5.3). Option ids keep their identity
 * whatever order the options are shown in, so an answer is always an option id.
 */
export interface QuizItem {
  /** Stable: never reused for a different question. */
  id: string;
  question: Localized;
  /** Exactly four options, ids a to d. */
  options: QuizOption[];
  /** The one correct option. */
  correctOptionId: QuizOptionId;
  /** Why the answer is right; shown after the post-test. */
  explanation: Localized;
  /** The lesson (lessons.json) that teaches the answer. */
  lesson: string;
  sources: Source[];
}

/** The item bank. Results store `version`: a changed, added or removed item needs a new version. */
export interface QuizBank {
  version: number;
  note: Localized;
  items: QuizItem[];
}

/** A letter of the SOP's steps a–i (evidence file §1.1). */
export type SopStep = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i';

/** One step the midwife observes in the return demonstration. */
export interface SkillStep {
  id: string;
  label: Localized;
  /** What the observer looks for to mark the step as passed. */
  looksFor: Localized;
  /** A failed critical step means "not yet competent", whatever the other steps. */
  critical: boolean;
  /** The app's massage step the skill belongs to; null for the safety check that comes before them. */
  massageStep: StepId | null;
  /** The SOP steps (a–i) this skill step checks; empty when it comes from another source. */
  sopSteps: SopStep[];
  sources: Source[];
}

export interface SkillChecklist {
  version: number;
  note: Localized;
  steps: SkillStep[];
  /**
   * How the marks make "passed". Programme-defined (no source gives a pass threshold): every step marked, every
   * critical step passed, and at least `minOthersPassed` of the non-critical steps passed.
   */
  passRule: {
    rule: 'all_critical_and_min_others';
    minOthersPassed: number;
    description: Localized;
    programmeDefined: true;
    sources: Source[];
  };
}
