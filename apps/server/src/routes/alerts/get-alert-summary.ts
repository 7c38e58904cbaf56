import { AlertSummary } from '@lancar/contracts';
import { alertSummary } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';

const HOUR_MS = 3600 * 1000;
/** Facilities keep no time zone yet: the digest's "today" is Western Indonesian Time (Asia/Jakarta, UTC+7). */
export const FACILITY_UTC_OFFSET_MIN = 420;

/** Midnight of the local day that contains `now`, at a fixed UTC offset. */
export function startOfLocalDay(now: Date, utcOffsetMinutes: number): Date {
  const offsetMs = utcOffsetMinutes * 60 * 1000;
  const local = new Date(now.getTime() + offsetMs);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(midnight - offsetMs);
}

export function registerGetAlertSummary(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/alerts/summary',
    {
      config: { access: { action: 'list', kind: 'alert' } },
      schema: {
        tags: ['alerts'],
        summary:
          "The midwife's daily digest: alerts new since the start of today (WIB), open by severity, open for over 24 hours",
        response: { 200: AlertSummary },
      },
    },
    async (request) => {
      const actor = authorize(request, 'list', { kind: 'alert', facilityId: request.actor?.facilityId ?? '' });
      const at = now();
      const since = startOfLocalDay(at, FACILITY_UTC_OFFSET_MIN);
      // Counts only, no identities: nothing to audit.
      const s = await alertSummary(database.db, actor.facilityId, since, new Date(at.getTime() - 24 * HOUR_MS));
      return {
        since: since.toISOString(),
        newToday: s.new_today,
        openImmediate: s.open_immediate,
        openSoon: s.open_soon,
        openOver24h: s.open_over_24h,
        closedToday: s.closed_today,
      };
    },
  );
}
