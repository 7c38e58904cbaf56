import { dayOfLifeAt, dayOfLifeWindow, isDayOver, timeOf } from '../household/day-of-life.ts';
import { currentEntries, type HouseholdEntry, isKind } from '../household/entries.ts';
import {
  firstActiveDay,
  isMassageDone,
  lastActiveDay,
  type ScheduleCarePlan,
  type ScheduleProtocol,
} from '../household/schedule.ts';

const HOUR_MS = 3600 * 1000;

/**
 * The midwife's alert rules. Bump ALERT_RULES_VERSION whenever a rule's threshold or meaning changes: every alert
 * records the version that raised it (alert.rule_version), so a report can tell alerts under old and new rules
 * apart. Each rule names the section of the evidence file (shared/domain/oxytocin-massage-evidence.md) it rests on
 * and its grade there; rules that are programme follow-up choices rather than clinical thresholds say so (grade D).
 *
 * Clinical danger signs logged by the household (weight, nappies, stools, the mother's fever and breasts, a danger
 * report such as jaundice) are recognised by `activeDangerSigns` (household/danger.ts) from the content file
 * content/danger-signs.json; the rules below name them and add what that function does not look at: a day with
 * nappies but no stool after day 5, and the rules about time (a stretch without massage, without sync, or with
 * "not adequate" checklists).
 */
export const ALERT_RULES_VERSION = 1;

export type AlertSeverity = 'immediate' | 'soon';

export interface AlertRuleSource {
  /** Section of the evidence file. */
  section: string;
  ref: string;
  /** S, S2, D or U, as in the evidence file's legend. */
  grade: 'S' | 'S2' | 'D' | 'U';
}

export interface AlertRule {
  id: string;
  /** The rule's own version (the set's version is ALERT_RULES_VERSION). */
  version: number;
  /** The alert.sign_id it raises; danger signs keep the id they have in content/danger-signs.json. */
  signId: string;
  severity: AlertSeverity;
  /** entry: raised when a record arrives; time: by the clock too (housekeeping), one alert per stretch (episode). */
  trigger: 'entry' | 'time';
  /** Label for signs that are not in content/danger-signs.json. */
  label?: { id: string; en: string };
  sources: readonly AlertRuleSource[];
}

/** Days from which a day with nappies logged but no stool raises an alert ("after day 5"). */
export const NO_STOOL_AFTER_DAY = 5;
/** Consecutive days of life with a "not adequate" checklist that raise an alert. */
export const NOT_ADEQUATE_DAYS = 3;
/** Hours without a massage, while the protocol is active, that raise an alert. */
export const NO_MASSAGE_HOURS = 48;
/** Hours without anything arriving from the household's phones that raise an alert. */
export const NO_SYNC_HOURS = 72;
/** The last day of life the household is followed up (the longest protocol runs to day 14). */
export const FOLLOW_UP_LAST_DAY = 14;

