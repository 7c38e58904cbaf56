import { defaultProtocol, protocolById } from '@lancar/content';
import { type CaseloadMother, MotherList, MotherListQuery } from '@lancar/contracts';
import {
  type Alert,
  type CaseloadCandidate,
  type CaseloadFilter,
  caseloadCandidates,
  facilityVillages,
  fillMissingMotherActivity,
  listAlerts,
  listMothers,
  type MotherWithBabies,
  recordAudit,
} from '@lancar/db';
import { type MassageProgress, massageProgressFromCounts, scopeOf, weightChangePercent } from '@lancar/domain';
import type { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { householdStartDay, WIB_OFFSET_MIN } from '../../household-start-day.ts';
import { auditPurpose } from './audit-purpose.ts';
import { motherSummary } from './mother-view.ts';

export function registerListMothers(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers',
    {
      config: { access: { action: 'list', kind: 'mother' } },
      schema: {
        tags: ['mothers'],
        summary:
          'Mothers this person may see: a household for mothers and companions, the caseload for staff (with day, adherence, adequacy, weight, open alerts, last sync; filters, search, sort)',
        querystring: MotherListQuery,
        response: { 200: MotherList },
      },
    },
    async (request) => {
      const actor = authorize(request, 'list', { kind: 'mother', facilityId: request.actor?.facilityId ?? '' });
      const householdOnly = scopeOf(actor.role, 'list', 'mother') === 'household';
      const at = now();
      const query = request.query;
      return database.db.transaction().execute(async (tx) => {
        // A fixed number of queries whatever the caseload's size: the filters run in SQL over each mother's record,
        // summary row (kept by the sync push), plan and open alerts; the sort and the page here; the details of
        // the page's mothers only.
        const onlyIds = householdOnly ? actor.householdMotherIds : undefined;
        await fillMissingMotherActivity(tx, actor.facilityId, onlyIds);
        const fallback = defaultProtocol();
        const candidates = await caseloadCandidates(tx, actor.facilityId, {
          ...(householdOnly ? {} : caseloadFilter(query, at)),
          onlyIds,
          defaultProtocolId: fallback.id,
        });
        const ranked = sortCandidates(candidates, query.sort, at);
        const page = ranked.slice(query.offset, query.offset + query.limit);
        const ids = page.map((row) => row.candidate.id);
        const [mothers, alerts] = [
          await listMothers(tx, actor.facilityId, { onlyIds: ids }),
          await listAlerts(tx, actor.facilityId, ids),
        ];
        const byId = new Map(mothers.map((mother) => [mother.id, mother]));
        const alertsByMother = new Map<string, Alert[]>();
        for (const alert of alerts) {
          alertsByMother.set(alert.mother_id, [...(alertsByMother.get(alert.mother_id) ?? []), alert]);
        }
        const shown: CaseloadMother[] = [];
        for (const row of page) {
          const mother = byId.get(row.candidate.id);
          if (mother) shown.push(caseloadRow(mother, row, alertsByMother.get(mother.id) ?? [], at, fallback.id));
        }
        // Listing shows names and phone numbers: identifiable data, so each mother shown gets an audit entry.
        await recordAudit(
          tx,
          shown.map((mother) => ({
            facilityId: actor.facilityId,
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'list' as const,
            subjectType: 'mother',
            subjectId: mother.id,
            purpose: auditPurpose(actor, mother.id),
            at,
          })),
        );
        const next = query.offset + query.limit;
        return {
          mothers: shown,
          total: ranked.length,
          nextOffset: next < ranked.length ? next : null,
          villages: householdOnly ? [] : await facilityVillages(tx, actor.facilityId),
        };
      });
    },
  );
}

type Query = z.output<typeof MotherListQuery>;

const DAY_MS = 86_400_000;
const phoneDigits = (s: string) => s.replace(/\D/g, '');
const fold = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD');

