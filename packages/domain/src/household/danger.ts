import { dayPostpartum } from '../postpartum.ts';
import { type DayThresholdRow, dayOfLifeAt, isDayOver, thresholdForDay, timeOf } from './day-of-life.ts';
import { type BreastComfort, currentEntries, type HouseholdEntry, isKind } from './entries.ts';
import { latestWeight, lostMoreThan } from './weight.ts';

export type DangerSeverity = 'immediate' | 'soon';

/** How a sign is recognised in logged data (content/danger-signs.json `detection`). */
export type DangerDetectionRule =
  | { rule: 'weight_loss'; maxLossPercent: number }
  | { rule: 'weight_not_regained'; byDay: number }
  | { rule: 'too_few_wet_nappies'; fromDay: number; minWetNappies: readonly DayThresholdRow[] }
  | { rule: 'meconium_after_day'; afterDay: number };

/** The parts of a danger sign (content/danger-signs.json) the rules need. */
export interface DangerSignRule {
  id: string;
  who: 'baby' | 'mother';
  severity: DangerSeverity;
  detection: DangerDetectionRule | null;
  motherState: { fever?: boolean; breastComfort?: BreastComfort } | null;
  safetyQuestions: readonly string[];
}

/** How the sign reached us; one sign can arrive several ways. */
export type DangerVia = 'danger_report' | 'mother_state' | 'safety_check' | 'detected';

export interface ActiveDangerSign {
  signId: string;
  who: 'baby' | 'mother';
  /** The baby it is about; null for the mother's signs. */
  babyId: string | null;
  severity: DangerSeverity;
  via: DangerVia[];
  /** Ids of the entries that show it, oldest first, so the server can raise one alert per sign and link them. */
  evidence: string[];
  /** Day of life of the newest evidence; for too few wet nappies, the day judged. */
  day: number | null;
}

export interface DangerInput {
  signs: readonly DangerSignRule[];
  /** The household's entries; the current view is taken here. */
  entries: readonly HouseholdEntry[];
  babies: readonly { id: string; birthWeightG: number | null }[];
  deliveredAt: Date;
  now: Date;
  /** Reports, mother's states and safety stops before this are ignored (e.g. those the midwife has closed). */
  reportedSince?: Date | null;
}

/**
 * The danger signs active now, most urgent first (then in content order).
 *
 * Reported: each sign named in a danger_report; the mother's latest fever and breast state matched against the
 * signs' `motherState` (the most specific match only, so "red painful breast with fever" does not also raise
 * "fever"); each danger question that stopped a massage (`safetyQuestions`). A reported id the content does not
 * know (an older or newer content version) is kept, as immediate: a family's alarm must reach the midwife.
 *
 * Detected, per baby: the latest weight more than the allowed percent below birth weight; a weight taken on
 * `byDay` or later still below birth weight; too few wet nappies on the latest completed day from `fromDay` on
 * that has any nappy logged (a day with no nappy logged is not judged: nothing logged is not zero nappies); the
 * latest stool with a logged colour after `afterDay` still meconium.
 */
export function activeDangerSigns(input: DangerInput): ActiveDangerSign[] {
  const entries = currentEntries(input.entries);
  const since = input.reportedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
  const reported = entries.filter((e) => timeOf(e.occurredAt) >= since);
  const found = collector(input);

  for (const e of reported) {
    if (isKind(e, 'danger_report')) for (const id of e.data.signs) found.add(id, e.babyId, 'danger_report', [e]);
    if (isKind(e, 'massage_session') && e.data.outcome === 'stopped_safety') {
      for (const question of e.data.safetyStops) {
        for (const sign of input.signs.filter((s) => s.safetyQuestions.includes(question))) {
          found.add(sign.id, null, 'safety_check', [e]);
        }
      }
    }
  }
  motherStateSigns(input.signs, reported, found);
  for (const baby of input.babies) detectedSigns(input, entries, baby, found);
  return found.list();
}

/** The latest known value of each field: a state logged with only the sleep hours does not clear a fever. */
function motherStateSigns(signs: readonly DangerSignRule[], entries: readonly HouseholdEntry[], found: Collector) {
  const states = entries
    .filter((e): e is HouseholdEntry<'mother_state'> => isKind(e, 'mother_state'))
    .sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt));
  let fever: HouseholdEntry<'mother_state'> | undefined;
  let breast: HouseholdEntry<'mother_state'> | undefined;
  for (const s of states) {
    if (s.data.fever !== null) fever = s;
    if (s.data.breastComfort !== null) breast = s;
  }
  const matches = signs.filter((sign) => {
    const p = sign.motherState;
    if (!p || (p.fever === undefined && p.breastComfort === undefined)) return false;
    if (p.fever !== undefined && fever?.data.fever !== p.fever) return false;
    return p.breastComfort === undefined || breast?.data.breastComfort === p.breastComfort;
  });
  const size = (s: DangerSignRule) => Object.keys(s.motherState ?? {}).length;
  const mostSpecific = matches.filter((m) => !matches.some((other) => other !== m && size(other) > size(m)));
  for (const sign of mostSpecific) {
    const evidence = [
      sign.motherState?.fever !== undefined ? fever : undefined,
      sign.motherState?.breastComfort !== undefined ? breast : undefined,
    ];
    found.add(
      sign.id,
      null,
      'mother_state',
      evidence.filter((e) => e !== undefined),
    );
  }
}

