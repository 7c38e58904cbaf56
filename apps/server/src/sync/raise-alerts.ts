import { DANGER_SIGNS, defaultProtocol, protocolById } from '@lancar/content';
import type { Alert, CarePlan, MotherWithBabies, PushAlert, StoredEntry } from '@lancar/db';
import {
  ALERT_RULES_VERSION,
  activeDangerSigns,
  type FoundAlert,
  newId,
  noStoolDays,
  timeBasedAlerts,
} from '@lancar/domain';
import { householdStartDay } from '../household-start-day.ts';
import { domainEntry } from './entry-view.ts';

/**
 * After a household's entries arrive, the danger signs they show become alerts for the midwife: reported ones (a
 * danger report such as jaundice, a fever, a red painful breast, a massage stopped by a danger answer) and
 * detected ones (weight loss over 10%, birth weight not regained by day 14, too few wet nappies, meconium or no
 * stool after day 5). One alert per sign and triggering record, so sending the same records again raises nothing
 * new. The rules about time (no stool on a day after day 5, no massage for 2 days, no sync for 3 days, "not
 * adequate" 3 days in a row) are evaluated too, one alert per stretch (episode). Every alert records
 * ALERT_RULES_VERSION.
 *
 * Pure apart from the new ids: `entries` are all of the mother's entries, the new ones included (oldest first),
 * `existing` her alerts so far. Returns the alerts that are new.
 */
export function alertsToRaise(
  mother: MotherWithBabies,
  entries: readonly StoredEntry[],
  plan: CarePlan | undefined,
  existing: readonly Alert[],
  now: Date,
): PushAlert[] {
  if (!mother.delivered_at) return [];
  const deliveredAt = mother.delivered_at;
  const domain = entries.map(domainEntry);
  // An alert raised by a record is known by its sign and record, one raised by a stretch of time by its episode.
  const keyOf = (a: Pick<PushAlert, 'sign_id' | 'entry_id' | 'episode'>) =>
    a.episode === null ? `${a.sign_id}|record:${a.entry_id}` : `${a.sign_id}|episode:${a.episode}`;
  const raised = new Set(existing.flatMap((a) => [`${a.sign_id}|record:${a.entry_id}`, keyOf(a)]));
  const fresh: PushAlert[] = [];
  const raise = (alert: Pick<PushAlert, 'sign_id' | 'severity' | 'entry_id' | 'episode'>) => {
    if (raised.has(keyOf(alert))) return;
    raised.add(keyOf(alert));
    fresh.push({
      ...alert,
      id: newId(now.getTime()),
      mother_id: mother.id,
      rule_version: ALERT_RULES_VERSION,
      raised_at: now,
    });
  };

  for (const sign of activeDangerSigns({
    signs: DANGER_SIGNS,
    entries: domain,
    babies: mother.babies.map((b) => ({ id: b.id, birthWeightG: b.birth_weight_g })),
    deliveredAt,
    now,
  })) {
    raise({ sign_id: sign.signId, severity: sign.severity, entry_id: sign.evidence.at(-1) ?? null, episode: null });
  }

  const protocol = plan ? (protocolById(plan.protocol_id) ?? null) : defaultProtocol();
  let lastSync: number | null = null;
  for (const entry of entries) {
    const t = entry.received_at.getTime();
    if (lastSync === null || t > lastSync) lastSync = t;
  }
  const found: FoundAlert[] = [
    ...noStoolDays({ entries: domain, babies: mother.babies, deliveredAt, now }),
    ...timeBasedAlerts({
      deliveredAt,
      now,
      entries: domain,
      protocol,
      plan: {
        extendedToDay: plan?.extended_to_day ?? null,
        startDay: householdStartDay(deliveredAt, plan?.starts_on ?? null),
      },
      lastSyncAt: lastSync === null ? null : new Date(lastSync),
    }),
  ];
  for (const alert of found) {
    if (alert.episode === null) continue;
    raise({ sign_id: alert.signId, severity: alert.severity, entry_id: alert.entryId, episode: alert.episode });
  }
  return fresh;
}
