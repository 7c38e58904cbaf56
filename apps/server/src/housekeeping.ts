import { defaultProtocol, protocolById } from '@lancar/content';
import {
  type Database,
  purgeEndedSessions,
  purgeOldThrottles,
  raiseEpisodeAlert,
  timeAlertCandidates,
} from '@lancar/db';
import { ALERT_RULES_VERSION, FOLLOW_UP_LAST_DAY, newId, noMassageAlert, noSyncAlert } from '@lancar/domain';
import { householdStartDay } from './household-start-day.ts';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * Ended sessions and old failed-login counters are not records anyone needs: they are removed a day after they
 * stop mattering, at start and then every hour. Several servers doing this at once is harmless.
 */
export async function tidyUp(
  database: Database,
  now: Date = new Date(),
): Promise<{ sessions: number; throttles: number }> {
  const sessions = await purgeEndedSessions(database.db, new Date(now.getTime() - DAY));
  const throttles = await purgeOldThrottles(database.db, now, DAY);
  return { sessions, throttles };
}

/**
 * The alert rules that need a clock rather than a new record (no massage for 2 days while the protocol is active,
 * no sync for 3 days) for every mother still in follow-up, in all facilities: one set-based query finds what the
 * rules need, and only the alerts found are written, each in its own transaction. Each stretch raises one alert
 * however often this runs. ("Not adequate" 3 days in a row needs a new checklist to change, so it is raised when
 * the checklist arrives.) Returns the number of new alerts.
 */
export async function evaluateTimeAlerts(database: Database, now: Date = new Date()): Promise<number> {
  const earliest = new Date(now.getTime() - FOLLOW_UP_LAST_DAY * DAY);
  const fallback = defaultProtocol();
  let raised = 0;
  for (const m of await timeAlertCandidates(database.db, earliest, now)) {
    const protocol = m.protocol_id ? (protocolById(m.protocol_id) ?? null) : fallback;
    const found = [
      noMassageAlert({
        deliveredAt: m.delivered_at,
        now,
        protocol,
        plan: { extendedToDay: m.extended_to_day, startDay: householdStartDay(m.delivered_at, m.starts_on) },
        lastMassage: m.last_massage_id && m.last_massage_at ? { id: m.last_massage_id, at: m.last_massage_at } : null,
      }),
      noSyncAlert({ deliveredAt: m.delivered_at, now, lastSyncAt: m.last_sync_at }),
    ];
    for (const alert of found) {
      if (!alert?.episode) continue;
      const episode = alert.episode;
      const isNew = await database.db.transaction().execute((tx) =>
        raiseEpisodeAlert(tx, {
          facility_id: m.facility_id,
          id: newId(now.getTime()),
          mother_id: m.mother_id,
          sign_id: alert.signId,
          severity: alert.severity,
          entry_id: alert.entryId,
          episode,
          rule_version: ALERT_RULES_VERSION,
          raised_at: now,
        }),
      );
      if (isNew) raised++;
    }
  }
  return raised;
}

export function scheduleHousekeeping(database: Database, log: (message: string, error: unknown) => void): () => void {
  const run = () => {
    tidyUp(database).catch((error: unknown) => log('Housekeeping failed', error));
    evaluateTimeAlerts(database).catch((error: unknown) => log('Evaluating alerts failed', error));
  };
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
