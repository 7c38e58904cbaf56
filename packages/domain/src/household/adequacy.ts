import { type DayThresholdRow, dayOfLifeAt, dayOfLifeWindow, isDayOver, thresholdForDay } from './day-of-life.ts';
import { currentEntries, type HouseholdEntry, isKind } from './entries.ts';
import { latestWeight, lostMoreThan, weightChangePercent } from './weight.ts';

/** What a counting item counts among the day's entries. */
export type AdequacyMeasure = 'feeds' | 'wet_nappies' | 'dirty_nappies';

/** The parts of a checklist item (content/adequacy-checklist.json) the evaluation needs. */
export type AdequacyItemRule = { id: string; fromDay: number; required: boolean } & (
  | { kind: 'count'; measure: AdequacyMeasure; thresholds: readonly DayThresholdRow[] }
  | { kind: 'yes_no' }
  | { kind: 'weight_loss'; maxLossPercent: number }
  | { kind: 'weight_regained'; byDay: number }
);

export interface AdequacyChecklistRules {
  items: readonly AdequacyItemRule[];
  resultRule: { rule: 'every_required_item_passes' };
}

export type AdequacyItemStatus = 'pass' | 'fail' | 'unknown';
export type AdequacyOverall = 'adequate' | 'not_adequate' | 'incomplete';

export interface AdequacyItemResult {
  id: string;
  status: AdequacyItemStatus;
  /** Count items: the day's count; weight items: change from birth weight in %; yes/no: the answer. */
  observed: number | boolean | null;
  /** Count items: the day's minimum; weight items: the lowest allowed change in % (-10, 0); yes/no: true. */
  threshold: number | boolean | null;
  /** What decided the status: logged entries, the mother's answer, or nothing yet. */
  basis: 'entries' | 'answer' | null;
}

export interface AdequacyEvaluation {
  dayOfLife: number;
  /** Only the items asked on this day (an item starting on day 6 is left out on day 3). */
  items: AdequacyItemResult[];
  result: AdequacyOverall;
}

export interface AdequacyInput {
  checklist: AdequacyChecklistRules;
  dayOfLife: number;
  deliveredAt: Date;
  now: Date;
  babyId: string;
  birthWeightG: number | null;
  /** The household's entries; the current view is taken here. Only this baby's feeds, nappies and weights count. */
  entries: readonly HouseholdEntry[];
  /** The mother's answers by item id (AdequacyCheckData.answers); null or absent = not answered. */
  answers: Readonly<Record<string, boolean | null | undefined>>;
}

function counts(entry: HouseholdEntry, measure: AdequacyMeasure): boolean {
  if (measure === 'feeds') return entry.kind === 'feed';
  if (!isKind(entry, 'nappy')) return false;
  return measure === 'wet_nappies' ? entry.data.wet : entry.data.dirty;
}

/** Whether anything of the measure's kind was logged: a nappy log with no wet nappy is a real zero. */
function logsKind(entry: HouseholdEntry, measure: AdequacyMeasure): boolean {
  return entry.kind === (measure === 'feeds' ? 'feed' : 'nappy');
}

type ItemOutcome = Omit<AdequacyItemResult, 'id'>;

/** The mother's answer as an outcome, or null when she has not answered. */
function answered(
  answer: boolean | null | undefined,
  threshold: number | boolean | null,
  observed: number | null,
): ItemOutcome | null {
  if (answer === null || answer === undefined) return null;
  return { status: answer ? 'pass' : 'fail', observed: observed ?? answer, threshold, basis: 'answer' };
}

function unknown(threshold: number | boolean | null, observed: number | null = null): ItemOutcome {
  return { status: 'unknown', observed, threshold, basis: null };
}

/**
 * Counting items. The logs prove a pass as soon as the count reaches the minimum. Below it, the mother's answer
 * decides (families do not log every feed); without one, the item fails only once the day is over and the
 * family logged that kind of entry that day, otherwise it stays unknown.
 */