export const ALERT_RULES: readonly AlertRule[] = [
  {
    id: 'weight-loss-over-10-percent',
    version: 1,
    signId: 'baby-weight-loss',
    severity: 'soon',
    trigger: 'entry',
    sources: [
      { section: '4.1', ref: 'IDAI list; Flaherman 2015; Noel-Weiss 2008: > 10% of birth weight, review', grade: 'S2' },
      { section: '3.5', ref: 'van Dommelen 2007: the 10% rule is a flag for evaluation', grade: 'S' },
    ],
  },
  {
    id: 'birth-weight-not-regained-day-14',
    version: 1,
    signId: 'baby-weight-not-regained',
    severity: 'soon',
    trigger: 'entry',
    sources: [{ section: '4.1', ref: 'IDAI list: birth weight not regained by 10–14 days, review', grade: 'S2' }],
  },
  {
    id: 'too-few-wet-nappies-from-day-5',
    version: 1,
    signId: 'baby-too-few-wet-nappies',
    severity: 'soon',
    trigger: 'entry',
    sources: [
      { section: '4.1', ref: 'Texas WIC table (wet nappies by day of life); IDAI: < 6/day from day 5–6', grade: 'S2' },
    ],
  },
  {
    id: 'meconium-after-day-5',
    version: 1,
    signId: 'baby-meconium-after-day-5',
    severity: 'soon',
    trigger: 'entry',
    sources: [{ section: '4.1', ref: 'IDAI list; Grey Bruce: meconium after day 5, see a provider', grade: 'S2' }],
  },
  {
    id: 'no-stool-after-day-5',
    version: 1,
    signId: 'baby-no-stool-after-day-5',
    severity: 'soon',
    trigger: 'entry',
    label: {
      id: 'Bayi tidak BAB seharian setelah hari ke-5',
      en: 'No stool for a whole day after day 5',
    },
    sources: [
      { section: '4.1', ref: 'IDAI list; Grey Bruce: < 3 stools/day under 3 weeks, see a provider', grade: 'S2' },
      { section: '3.2', ref: 'IDAI/Roesli: stools ≥ 3–4/day and yellow by day 5', grade: 'S2' },
    ],
  },
  {
    id: 'jaundice-reported',
    version: 1,
    signId: 'baby-jaundice',
    severity: 'immediate',
    trigger: 'entry',
    sources: [
      { section: '4.1', ref: 'WHO/PCPNC-based lists: jaundice first 24 h, palms and soles, > 14 days', grade: 'S2' },
    ],
  },
  {
    id: 'mother-fever',
    version: 1,
    signId: 'mother-fever',
    severity: 'soon',
    trigger: 'entry',
    sources: [{ section: '4.2', ref: 'SAP "Tanda bahaya nifas": postpartum fever', grade: 'U' }],
  },
  {
    id: 'breast-red-painful',
    version: 1,
    signId: 'mother-breast-red-tender',
    severity: 'soon',
    trigger: 'entry',
    sources: [{ section: '4.2', ref: 'WHO PCPNC: swollen, red or tender breasts, as soon as possible', grade: 'S2' }],
  },
  {
    id: 'breast-red-painful-with-fever',
    version: 1,
    signId: 'mother-breast-red-painful-fever',
    severity: 'soon',
    trigger: 'entry',
    sources: [{ section: '4.2', ref: 'WHO Mastitis (2000): painful red area with fever', grade: 'S2' }],
  },
  {
    id: 'checklist-not-adequate-3-days',
    version: 1,
    signId: 'checklist-not-adequate-3-days',
    severity: 'soon',
    trigger: 'time',
    label: {
      id: 'Ceklis kecukupan ASI "belum cukup" 3 hari berturut-turut',
      en: 'Milk adequacy checklist "not adequate" 3 days in a row',
    },
    sources: [
      { section: '3.2', ref: 'Checklist items from IDAI/Roesli signs of enough milk', grade: 'S2' },
      {
        section: '3.2',
        ref: 'Three days in a row is a programme follow-up choice, not a published cut-off',
        grade: 'D',
      },
    ],
  },
  {
    id: 'no-massage-2-days',
    version: 1,
    signId: 'no-massage-2-days',
    severity: 'soon',
    trigger: 'time',
    label: {
      id: 'Tidak ada pijat tercatat selama 2 hari (protokol masih berjalan)',
      en: 'No massage logged for 2 days while the protocol is active',
    },
    sources: [
      {
        section: '1.2',
        ref: 'Protocols ask for 1–2 sessions a day; 2 days is a programme follow-up choice',
        grade: 'D',
      },
    ],
  },
  {
    id: 'no-sync-3-days',
    version: 1,
    signId: 'no-sync-3-days',
    severity: 'soon',
    trigger: 'time',
    label: {
      id: 'Tidak ada data masuk dari HP keluarga selama 3 hari',
      en: "Nothing received from the household's phones for 3 days",
    },
    sources: [
      {
        section: '3.2',
        ref: 'Adequacy is judged from logged nappies and weights; without data nothing can be judged. Programme rule',
        grade: 'D',
      },
    ],
  },
];

export function alertRuleBySign(signId: string): AlertRule | undefined {
  return ALERT_RULES.find((r) => r.signId === signId);
}

/** An alert a rule found, to be stored once: per sign and entry, or per sign and episode. */
export interface FoundAlert {
  ruleId: string;
  signId: string;
  severity: AlertSeverity;
  /** The newest record that shows it, if any. */
  entryId: string | null;
  /** The stretch a time-based alert is about; null for alerts tied to one record. */
  episode: string | null;
}