/** The query's filters on the mother's record; a day range becomes a range of delivery times (day 1 = first 24 h). */
export function caseloadFilter(query: Query, at: Date): Omit<CaseloadFilter, 'defaultProtocolId'> {
  const filter: Omit<CaseloadFilter, 'defaultProtocolId'> = {};
  if (query.village) filter.village = fold(query.village);
  if (query.q) {
    filter.text = fold(query.q);
    const digits = phoneDigits(query.q);
    if (digits.length >= 3) filter.phoneDigits = digits;
  }
  if (query.dayMin !== undefined || query.dayMax !== undefined) {
    // Day d means delivered (d - 1) to d days ago; a mother not yet delivered has no day and is left out.
    const latest = query.dayMin !== undefined ? at.getTime() - (query.dayMin - 1) * DAY_MS : at.getTime();
    filter.deliveredAtOrBefore = new Date(Math.min(latest, at.getTime()));
    if (query.dayMax !== undefined) filter.deliveredAfter = new Date(at.getTime() - query.dayMax * DAY_MS);
  }
  if (query.protocol) filter.protocol = query.protocol;
  if (query.hasOpenAlert !== undefined) filter.hasOpenAlert = query.hasOpenAlert;
  return filter;
}

interface Ranked {
  candidate: CaseloadCandidate;
  progress: MassageProgress | undefined;
}

/** Massage done and due so far under her plan, from the per-day counts of her summary row. */
function progressOf(candidate: CaseloadCandidate, at: Date): MassageProgress | undefined {
  const protocol = candidate.protocol_id ? protocolById(candidate.protocol_id) : defaultProtocol();
  const deliveredAt = candidate.delivered_at;
  if (!protocol || !deliveredAt || deliveredAt.getTime() > at.getTime()) return undefined;
  const doneByDay = new Map(
    Object.entries(candidate.massage_done_by_day ?? {}).map(([day, done]) => [Number(day), Number(done)]),
  );
  return massageProgressFromCounts({
    protocol,
    plan: {
      extendedToDay: candidate.extended_to_day,
      startDay: householdStartDay(deliveredAt, candidate.starts_on),
    },
    deliveredAt,
    now: at,
    utcOffsetMinutes: WIB_OFFSET_MIN,
    doneByDay,
  });
}

/**
 * The caseload's order. The candidates come newest delivery first; the other sorts keep that order among equals.
 * Only the adherence sort needs every mother's progress; otherwise only the page's is computed.
 */
export function sortCandidates(candidates: readonly CaseloadCandidate[], sort: Query['sort'], at: Date): Ranked[] {
  const rows: Ranked[] = candidates.map((candidate) => ({
    candidate,
    progress: sort === 'adherence' ? progressOf(candidate, at) : undefined,
  }));
  if (!sort || sort === 'day') return rows;
  const severityRank = ({ candidate: c }: Ranked) => (c.open_immediate > 0 ? 0 : c.open_alerts > 0 ? 1 : 2);
  const ratio = (row: Ranked) => row.progress?.adherence.ratio ?? 2;
  const compare: Record<Exclude<typeof sort, 'day'>, (a: Ranked, b: Ranked) => number> = {
    alerts: (a, b) => severityRank(a) - severityRank(b) || b.candidate.open_alerts - a.candidate.open_alerts,
    // Nothing due yet sorts last.
    adherence: (a, b) => ratio(a) - ratio(b),
    // Never synced first, then longest ago.
    lastSync: (a, b) => (a.candidate.last_sync_at?.getTime() ?? 0) - (b.candidate.last_sync_at?.getTime() ?? 0),
  };
  return [...rows].sort(compare[sort]);
}

function caseloadRow(
  mother: MotherWithBabies,
  row: Ranked,
  alerts: readonly Alert[],
  at: Date,
  defaultProtocolId: string,
): CaseloadMother {
  const c = row.candidate;
  const progress = row.progress ?? progressOf(c, at);
  const birth = mother.babies.find((b) => b.id === c.weight_baby_id)?.birth_weight_g ?? null;
  return {
    ...motherSummary(mother, alerts, at),
    protocolId: c.protocol_id ?? defaultProtocolId,
    massageDone: progress?.adherence.done ?? 0,
    massageDue: progress?.adherence.due ?? 0,
    adherence: progress?.adherence.ratio ?? null,
    adequacy: c.adequacy,
    adequacyDay: c.adequacy_day,
    weightChangePercent:
      c.weight_g !== null && birth !== null && birth > 0 ? weightChangePercent(birth, c.weight_g) : null,
    openAlertCount: c.open_alerts,
    openAlertSeverity: c.open_immediate > 0 ? 'immediate' : c.open_alerts > 0 ? 'soon' : null,
    lastSyncAt: c.last_sync_at?.toISOString() ?? null,
  };
}
