// Checks every content file the way a reviewer would: both languages present, every statement sourced, ids
// unique, numbers sane and tables complete. Each check is a function that lists problems, and the last suite
// feeds it broken copies, so a check that can no longer fail is noticed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import adequacyFile from '../adequacy-checklist.json' with { type: 'json' };
import dangerFile from '../danger-signs.json' with { type: 'json' };
import lessonsFile from '../lessons.json' with { type: 'json' };
import stepsFile from '../massage-steps.json' with { type: 'json' };
import protocolsFile from '../protocols.json' with { type: 'json' };
import quizFile from '../quiz-items.json' with { type: 'json' };
import safetyFile from '../safety-check.json' with { type: 'json' };
import skillFile from '../skill-checklist.json' with { type: 'json' };
import {
  ADEQUACY_CHECKLIST,
  CONTENT_VERSIONS,
  DANGER_SIGNS,
  MASSAGE_STEPS,
  PROTOCOLS,
  SAFETY_QUESTIONS,
} from './index.ts';
import {
  LESSONS,
  lessonById,
  QUIZ_ITEMS,
  QUIZ_VERSION,
  quizItemById,
  SKILL_CHECKLIST,
  TRAINING_VERSIONS,
} from './training.ts';
import type { IllustrationId, QuizOptionId, SopStep, StepId } from './types.ts';

const FILES: Record<string, unknown> = {
  'protocols.json': protocolsFile,
  'massage-steps.json': stepsFile,
  'safety-check.json': safetyFile,
  'adequacy-checklist.json': adequacyFile,
  'danger-signs.json': dangerFile,
  'lessons.json': lessonsFile,
  'quiz-items.json': quizFile,
  'skill-checklist.json': skillFile,
};

const GRADES = ['S', 'S2', 'D', 'U'];
const STEP_ORDER: StepId[] = [
  'prepare',
  'position',
  'find-start',
  'oil',
  'hand-shape',
  'massage',
  'finish',
  'feed-now',
];
const ILLUSTRATIONS: IllustrationId[] = [
  'room',
  'posture',
  'landmark-c7',
  'oil',
  'fists',
  'massage-path',
  'wipe',
  'breastfeed',
];
const OPTION_IDS: QuizOptionId[] = ['a', 'b', 'c', 'd'];
const SOP_STEPS: SopStep[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
/** The checklist and the detection rules are read for days 1 to 14, the longest protocol. */
const PROGRAMME_DAYS = 14;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Any object with an `en` key is a Localized text: exactly `id` and `en`, both filled in. */
function localizedProblems(file: string, value: unknown, path = file): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedProblems(file, v, `${path}[${i}]`));
  if (!isObject(value)) return [];
  if ('en' in value) {
    const keys = Object.keys(value).sort().join(',');
    const problems: string[] = [];
    if (keys !== 'en,id') problems.push(`${path}: a text must have exactly "id" and "en", has ${keys}`);
    if (!nonEmpty(value.id)) problems.push(`${path}: Indonesian text is empty`);
    if (!nonEmpty(value.en)) problems.push(`${path}: English text is empty`);
    return problems;
  }
  return Object.entries(value).flatMap(([k, v]) => localizedProblems(file, v, `${path}.${k}`));
}

/** Named fields that must be texts, so a text typed as a plain string does not slip past the walker above. */
function textFieldProblems(where: string, item: Json, fields: string[]): string[] {
  return fields
    .filter((f) => !(isObject(item[f]) && 'en' in (item[f] as Json)))
    .map((f) => `${where}: ${f} must be a text {"id", "en"}`);
}

function sourceProblems(where: string, item: Json): string[] {
  const sources = item.sources;
  if (!Array.isArray(sources) || sources.length === 0) return [`${where}: needs at least one source`];
  return sources.flatMap((s, i) => {
    const at = `${where}.sources[${i}]`;
    if (!isObject(s)) return [`${at}: not an object`];
    const problems: string[] = [];
    if (!nonEmpty(s.ref)) problems.push(`${at}: ref is empty`);
    if (typeof s.section !== 'string' || !/^\d+(\.\d+)*$/.test(s.section))
      problems.push(`${at}: section "${String(s.section)}" is not a section of the evidence file`);
    if (!GRADES.includes(s.grade as string)) problems.push(`${at}: grade "${String(s.grade)}" is not S, S2, D or U`);
    return problems;
  });
}

