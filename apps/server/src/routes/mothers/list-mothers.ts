import { defaultProtocol, protocolById } from '@lancar/content';
import { type CaseloadMother, MotherList, MotherListQuery } from '@lancar/contracts';
import {
  type Alert,
  caseloadFacts,
  currentCarePlans,
  listAlerts,
  listMothers,
  openAlertCounts,
  recordAudit,
} from '@lancar/db';
import { massageProgressFromCounts, scopeOf, weightChangePercent } from '@lancar/domain';
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
      return database.db.transaction().execute(async (tx) => {
        // A fixed number of queries for the whole caseload, whatever its size (no query per mother).
        const mothers = await listMothers(
          tx,
          actor.facilityId,
          householdOnly ? { onlyIds: actor.householdMotherIds } : {},
        );
        const ids = mothers.map((m) => m.id);
        const [alerts, open, plans] = [
          await listAlerts(tx, actor.facilityId, ids),
          await openAlertCounts(tx, actor.facilityId, ids),
          await currentCarePlans(tx, actor.facilityId, ids),
        ];
        const alertsByMother = new Map<string, Alert[]>();
        for (const alert of alerts) {
          alertsByMother.set(alert.mother_id, [...(alertsByMother.get(alert.mother_id) ?? []), alert]);
        }
        const fallback = defaultProtocol();
        const byId = new Map(mothers.map((mother) => [mother.id, mother]));
        // Every filter reads only the mother's record, her open alerts and her plan, so filter before reading the
        // household entries: a filtered caseload reads the entries of the mothers it shows, not of all of them.
        const listed: CaseloadMother[] = mothers.map((mother) => {
          const counts = open.get(mother.id);
          return {
            ...motherSummary(mother, alertsByMother.get(mother.id) ?? [], at),
            protocolId: plans.get(mother.id)?.protocol_id ?? fallback.id,
            massageDone: 0,
            massageDue: 0,
            adherence: null,
            adequacy: null,
            adequacyDay: null,
            weightChangePercent: null,
            openAlertCount: counts?.open ?? 0,
            openAlertSeverity: counts ? (counts.immediate > 0 ? 'immediate' : 'soon') : null,
            lastSyncAt: null,
          };
        });
        const filtered = filterCaseload(listed, request.query);
        const everyone = filtered.length === mothers.length;
        const facts = await caseloadFacts(
          tx,
          actor.facilityId,
          filtered.map((m) => m.id),
          everyone && !householdOnly,
        );
        const rows: CaseloadMother[] = filtered.map((row) => {
          const mother = byId.get(row.id);
          const fact = facts.get(row.id);
          const plan = plans.get(row.id);
          const protocol = plan ? protocolById(plan.protocol_id) : fallback;
          const progress =
            mother && protocol && mother.delivered_at && mother.delivered_at.getTime() <= at.getTime()
              ? massageProgressFromCounts({
                  protocol,
                  plan: {
                    extendedToDay: plan?.extended_to_day ?? null,
                    startDay: householdStartDay(mother.delivered_at, plan?.starts_on),
                  },
                  deliveredAt: mother.delivered_at,
                  now: at,
                  utcOffsetMinutes: WIB_OFFSET_MIN,
                  doneByDay: fact?.doneByDay ?? new Map(),
                })
              : undefined;
          const birth = mother?.babies.find((b) => b.id === fact?.weightBabyId)?.birth_weight_g ?? null;
          return {
            ...row,
            massageDone: progress?.adherence.done ?? 0,
            massageDue: progress?.adherence.due ?? 0,
            adherence: progress?.adherence.ratio ?? null,
            adequacy: fact?.adequacy ?? null,
            adequacyDay: fact?.adequacyDay ?? null,
            weightChangePercent:
              fact?.weightG != null && birth !== null && birth > 0 ? weightChangePercent(birth, fact.weightG) : null,
            lastSyncAt: fact?.lastSyncAt?.toISOString() ?? null,
          };
        });
        const shown = sortCaseload(rows, request.query.sort);
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
        return { mothers: shown };
      });
    },
  );
}

type Query = z.output<typeof MotherListQuery>;

const phoneDigits = (s: string) => s.replace(/\D/g, '');
const fold = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD');

export function filterCaseload(rows: readonly CaseloadMother[], query: Query): CaseloadMother[] {
  const q = query.q ? fold(query.q) : null;
  const qDigits = query.q ? phoneDigits(query.q) : '';
  const village = query.village ? fold(query.village) : null;
  return rows.filter((m) => {
    if (village !== null && fold(m.village ?? '') !== village) return false;
    if (query.hasOpenAlert !== undefined && m.openAlertCount > 0 !== query.hasOpenAlert) return false;
    if (query.dayMin !== undefined && (m.dayPostpartum === null || m.dayPostpartum < query.dayMin)) return false;
    if (query.dayMax !== undefined && (m.dayPostpartum === null || m.dayPostpartum > query.dayMax)) return false;
    if (query.protocol && m.protocolId !== query.protocol) return false;
    if (q !== null) {
      const inText = fold(m.fullName).includes(q) || fold(m.village ?? '').includes(q);
      const inPhone = qDigits.length >= 3 && phoneDigits(m.phone ?? '').includes(qDigits);
      if (!inText && !inPhone) return false;
    }
    return true;
  });
}

export function sortCaseload(rows: CaseloadMother[], sort: Query['sort']): CaseloadMother[] {
  if (!sort || sort === 'day') return rows; // already newest deliveries first
  const severityRank = (m: CaseloadMother) =>
    m.openAlertSeverity === 'immediate' ? 0 : m.openAlertSeverity === 'soon' ? 1 : 2;
  const compare: Record<Exclude<typeof sort, 'day'>, (a: CaseloadMother, b: CaseloadMother) => number> = {
    alerts: (a, b) => severityRank(a) - severityRank(b) || b.openAlertCount - a.openAlertCount,
    // Nothing due yet sorts last.
    adherence: (a, b) => (a.adherence ?? 2) - (b.adherence ?? 2),
    // Never synced first, then longest ago.
    lastSync: (a, b) => (a.lastSyncAt ? Date.parse(a.lastSyncAt) : 0) - (b.lastSyncAt ? Date.parse(b.lastSyncAt) : 0),
  };
  return [...rows].sort(compare[sort]);
}