function ruleById(id: string): AlertRule {
  const rule = ALERT_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown alert rule ${id}`);
  return rule;
}

function found(ruleId: string, entryId: string | null, episode: string | null): FoundAlert {
  const rule = ruleById(ruleId);
  return { ruleId, signId: rule.signId, severity: rule.severity, entryId, episode };
}

/**
 * Days after day 5 on which nappies were logged but none was dirty, one alert per baby and day (the day's last
 * nappy is the evidence). Only completed days are judged, and only days with nappies logged: nothing logged is
 * not "no stool".
 */
export function noStoolDays(input: {
  entries: readonly HouseholdEntry[];
  babies: readonly { id: string }[];
  deliveredAt: Date;
  now: Date;
}): FoundAlert[] {
  const out: FoundAlert[] = [];
  const nappies = currentEntries(input.entries)
    .filter((e): e is HouseholdEntry<'nappy'> => isKind(e, 'nappy'))
    .sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt));
  for (const baby of input.babies) {
    const byDay = new Map<number, HouseholdEntry<'nappy'>[]>();
    for (const n of nappies.filter((n) => n.babyId === baby.id)) {
      const day = dayOfLifeAt(input.deliveredAt, n.occurredAt);
      if (day === undefined || day <= NO_STOOL_AFTER_DAY || !isDayOver(input.deliveredAt, day, input.now)) continue;
      byDay.set(day, [...(byDay.get(day) ?? []), n]);
    }
    for (const [day, list] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
      if (list.some((n) => n.data.dirty)) continue;
      out.push(found('no-stool-after-day-5', list.at(-1)?.id ?? null, `baby:${baby.id}:day:${day}`));
    }
  }
  return out;
}

export interface TimeRuleInput {
  deliveredAt: Date;
  now: Date;
  /** The household's entries; the current view is taken here. */
  entries: readonly HouseholdEntry[];
  /** The protocol in the care plan; null when none applies (no massage rule then). */
  protocol: Pick<ScheduleProtocol, 'firstDay' | 'lastDay' | 'extendableToDay'> | null;
  plan: ScheduleCarePlan;
  /** When anything last arrived from the household's phones; null if never (not activated: no sync rule). */
  lastSyncAt: Date | null;
}

/**
 * The rules about time. Each stretch gets one episode name, so evaluating again (every hour, on every push)
 * raises nothing new until a new stretch begins:
 * - no massage for NO_MASSAGE_HOURS while today is a protocol day: `since:<last massage, or the protocol's start>`;
 * - nothing synced for NO_SYNC_HOURS up to day FOLLOW_UP_LAST_DAY: `since:<last sync>`;
 * - the checklist "not adequate" on NOT_ADEQUATE_DAYS consecutive days of life (the day's latest checklist counts,
 *   per baby): `baby:<id>:from-day:<first day of the run>`; raised when the run reaches the length.
 */
export function timeBasedAlerts(input: TimeRuleInput): FoundAlert[] {
  const out: FoundAlert[] = [];
  const { deliveredAt, now } = input;
  const entries = currentEntries(input.entries);
  if (dayOfLifeAt(deliveredAt, now.toISOString()) === undefined) return out;

  let lastMassage: { id: string; at: Date } | null = null;
  for (const e of entries) {
    const t = timeOf(e.occurredAt);
    if (isMassageDone(e) && t <= now.getTime() && (!lastMassage || t >= lastMassage.at.getTime())) {
      lastMassage = { id: e.id, at: new Date(t) };
    }
  }
  const noMassage = noMassageAlert({ ...input, lastMassage });
  if (noMassage) out.push(noMassage);
  const noSync = noSyncAlert(input);
  if (noSync) out.push(noSync);

  // The latest checklist per baby and day of life.
  const checks = entries
    .filter((e): e is HouseholdEntry<'adequacy_check'> => isKind(e, 'adequacy_check'))
    .sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt));
  const latest = new Map<string, Map<number, HouseholdEntry<'adequacy_check'>>>();
  for (const c of checks) {
    const baby = c.babyId ?? '';
    const days = latest.get(baby) ?? new Map();
    days.set(c.data.dayOfLife, c);
    latest.set(baby, days);
  }
  for (const [baby, days] of latest) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    let runStart: number | null = null;
    let runLength = 0;
    let previous: number | null = null;
    for (const day of sorted) {
      const check = days.get(day) as HouseholdEntry<'adequacy_check'>;
      if (check.data.result !== 'not_adequate') {
        runStart = null;
        runLength = 0;
      } else if (runStart !== null && previous === day - 1) {
        runLength++;
      } else {
        runStart = day;
        runLength = 1;
      }
      previous = day;
      if (runLength === NOT_ADEQUATE_DAYS && runStart !== null) {
        out.push(found('checklist-not-adequate-3-days', check.id, `baby:${baby || 'none'}:from-day:${runStart}`));
      }
    }
  }
  return out;
}

/**
 * No massage for NO_MASSAGE_HOURS while today is a protocol day, counted from the last massage given (a safety stop
 * is not one) or, when there is none since the protocol's first day, from that day's start.
 */
export function noMassageAlert(input: {
  deliveredAt: Date;
  now: Date;
  protocol: TimeRuleInput['protocol'];
  plan: ScheduleCarePlan;
  lastMassage: { id: string; at: Date } | null;
}): FoundAlert | null {
  const { deliveredAt, now, protocol } = input;
  const today = dayOfLifeAt(deliveredAt, now.toISOString());
  if (!protocol || today === undefined) return null;
  const firstDay = firstActiveDay(protocol as ScheduleProtocol, input.plan);
  if (today < firstDay || today > lastActiveDay(protocol as ScheduleProtocol, input.plan)) return null;
  const start = dayOfLifeWindow(deliveredAt, firstDay).start.getTime();
  const massaged = input.lastMassage && input.lastMassage.at.getTime() >= start ? input.lastMassage : null;
  const since = massaged ? massaged.at.getTime() : start;
  if (now.getTime() - since < NO_MASSAGE_HOURS * HOUR_MS) return null;
  return found('no-massage-2-days', massaged?.id ?? null, `since:${new Date(since).toISOString()}`);
}

/** Nothing arrived from the household for NO_SYNC_HOURS, up to day FOLLOW_UP_LAST_DAY; never synced: no alert. */
export function noSyncAlert(input: { deliveredAt: Date; now: Date; lastSyncAt: Date | null }): FoundAlert | null {
  const today = dayOfLifeAt(input.deliveredAt, input.now.toISOString());
  if (!input.lastSyncAt || today === undefined || today > FOLLOW_UP_LAST_DAY) return null;
  if (input.now.getTime() - input.lastSyncAt.getTime() < NO_SYNC_HOURS * HOUR_MS) return null;
  return found('no-sync-3-days', null, `since:${input.lastSyncAt.toISOString()}`);
}
