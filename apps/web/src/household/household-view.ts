import { DANGER_SIGNS, defaultProtocol, type Protocol, protocolById } from '@lancar/content';
import type { CarePlanOutput, MotherDetail } from '@lancar/contracts';
import {
  type ActiveDangerSign,
  activeDangerSigns,
  dayPostpartum,
  type HouseholdEntry,
  lastFeed,
  type MassageProgress,
  massageProgress,
  startDayOfLife,
  suggestedTimesOnDay,
} from '@lancar/domain';
import { phoneOffsetMinutes } from '../offline/household-store.ts';
import type { LocalEntry } from '../offline/local-db.ts';

/** The domain's view of what this phone holds for one mother (refused entries do not count). */
export function domainEntries(entries: readonly LocalEntry[], motherId: string): HouseholdEntry[] {
  return entries
    .filter((e) => e.motherId === motherId && e.state !== 'rejected')
    .map((e) => ({
      id: e.id,
      motherId: e.motherId,
      babyId: e.babyId,
      kind: e.kind,
      occurredAt: e.occurredAt,
      recordedBy: e.recordedBy,
      supersedes: e.supersedes,
      data: e.data as unknown as HouseholdEntry['data'],
    }));
}

/** The mother's protocol: the midwife's plan if the phone has it, else the default one. */
export function planFor(
  plans: readonly CarePlanOutput[],
  motherId: string,
): { protocol: Protocol; extendedToDay: number | null; startsOn: string | null } {
  const plan = plans.find((p) => p.motherId === motherId);
  return {
    protocol: (plan && protocolById(plan.protocolId)) ?? defaultProtocol(),
    extendedToDay: plan?.extendedToDay ?? null,
    startsOn: plan?.startsOn ?? null,
  };
}

/** Planned, done and missed massage sessions of a mother, from what this phone holds. */
export function progressFor(
  mother: MotherDetail,
  entries: readonly LocalEntry[],
  plans: readonly CarePlanOutput[],
  now: Date,
): { protocol: Protocol; progress: MassageProgress | undefined } {
  const { protocol, extendedToDay, startsOn } = planFor(plans, mother.id);
  if (!mother.deliveredAt) return { protocol, progress: undefined };
  const deliveredAt = new Date(mother.deliveredAt);
  return {
    protocol,
    progress: massageProgress({
      protocol,
      // The midwife's start date counts from the phone's own calendar, as the household sees the dates.
      plan: { extendedToDay, startDay: startDayOfLife(deliveredAt, startsOn, phoneOffsetMinutes(now)) },
      deliveredAt,
      entries: domainEntries(entries, mother.id),
      now,
      utcOffsetMinutes: phoneOffsetMinutes(now),
    }),
  };
}

export interface HomeView {
  day: number | undefined;
  /** Suggested times of today's planned sessions not done yet, still ahead. */
  upcoming: Date[];
  progress: MassageProgress | undefined;
  protocol: Protocol;
  lastFeed: ReturnType<typeof lastFeed>;
  dangers: ActiveDangerSign[];
}

/** Reported danger signs stay on the home screen this long; detected ones as long as the data shows them. */
const REPORTED_SHOWN_MS = 48 * 3600 * 1000;

export function homeView(
  mother: MotherDetail,
  entries: readonly LocalEntry[],
  plans: readonly CarePlanOutput[],
  now: Date,
): HomeView {
  const { protocol, progress } = progressFor(mother, entries, plans, now);
  const own = domainEntries(entries, mother.id);
  const deliveredAt = mother.deliveredAt ? new Date(mother.deliveredAt) : undefined;
  if (!deliveredAt || !progress)
    return { day: undefined, upcoming: [], progress: undefined, protocol, lastFeed: null, dangers: [] };
  const day = dayPostpartum(deliveredAt, now);
  const today = progress.days.find((d) => d.day === day);
  const upcoming =
    today && day !== undefined
      ? suggestedTimesOnDay(protocol, deliveredAt, day, phoneOffsetMinutes(now))
          .slice(today.done, today.planned)
          .filter((at) => at.getTime() > now.getTime())
      : [];
  return {
    day,
    upcoming,
    protocol,
    progress,
    lastFeed: lastFeed({ entries: own, babyId: null, now }),
    dangers: activeDangerSigns({
      signs: DANGER_SIGNS,
      entries: own,
      babies: mother.babies.map((b) => ({ id: b.id, birthWeightG: b.birthWeightG })),
      deliveredAt,
      now,
      reportedSince: new Date(now.getTime() - REPORTED_SHOWN_MS),
    }),
  };
}