function detectedSigns(
  input: DangerInput,
  entries: readonly HouseholdEntry[],
  baby: { id: string; birthWeightG: number | null },
  found: Collector,
) {
  const mine = entries.filter((e) => e.babyId === baby.id);
  const dayOf = (e: HouseholdEntry) => dayOfLifeAt(input.deliveredAt, e.occurredAt);
  const weight = latestWeight(mine, baby.id);
  const nappies = mine
    .filter((e): e is HouseholdEntry<'nappy'> => isKind(e, 'nappy'))
    .sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt));

  for (const sign of input.signs) {
    const rule = sign.detection;
    if (!rule) continue;
    if (rule.rule === 'weight_loss' || rule.rule === 'weight_not_regained') {
      const birth = baby.birthWeightG;
      if (!weight || birth === null || !(birth > 0)) continue;
      const active =
        rule.rule === 'weight_loss'
          ? lostMoreThan(birth, weight.data.grams, rule.maxLossPercent)
          : weight.data.grams < birth && (dayOf(weight) ?? 0) >= rule.byDay;
      if (active) found.add(sign.id, baby.id, 'detected', [weight]);
    } else if (rule.rule === 'too_few_wet_nappies') {
      const judged = latestJudgedNappyDay(nappies, dayOf, rule.fromDay, input);
      if (judged === undefined) continue;
      const dayNappies = nappies.filter((n) => dayOf(n) === judged);
      const min = thresholdForDay(rule.minWetNappies, judged);
      if (min !== undefined && dayNappies.filter((n) => n.data.wet).length < min) {
        found.add(sign.id, baby.id, 'detected', dayNappies, judged);
      }
    } else {
      const coloured = nappies.filter((n) => n.data.stoolColour !== null && (dayOf(n) ?? 0) > rule.afterDay);
      const lastOther = coloured.findLastIndex((n) => n.data.stoolColour !== 'meconium');
      const stillMeconium = coloured.slice(lastOther + 1);
      if (stillMeconium.length > 0) found.add(sign.id, baby.id, 'detected', stillMeconium);
    }
  }
}

/** The latest completed day from `fromDay` on with at least one nappy logged. */
function latestJudgedNappyDay(
  nappies: readonly HouseholdEntry<'nappy'>[],
  dayOf: (e: HouseholdEntry) => number | undefined,
  fromDay: number,
  input: DangerInput,
): number | undefined {
  let latest: number | undefined;
  for (const n of nappies) {
    const day = dayOf(n);
    if (day === undefined || day < fromDay || !isDayOver(input.deliveredAt, day, input.now)) continue;
    if (latest === undefined || day > latest) latest = day;
  }
  return latest;
}

interface Collected extends ActiveDangerSign {
  order: number;
  /** Evidence id → its time, to list it oldest first and date the sign by the newest. */
  times: Map<string, number>;
}

/** Collects signs, one per sign and baby, merging the ways and the evidence they arrived with. */
function collector(input: DangerInput) {
  const bySign = new Map<string, Collected>();

  function add(
    signId: string,
    babyId: string | null,
    via: DangerVia,
    evidence: readonly HouseholdEntry[],
    judgedDay?: number,
  ) {
    const order = input.signs.findIndex((s) => s.id === signId);
    const sign = input.signs[order];
    const who = sign?.who ?? (babyId === null ? 'mother' : 'baby');
    const forBaby = who === 'baby' ? babyId : null;
    const key = `${signId}|${forBaby ?? ''}`;
    const found: Collected = bySign.get(key) ?? {
      signId,
      who,
      babyId: forBaby,
      severity: sign?.severity ?? 'immediate',
      via: [],
      evidence: [],
      day: null,
      order: order === -1 ? input.signs.length : order,
      times: new Map(),
    };
    if (!found.via.includes(via)) found.via.push(via);
    for (const e of evidence) found.times.set(e.id, timeOf(e.occurredAt));
    if (judgedDay !== undefined) found.day = judgedDay;
    bySign.set(key, found);
  }

  function list(): ActiveDangerSign[] {
    const rank = (s: Collected) => (s.severity === 'immediate' ? 0 : 1);
    return [...bySign.values()]
      .sort((a, b) => rank(a) - rank(b) || a.order - b.order)
      .map(({ order: _order, times, ...sign }) => {
        const sorted = [...times.entries()].sort((a, b) => a[1] - b[1]);
        const newest = sorted.at(-1)?.[1];
        const newestDay = newest === undefined ? undefined : dayPostpartum(input.deliveredAt, new Date(newest));
        return { ...sign, evidence: sorted.map(([id]) => id), day: sign.day ?? newestDay ?? null };
      });
  }

  return { add, list };
}

type Collector = ReturnType<typeof collector>;