function countItem(
  rule: Extract<AdequacyItemRule, { kind: 'count' }>,
  dayEntries: readonly HouseholdEntry[],
  dayOver: boolean,
  answer: boolean | null | undefined,
  day: number,
): ItemOutcome {
  const min = thresholdForDay(rule.thresholds, day) ?? null;
  const count = dayEntries.filter((e) => counts(e, rule.measure)).length;
  if (min !== null && count >= min) return { status: 'pass', observed: count, threshold: min, basis: 'entries' };
  const fromAnswer = answered(answer, min, count);
  if (fromAnswer) return fromAnswer;
  const judged = min !== null && dayOver && dayEntries.some((e) => logsKind(e, rule.measure));
  return { status: judged ? 'fail' : 'unknown', observed: count, threshold: min, basis: judged ? 'entries' : null };
}

/**
 * Weight items use the latest weight taken up to the end of the day: babies are weighed at visits, not daily,
 * so the last known weight stands until a new one. Without a weight (or a birth weight) the answer decides.
 */
function weightItem(
  rule: Extract<AdequacyItemRule, { kind: 'weight_loss' | 'weight_regained' }>,
  input: AdequacyInput,
  entries: readonly HouseholdEntry[],
  dayEnd: Date,
): ItemOutcome {
  const threshold = rule.kind === 'weight_loss' ? -rule.maxLossPercent : 0;
  const latest = latestWeight(entries, input.babyId, dayEnd);
  const birth = input.birthWeightG;
  if (latest && birth !== null && birth > 0) {
    const observed = weightChangePercent(birth, latest.data.grams);
    if (rule.kind === 'weight_loss') {
      const failed = lostMoreThan(birth, latest.data.grams, rule.maxLossPercent);
      return { status: failed ? 'fail' : 'pass', observed, threshold, basis: 'entries' };
    }
    if (latest.data.grams >= birth) return { status: 'pass', observed, threshold, basis: 'entries' };
    // Below birth weight before `byDay` is still on track: only a weight from `byDay` on shows it was not regained.
    const weighedOn = dayOfLifeAt(input.deliveredAt, latest.occurredAt) ?? 0;
    if (weighedOn >= rule.byDay) return { status: 'fail', observed, threshold, basis: 'entries' };
    return answered(input.answers[rule.id], threshold, observed) ?? unknown(threshold, observed);
  }
  return answered(input.answers[rule.id], threshold, null) ?? unknown(threshold);
}

/**
 * The milk-adequacy checklist for one day of life. Counting items use the entries of that day of life (24
 * hours from the delivery time), not the calendar day.
 *
 * Overall (study-defined, content resultRule "every_required_item_passes"): not_adequate when any item fails;
 * adequate when every item passes, where an optional item (weights) may be unknown; incomplete otherwise.
 */
export function evaluateAdequacy(input: AdequacyInput): AdequacyEvaluation {
  const day = input.dayOfLife;
  if (!Number.isInteger(day) || day < 1) throw new RangeError(`day of life must be 1 or more, got ${day}`);
  const entries = currentEntries(input.entries);
  const dayEntries = entries.filter(
    (e) => e.babyId === input.babyId && dayOfLifeAt(input.deliveredAt, e.occurredAt) === day,
  );
  const dayOver = isDayOver(input.deliveredAt, day, input.now);
  const dayEnd = dayOfLifeWindow(input.deliveredAt, day).end;

  const results: { rule: AdequacyItemRule; result: AdequacyItemResult }[] = [];
  for (const rule of input.checklist.items) {
    if (day < rule.fromDay) continue;
    const answer = input.answers[rule.id];
    const outcome =
      rule.kind === 'count'
        ? countItem(rule, dayEntries, dayOver, answer, day)
        : rule.kind === 'yes_no'
          ? (answered(answer, true, null) ?? unknown(true))
          : weightItem(rule, input, entries, dayEnd);
    results.push({ rule, result: { id: rule.id, ...outcome } });
  }

  return { dayOfLife: day, items: results.map((r) => r.result), result: overall(input.checklist, results) };
}

function overall(
  checklist: AdequacyChecklistRules,
  results: readonly { rule: AdequacyItemRule; result: AdequacyItemResult }[],
): AdequacyOverall {
  // One rule so far; a new study-defined rule in the content needs a case here (the type forces it).
  switch (checklist.resultRule.rule) {
    case 'every_required_item_passes': {
      if (results.some((r) => r.result.status === 'fail')) return 'not_adequate';
      const missing = results.some((r) => r.result.status === 'unknown' && r.rule.required);
      return missing ? 'incomplete' : 'adequate';
    }
  }
}
