import { DANGER_SIGNS, defaultProtocol, protocolById } from '@lancar/content';
import {
  currentCarePlans,
  type Executor,
  listEntries,
  type MotherWithBabies,
  nextSeq,
  raiseAlert,
  raiseEpisodeAlert,
  type StoredEntry,
} from '@lancar/db';
import {
  ALERT_RULES_VERSION,
  activeDangerSigns,
  type FoundAlert,
  type HouseholdEntry,
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
 * new. The rules about time (no massage for 2 days, no sync for 3 days, "not adequate" 3 days in a row) are
 * evaluated too, one alert per stretch (episode). Every alert records ALERT_RULES_VERSION. Returns the number of
 * new alerts.
 */
export async function raiseAlertsFor(tx: Executor, mother: MotherWithBabies, now: Date): Promise<number> {
  if (!mother.delivered_at) return 0;
  const stored = await listEntries(tx, mother.facility_id, mother.id);
  const entries = stored.map(domainEntry);
  const signs = activeDangerSigns({
    signs: DANGER_SIGNS,
    entries,
    babies: mother.babies.map((b) => ({ id: b.id, birthWeightG: b.birth_weight_g })),
    deliveredAt: mother.delivered_at,
    now,
  });
  let raised = 0;
  for (const sign of signs) {
    const alert = {
      facility_id: mother.facility_id,
      id: newId(now.getTime()),
      mother_id: mother.id,
      sign_id: sign.signId,
      severity: sign.severity,
      entry_id: sign.evidence.at(-1) ?? null,
      raised_at: now,
      seq: 0,
      rule_version: ALERT_RULES_VERSION,
    };
    // A change number only for alerts that are new, so a replay does not move the counter.
    const exists = await tx
      .selectFrom('alert')
      .select('id')
      .where('facility_id', '=', alert.facility_id)
      .where('mother_id', '=', alert.mother_id)
      .where('sign_id', '=', alert.sign_id)
      .where((eb) => (alert.entry_id === null ? eb('entry_id', 'is', null) : eb('entry_id', '=', alert.entry_id)))
      .executeTakeFirst();
    if (exists) continue;
    alert.seq = await nextSeq(tx, mother.facility_id);
    if (await raiseAlert(tx, alert)) raised++;
  }
  return raised + (await raiseEpisodeAlertsFor(tx, mother, now, stored, entries));
}

/**
 * The alerts stored once per stretch: no stool on a day after day 5 (per baby and day), and the rules about time.
 * Called on every push and by the housekeeping timer.
 */
export async function raiseEpisodeAlertsFor(
  tx: Executor,
  mother: MotherWithBabies,
  now: Date,
  stored?: readonly StoredEntry[],
  domainEntries?: readonly HouseholdEntry[],
): Promise<number> {
  if (!mother.delivered_at) return 0;
  const rows = stored ?? (await listEntries(tx, mother.facility_id, mother.id));
  const entries = domainEntries ?? rows.map(domainEntry);
  const plan = (await currentCarePlans(tx, mother.facility_id, [mother.id])).get(mother.id);
  const protocol = plan ? (protocolById(plan.protocol_id) ?? null) : defaultProtocol();
  let lastSync: number | null = null;
  for (const row of rows) {
    const t = row.received_at.getTime();
    if (lastSync === null || t > lastSync) lastSync = t;
  }
  const found: FoundAlert[] = [
    ...noStoolDays({ entries, babies: mother.babies, deliveredAt: mother.delivered_at, now }),
    ...timeBasedAlerts({
      deliveredAt: mother.delivered_at,
      now,
      entries,
      protocol,
      plan: {
        extendedToDay: plan?.extended_to_day ?? null,
        startDay: householdStartDay(mother.delivered_at, plan?.starts_on ?? null),
      },
      lastSyncAt: lastSync === null ? null : new Date(lastSync),
    }),
  ];
  let raised = 0;
  for (const alert of found) {
    if (alert.episode === null) continue;
    const isNew = await raiseEpisodeAlert(tx, {
      facility_id: mother.facility_id,
      id: newId(now.getTime()),
      mother_id: mother.id,
      sign_id: alert.signId,
      severity: alert.severity,
      entry_id: alert.entryId,
      episode: alert.episode,
      rule_version: ALERT_RULES_VERSION,
      raised_at: now,
    });
    if (isNew) raised++;
  }
  return raised;
}