function uniqueIdProblems(where: string, items: readonly Json[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const item of items) {
    if (!nonEmpty(item.id)) problems.push(`${where}: an item has no id`);
    else if (seen.has(item.id as string)) problems.push(`${where}: id "${String(item.id)}" is used twice`);
    seen.add(item.id as string);
  }
  return problems;
}

function versionProblems(file: string, json: Json): string[] {
  return Number.isInteger(json.version) && (json.version as number) >= 1
    ? []
    : [`${file}: version must be a whole number from 1`];
}

const positiveInt = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

function protocolProblems(file: Json): string[] {
  const protocols = file.protocols as Json[];
  const problems = uniqueIdProblems('protocols', protocols);
  const defaults = protocols.filter((p) => p.isDefault === true).length;
  if (defaults !== 1) problems.push(`protocols: exactly one default protocol expected, found ${defaults}`);
  for (const p of protocols) {
    const at = `protocol ${String(p.id)}`;
    problems.push(...sourceProblems(at, p), ...textFieldProblems(at, p, ['name', 'summary']));
    for (const f of ['massageMinutes', 'sessionsPerDay', 'sessionsPerDayMin', 'firstDay', 'lastDay']) {
      if (!positiveInt(p[f])) problems.push(`${at}: ${f} must be a whole number from 1`);
    }
    if ((p.firstDay as number) > (p.lastDay as number)) problems.push(`${at}: firstDay is after lastDay`);
    if ((p.sessionsPerDayMin as number) > (p.sessionsPerDay as number))
      problems.push(`${at}: sessionsPerDayMin is above sessionsPerDay`);
    if (p.extendableToDay !== null && !((p.extendableToDay as number) >= (p.lastDay as number)))
      problems.push(`${at}: extendableToDay must be null or at least lastDay`);
    const times = p.suggestedTimes as unknown[];
    if (!Array.isArray(times) || times.length !== p.sessionsPerDay)
      problems.push(`${at}: one suggested time per session expected (${String(p.sessionsPerDay)})`);
    for (const t of Array.isArray(times) ? times : []) {
      if (typeof t !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
        problems.push(`${at}: "${String(t)}" is not HH:MM`);
    }
    if (typeof p.isDefault !== 'boolean') problems.push(`${at}: isDefault must be true or false`);
  }
  return problems;
}

function stepProblems(file: Json): string[] {
  const steps = file.steps as Json[];
  const problems = uniqueIdProblems('massage steps', steps);
  const ids = steps.map((s) => s.id).join(', ');
  if (ids !== STEP_ORDER.join(', '))
    problems.push(`massage steps: expected ${STEP_ORDER.join(', ')} in order, got ${ids}`);
  const timedByProtocol = steps.filter((s) => s.seconds === 'protocol').length;
  if (timedByProtocol !== 1)
    problems.push(`massage steps: exactly one step uses the protocol's minutes, found ${timedByProtocol}`);
  for (const s of steps) {
    const at = `step ${String(s.id)}`;
    problems.push(...sourceProblems(at, s), ...textFieldProblems(at, s, ['title']));
    if (!Array.isArray(s.instructions) || s.instructions.length === 0) problems.push(`${at}: needs instructions`);
    if (s.seconds !== 'protocol' && !(Number.isInteger(s.seconds) && (s.seconds as number) >= 0))
      problems.push(`${at}: seconds must be "protocol" or a whole number`);
  }
  return problems;
}

function safetyProblems(file: Json): string[] {
  const questions = file.questions as Json[];
  const problems = uniqueIdProblems('safety check', questions);
  const consent = questions.find((q) => q.id === 'consent');
  if (!consent) problems.push('safety check: needs the consent question');
  else if (consent.stopAnswer !== 'no') problems.push('safety check: consent must stop on "no"');
  for (const q of questions) {
    const at = `safety question ${String(q.id)}`;
    problems.push(...sourceProblems(at, q), ...textFieldProblems(at, q, ['question', 'explanation']));
    if (q.stopAnswer !== 'yes' && q.stopAnswer !== 'no') problems.push(`${at}: stopAnswer must be "yes" or "no"`);
    if (typeof q.danger !== 'boolean') problems.push(`${at}: danger must be true or false`);
  }
  return problems;
}

/** A day table must give exactly one minimum for each of days 1 to 14: no gap, no overlap. */
function thresholdTableProblems(where: string, rows: unknown): string[] {
  if (!Array.isArray(rows) || rows.length === 0) return [`${where}: needs a threshold table`];
  const problems: string[] = [];
  for (const r of rows as Json[]) {
    if (
      !positiveInt(r.fromDay) ||
      !(r.toDay === null || positiveInt(r.toDay)) ||
      !(Number.isInteger(r.min) && (r.min as number) >= 0)
    )
      problems.push(`${where}: row ${JSON.stringify(r)} needs fromDay, toDay (or null) and min`);
  }
  for (let day = 1; day <= PROGRAMME_DAYS; day++) {
    const covering = (rows as Json[]).filter(
      (r) => (r.fromDay as number) <= day && (r.toDay === null || day <= (r.toDay as number)),
    ).length;
    if (covering !== 1) problems.push(`${where}: day ${day} is covered by ${covering} rows, expected 1`);
  }
  return problems;
}

function checklistProblems(file: Json): string[] {
  const items = file.items as Json[];
  const problems = uniqueIdProblems('adequacy checklist', items);
  for (const item of items) {
    const at = `checklist item ${String(item.id)}`;
    problems.push(...sourceProblems(at, item), ...textFieldProblems(at, item, ['question']));
    if (typeof item.studyDefined !== 'boolean') problems.push(`${at}: studyDefined must be true or false`);
    if (typeof item.required !== 'boolean') problems.push(`${at}: required must be true or false`);
    if (!positiveInt(item.fromDay) || (item.fromDay as number) > PROGRAMME_DAYS)
      problems.push(`${at}: fromDay must be a day from 1 to ${PROGRAMME_DAYS}`);
    const question = isObject(item.question) ? item.question : {};
    switch (item.kind) {
      case 'count':
        if (!['feeds', 'wet_nappies', 'dirty_nappies'].includes(item.measure as string))
          problems.push(`${at}: measure must be feeds, wet_nappies or dirty_nappies`);
        problems.push(...thresholdTableProblems(at, item.thresholds));
        if (!String(question.id).includes('{min}') || !String(question.en).includes('{min}'))
          problems.push(`${at}: a counting question must show the day's {min} in both languages`);
        break;
      case 'yes_no':
        break;
      case 'weight_loss':
        if (!(typeof item.maxLossPercent === 'number' && item.maxLossPercent > 0))
          problems.push(`${at}: maxLossPercent`);
        break;
      case 'weight_regained':
        if (!positiveInt(item.byDay) || item.fromDay !== item.byDay) problems.push(`${at}: byDay must equal fromDay`);
        break;
      default:
        problems.push(`${at}: unknown kind "${String(item.kind)}"`);
    }
  }
  const rule = file.resultRule as Json;
  if (!isObject(rule) || rule.rule !== 'every_required_item_passes')
    problems.push('adequacy checklist: unknown resultRule');
  else {
    problems.push(...sourceProblems('resultRule', rule), ...textFieldProblems('resultRule', rule, ['description']));
    if (rule.studyDefined !== true)
      problems.push('adequacy checklist: the result rule is study-defined and must say so');
  }
  const results = file.results as Json;
  problems.push(...textFieldProblems('adequacy results', results, ['adequate', 'not_adequate', 'incomplete']));
  if (Object.keys(results).length !== 3) problems.push('adequacy results: exactly adequate, not_adequate, incomplete');
  return problems;
}

function dangerProblems(file: Json, safety: Json, checklist: Json): string[] {
  const signs = file.signs as Json[];
  const problems = uniqueIdProblems('danger signs', signs);
  problems.push(...textFieldProblems('danger actions', file.actions as Json, ['immediate', 'soon']));
  const safetyQuestions = safety.questions as Json[];
  const checklistItems = checklist.items as Json[];
  for (const s of signs) {
    const at = `danger sign ${String(s.id)}`;
    problems.push(...sourceProblems(at, s), ...textFieldProblems(at, s, ['label', 'advice']));
    if (s.who !== 'baby' && s.who !== 'mother') problems.push(`${at}: who must be baby or mother`);
    if (s.severity !== 'immediate' && s.severity !== 'soon') problems.push(`${at}: severity must be immediate or soon`);
    if (typeof s.reportable !== 'boolean') problems.push(`${at}: reportable must be true or false`);
    if (s.detectable !== (s.detection !== null))
      problems.push(`${at}: detectable must be true exactly when there is a detection`);
    const questions = Array.isArray(s.safetyQuestions) ? (s.safetyQuestions as string[]) : [];
    if (!Array.isArray(s.safetyQuestions)) problems.push(`${at}: safetyQuestions must be a list`);
    if (!s.reportable && !s.detectable && s.motherState === null && questions.length === 0)
      problems.push(
        `${at}: nothing can raise this sign (not reportable, detectable, a mother's state or a safety question)`,
      );
    for (const q of questions) {
      const question = safetyQuestions.find((sq) => sq.id === q);
      if (!question) problems.push(`${at}: safety question "${q}" does not exist`);
      else if (question.danger !== true) problems.push(`${at}: safety question "${q}" is not a danger question`);
    }
    if (s.motherState !== null) {
      const state = s.motherState as Json;
      if (
        !isObject(state) ||
        Object.keys(state).length === 0 ||
        Object.keys(state).some((k) => !['fever', 'breastComfort'].includes(k))
      )
        problems.push(`${at}: motherState may only name fever and breastComfort`);
    }
    if (s.detection !== null) {
      const d = s.detection as Json;
      if (s.who !== 'baby') problems.push(`${at}: only baby signs are detected`);
      const sameAs = (kind: string) => checklistItems.find((i) => i.kind === kind);
      switch (d.rule) {
        case 'too_few_wet_nappies': {
          problems.push(...thresholdTableProblems(at, d.minWetNappies));
          const wet = checklistItems.find((i) => i.measure === 'wet_nappies');
          if (JSON.stringify(d.minWetNappies) !== JSON.stringify(wet?.thresholds))
            problems.push(`${at}: minWetNappies must equal the checklist's wet-nappy table`);
          if (!positiveInt(d.fromDay)) problems.push(`${at}: fromDay`);
          break;
        }
        case 'weight_loss':
          if (d.maxLossPercent !== sameAs('weight_loss')?.maxLossPercent)
            problems.push(`${at}: maxLossPercent must equal the checklist's`);
          break;
        case 'weight_not_regained':
          if (d.byDay !== sameAs('weight_regained')?.byDay) problems.push(`${at}: byDay must equal the checklist's`);
          break;
        case 'meconium_after_day':
          if (!positiveInt(d.afterDay)) problems.push(`${at}: afterDay`);
          break;
        default:
          problems.push(`${at}: unknown detection rule "${String(d.rule)}"`);
      }
    }
  }
  // Every danger answer in the safety check must raise exactly one sign, or the midwife would not hear of it.
  for (const q of safetyQuestions.filter((sq) => sq.danger === true)) {
    const raising = signs.filter(
      (s) => Array.isArray(s.safetyQuestions) && (s.safetyQuestions as string[]).includes(q.id as string),
    );
    if (raising.length !== 1)
      problems.push(`danger signs: safety question "${String(q.id)}" raises ${raising.length} signs, expected 1`);
  }
  return problems;
}

function lessonProblems(file: Json, steps: Json): string[] {
  const lessons = file.lessons as Json[];
  const problems = uniqueIdProblems('lessons', lessons);
  const pages = lessons.flatMap((l) => (Array.isArray(l.pages) ? (l.pages as Json[]) : []));
  problems.push(...uniqueIdProblems('lesson pages', pages));
  const massageSteps = steps.steps as Json[];
  for (const l of lessons) {
    const at = `lesson ${String(l.id)}`;
    problems.push(...sourceProblems(at, l), ...textFieldProblems(at, l, ['title']));
    if (!positiveInt(l.minutes)) problems.push(`${at}: minutes must be a whole number from 1`);
    if (!Array.isArray(l.pages) || l.pages.length === 0) problems.push(`${at}: needs pages`);
  }
  for (const p of pages) {
    const at = `lesson page ${String(p.id)}`;
    if (!Array.isArray(p.paragraphs) || p.paragraphs.length === 0) problems.push(`${at}: needs paragraphs`);
    else if ((p.paragraphs as unknown[]).some((t) => !(isObject(t) && 'en' in t)))
      problems.push(`${at}: every paragraph must be a text {"id", "en"}`);
    if (p.keyPoint !== null) problems.push(...textFieldProblems(at, p, ['keyPoint']));
    if (p.illustration !== null && !ILLUSTRATIONS.includes(p.illustration as IllustrationId))
      problems.push(`${at}: illustration "${String(p.illustration)}" is not an IllustrationId`);
    if (p.step !== null) {
      const step = massageSteps.find((s) => s.id === p.step);
      if (!step) problems.push(`${at}: massage step "${String(p.step)}" does not exist`);
      else if (p.illustration !== step.illustration)
        problems.push(
          `${at}: a page teaching step "${String(p.step)}" must show that step's illustration "${String(step.illustration)}"`,
        );
    }
  }
  // The technique lesson walks through every step of the guided session, so the pictures match what they learnt.
  for (const s of massageSteps) {
    if (!pages.some((p) => p.step === s.id)) problems.push(`lessons: no page teaches massage step "${String(s.id)}"`);
  }
  return problems;
}

function quizProblems(file: Json, lessons: Json): string[] {
  const items = file.items as Json[];
  const problems = uniqueIdProblems('quiz items', items);
  const lessonIds = (lessons.lessons as Json[]).map((l) => l.id);
  for (const q of items) {
    const at = `quiz item ${String(q.id)}`;
    problems.push(...sourceProblems(at, q), ...textFieldProblems(at, q, ['question', 'explanation']));
    const options = Array.isArray(q.options) ? (q.options as Json[]) : [];
    if (options.length !== 4) problems.push(`${at}: needs exactly 4 options, has ${options.length}`);
    const ids = options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.push(`${at}: option ids must be unique`);
    for (const o of options) {
      if (!OPTION_IDS.includes(o.id as QuizOptionId)) problems.push(`${at}: option id "${String(o.id)}" is not a to d`);
      problems.push(...textFieldProblems(`${at} option ${String(o.id)}`, o, ['text']));
    }
    const texts = options.map((o) => (isObject(o.text) ? String(o.text.en) : ''));
    if (new Set(texts).size !== texts.length) problems.push(`${at}: two options have the same text`);
    // Exactly one correct option: a single id (not a list), naming one of the options.
    if (typeof q.correctOptionId !== 'string') problems.push(`${at}: correctOptionId must name exactly one option`);
    else if (!ids.includes(q.correctOptionId))
      problems.push(`${at}: correct option "${q.correctOptionId}" is not among its options`);
    if (!lessonIds.includes(q.lesson)) problems.push(`${at}: lesson "${String(q.lesson)}" does not exist`);
  }
  return problems;
}

function skillProblems(file: Json, steps: Json): string[] {
  const skillSteps = file.steps as Json[];
  const problems = uniqueIdProblems('skill checklist', skillSteps);
  const massageSteps = (steps.steps as Json[]).map((s) => s.id);
  for (const s of skillSteps) {
    const at = `skill step ${String(s.id)}`;
    problems.push(...sourceProblems(at, s), ...textFieldProblems(at, s, ['label', 'looksFor']));
    if (typeof s.critical !== 'boolean') problems.push(`${at}: critical must be true or false`);
    if (s.massageStep !== null && !massageSteps.includes(s.massageStep))
      problems.push(`${at}: massage step "${String(s.massageStep)}" does not exist`);
    if (!Array.isArray(s.sopSteps) || (s.sopSteps as unknown[]).some((l) => !SOP_STEPS.includes(l as SopStep)))
      problems.push(`${at}: sopSteps must be a list of SOP letters a to i`);
  }
  const critical = skillSteps.filter((s) => s.critical === true).length;
  if (critical === 0) problems.push('skill checklist: needs at least one critical step');
  // The return demonstration checks the whole SOP (a–i) and every step of the guided session.
  for (const letter of SOP_STEPS) {
    if (!skillSteps.some((s) => Array.isArray(s.sopSteps) && (s.sopSteps as string[]).includes(letter)))
      problems.push(`skill checklist: SOP step ${letter} is not checked`);
  }
  for (const id of massageSteps) {
    if (!skillSteps.some((s) => s.massageStep === id))
      problems.push(`skill checklist: massage step "${String(id)}" is not checked`);
  }
  const rule = file.passRule as Json;
  if (!isObject(rule) || rule.rule !== 'all_critical_and_min_others')
    problems.push('skill checklist: unknown passRule');
  else {
    problems.push(...sourceProblems('passRule', rule), ...textFieldProblems('passRule', rule, ['description']));
    if (rule.programmeDefined !== true)
      problems.push('skill checklist: the pass rule is programme-defined and must say so');
    const others = skillSteps.length - critical;
    if (!(Number.isInteger(rule.minOthersPassed) && (rule.minOthersPassed as number) >= 0))
      problems.push('skill checklist: minOthersPassed must be a whole number from 0');
    else if ((rule.minOthersPassed as number) > others)
      problems.push(`skill checklist: minOthersPassed is above the ${others} non-critical steps`);
  }
  return problems;
}

function allProblems(files: Record<string, unknown>): string[] {
  const get = (name: string) => files[name] as Json;
  return [
    ...Object.entries(files).flatMap(([name, json]) => [
      ...localizedProblems(name, json),
      ...versionProblems(name, json as Json),
    ]),
    ...protocolProblems(get('protocols.json')),
    ...stepProblems(get('massage-steps.json')),
    ...safetyProblems(get('safety-check.json')),
    ...checklistProblems(get('adequacy-checklist.json')),
    ...dangerProblems(get('danger-signs.json'), get('safety-check.json'), get('adequacy-checklist.json')),
    ...lessonProblems(get('lessons.json'), get('massage-steps.json')),
    ...quizProblems(get('quiz-items.json'), get('lessons.json')),
    ...skillProblems(get('skill-checklist.json'), get('massage-steps.json')),
  ];
}

describe('content files', () => {
  it('have no problems', () => {
    assert.deepEqual(allProblems(FILES), []);
  });

  it('are exported typed, with their versions', () => {
    assert.equal(PROTOCOLS.length, protocolsFile.protocols.length);
    assert.equal(MASSAGE_STEPS.length, 8);
    assert.ok(SAFETY_QUESTIONS.length > 0);
    assert.equal(ADEQUACY_CHECKLIST.items.length, adequacyFile.items.length);
    assert.equal(DANGER_SIGNS.length, dangerFile.signs.length);
    assert.deepEqual(CONTENT_VERSIONS, {
      protocols: protocolsFile.version,
      massageSteps: stepsFile.version,
      safetyCheck: safetyFile.version,
      adequacyChecklist: adequacyFile.version,
      dangerSigns: dangerFile.version,
    });
    assert.deepEqual(TRAINING_VERSIONS, {
      lessons: lessonsFile.version,
      quizItems: quizFile.version,
      skillChecklist: skillFile.version,
    });
  });

  it('export the training content typed, with the item bank version', () => {
    assert.equal(LESSONS.length, lessonsFile.lessons.length);
    assert.equal(QUIZ_ITEMS.length, quizFile.items.length);
    assert.equal(QUIZ_VERSION, quizFile.version);
    assert.equal(SKILL_CHECKLIST.steps.length, skillFile.steps.length);
    assert.equal(lessonById('technique')?.pages.length, 9);
    assert.equal(quizItemById('letdown-hormone')?.correctOptionId, 'c');
    assert.equal(lessonById('nope'), undefined);
  });

  it('hold the 15 questions of the evidence file and its 3 extra items', () => {
    assert.equal(QUIZ_ITEMS.length, 18);
  });

  it('spread the correct answers over the options, so a printed paper test cannot be passed by always ticking one letter', () => {
    const perOption = new Map<string, number>();
    for (const item of QUIZ_ITEMS) perOption.set(item.correctOptionId, (perOption.get(item.correctOptionId) ?? 0) + 1);
    for (const [option, count] of perOption) {
      assert.ok(
        count / QUIZ_ITEMS.length <= 0.35,
        `option ${option} is the answer to ${count} of ${QUIZ_ITEMS.length} items`,
      );
    }
    assert.equal(perOption.size, 4);
  });
});

describe('the checks catch broken content', () => {
  /** A deep copy of the files with one change, and the problems it produces. */
  function broken(change: (files: Record<string, Json>) => void): string[] {
    const copy = structuredClone(FILES) as Record<string, Json>;
    change(copy);
    return allProblems(copy);
  }
  function list(files: Record<string, Json>, name: string, key: string): Json[] {
    const found = files[name]?.[key];
    assert.ok(Array.isArray(found), `${name} has no ${key}`);
    return found as Json[];
  }
  const first = (files: Record<string, Json>, name: string, key: string) => list(files, name, key)[0] as Json;
  const includes = (problems: string[], text: string) =>
    assert.ok(
      problems.some((p) => p.includes(text)),
      `expected a problem containing "${text}", got:\n${problems.join('\n')}`,
    );

  it('an empty translation', () => {
    includes(
      broken((f) => {
        (first(f, 'danger-signs.json', 'signs').label as Json).en = ' ';
      }),
      'English text is empty',
    );
  });
  it('a missing source or a wrong grade', () => {
    includes(
      broken((f) => {
        first(f, 'adequacy-checklist.json', 'items').sources = [];
      }),
      'checklist item feeds: needs at least one source',
    );
    includes(
      broken((f) => {
        ((first(f, 'protocols.json', 'protocols').sources as Json[])[0] as Json).grade = 'A';
      }),
      'is not S, S2, D or U',
    );
  });
  it('a duplicated id', () => {
    includes(
      broken((f) => {
        (list(f, 'danger-signs.json', 'signs')[1] as Json).id = 'baby-not-feeding';
      }),
      'id "baby-not-feeding" is used twice',
    );
  });
  it('two default protocols and insane numbers', () => {
    const problems = broken((f) => {
      for (const p of list(f, 'protocols.json', 'protocols')) p.isDefault = true;
      const p = first(f, 'protocols.json', 'protocols');
      p.sessionsPerDayMin = 3;
      p.firstDay = 5;
      p.suggestedTimes = ['8:00', '16:00'];
    });
    includes(problems, 'exactly one default protocol expected, found 3');
    includes(problems, 'sessionsPerDayMin is above sessionsPerDay');
    includes(problems, 'firstDay is after lastDay');
    includes(problems, '"8:00" is not HH:MM');
  });
  it('steps out of order', () => {
    includes(
      broken((f) => {
        list(f, 'massage-steps.json', 'steps').reverse();
      }),
      'in order',
    );
  });
  it('consent that stops on "yes"', () => {
    includes(
      broken((f) => {
        first(f, 'safety-check.json', 'questions').stopAnswer = 'yes';
      }),
      'consent must stop on "no"',
    );
  });
  it('a danger sign without severity', () => {
    includes(
      broken((f) => {
        delete first(f, 'danger-signs.json', 'signs').severity;
      }),
      'severity must be immediate or soon',
    );
  });
  it('a threshold table with a gap', () => {
    includes(
      broken((f) => {
        const wet = list(f, 'adequacy-checklist.json', 'items').find((i) => i.id === 'wet-nappies') as Json;
        (wet.thresholds as Json[]).splice(3, 1);
      }),
      'day 4 is covered by 0 rows',
    );
  });
  it('a detection table that drifted from the checklist', () => {
    includes(
      broken((f) => {
        const sign = list(f, 'danger-signs.json', 'signs').find((s) => s.id === 'baby-too-few-wet-nappies') as Json;
        const rows = (sign.detection as Json).minWetNappies as Json[];
        (rows.at(-1) as Json).min = 5;
      }),
      "minWetNappies must equal the checklist's wet-nappy table",
    );
  });
  it('a danger answer in the safety check that raises no sign', () => {
    includes(
      broken((f) => {
        for (const s of list(f, 'danger-signs.json', 'signs')) s.safetyQuestions = [];
      }),
      'safety question "fever" raises 0 signs',
    );
  });
  it('a quiz item with two correct answers or a correct answer that is not an option', () => {
    includes(
      broken((f) => {
        first(f, 'quiz-items.json', 'items').correctOptionId = ['a', 'b'];
      }),
      'correctOptionId must name exactly one option',
    );
    includes(
      broken((f) => {
        const item = first(f, 'quiz-items.json', 'items');
        item.correctOptionId = 'e';
      }),
      'correct option "e" is not among its options',
    );
  });
  it('a quiz item with three options, a repeated option id or an unknown lesson', () => {
    const problems = broken((f) => {
      const [one, two, three] = list(f, 'quiz-items.json', 'items') as [Json, Json, Json];
      (one.options as Json[]).pop();
      ((two.options as Json[])[3] as Json).id = 'a';
      three.lesson = 'no-such-lesson';
    });
    includes(problems, 'quiz item massage-area: needs exactly 4 options, has 3');
    includes(problems, 'quiz item hand-position: option ids must be unique');
    includes(problems, 'lesson "no-such-lesson" does not exist');
  });
  it('a quiz item without a source or a translation', () => {
    const problems = broken((f) => {
      const item = first(f, 'quiz-items.json', 'items');
      item.sources = [];
      (item.explanation as Json).id = '';
    });
    includes(problems, 'quiz item massage-area: needs at least one source');
    includes(problems, 'Indonesian text is empty');
  });
  it("a lesson page with an unknown illustration, or a picture that is not its step's", () => {
    const problems = broken((f) => {
      const pages = list(f, 'lessons.json', 'lessons').flatMap((l) => l.pages as Json[]);
      (pages.find((p) => p.id === 'breast-milk-only') as Json).illustration = 'baby-face';
      (pages.find((p) => p.id === 'technique-oil') as Json).illustration = 'room';
    });
    includes(problems, 'illustration "baby-face" is not an IllustrationId');
    includes(problems, 'a page teaching step "oil" must show that step\'s illustration "oil"');
  });
  it('a massage step no lesson teaches', () => {
    includes(
      broken((f) => {
        const technique = list(f, 'lessons.json', 'lessons').find((l) => l.id === 'technique') as Json;
        technique.pages = (technique.pages as Json[]).filter((p) => p.step !== 'finish');
      }),
      'no page teaches massage step "finish"',
    );
  });
  it('a repeated skill step, no critical step, or a pass rule that is not marked programme-defined', () => {
    const problems = broken((f) => {
      const steps = list(f, 'skill-checklist.json', 'steps');
      (steps[1] as Json).id = 'safety-consent';
      for (const s of steps) s.critical = false;
      (f['skill-checklist.json']?.passRule as Json).programmeDefined = false;
    });
    includes(problems, 'skill checklist: id "safety-consent" is used twice');
    includes(problems, 'needs at least one critical step');
    includes(problems, 'the pass rule is programme-defined and must say so');
  });
  it('a skill checklist that skips an SOP step or asks for more passes than it has steps', () => {
    const problems = broken((f) => {
      const finish = list(f, 'skill-checklist.json', 'steps').find((s) => s.id === 'finish-clean') as Json;
      finish.sopSteps = [];
      (f['skill-checklist.json']?.passRule as Json).minOthersPassed = 7;
    });
    includes(problems, 'SOP step i is not checked');
    includes(problems, 'minOthersPassed is above the 6 non-critical steps');
  });
});
