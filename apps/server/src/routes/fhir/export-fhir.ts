import { fhirExportMotherIds, loadFhirExport, recordAudit } from '@lancar/db';
import { buildExportBundle } from '@lancar/fhir';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { contentLabels, recordInputs } from './fhir-input.ts';
import { FHIR_JSON } from './get-mother-fhir.ts';

export const FHIR_EXPORT_MAX_DAYS = 366;
/** Dates of the period are the facility's local dates; Lancar's facilities keep WIB (UTC+7). */
const LOCAL_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

const ExportQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() });

/**
 * The facility's mothers who delivered, or have household records or a visit, in a period (local dates, both
 * inclusive), with their whole records, as one FHIR R4 collection Bundle. It is identifiable (names, NIK, phones,
 * exact times), so it needs both the export grant and the right to read the facility's mothers: midwives and the
 * facility admin. Researchers are refused; their view is the pseudonymised research records. Every mother exported
 * is written to the audit log.
 */
export function registerExportFhir(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/exports/fhir',
    {
      config: { access: { action: 'read', kind: 'dataset_export' } },
      schema: {
        tags: ['exports'],
        summary: 'The facility’s mothers of a period as a FHIR R4 Bundle, application/fhir+json download (audited)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      authorize(request, 'read', { kind: 'dataset_export', facilityId });
      const actor = authorize(request, 'read', { kind: 'mother', facilityId });
      const { from, to } = request.query;
      const start = new Date(`${from}T00:00:00${LOCAL_OFFSET}`);
      const end = new Date(new Date(`${to}T00:00:00${LOCAL_OFFSET}`).getTime() + DAY_MS);
      const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
      if (days < 1 || days > FHIR_EXPORT_MAX_DAYS) {
        throw new Problem('export-period', { params: { maxDays: String(FHIR_EXPORT_MAX_DAYS) } });
      }
      const at = now();
      const bundle = await database.db.transaction().execute(async (tx) => {
        const ids = await fhirExportMotherIds(tx, facilityId, start, end);
        const data = await loadFhirExport(tx, facilityId, ids);
        const records = data ? recordInputs(data) : [];
        const built = buildExportBundle(records, { now: at, labels: contentLabels() });
        const base = { facilityId, actorUserId: actor.userId, actorRole: actor.role, action: 'export' as const, at };
        const purpose = actor.role === 'facility_admin' ? ('administration' as const) : ('care' as const);
        await recordAudit(tx, [
          {
            ...base,
            subjectType: 'fhir_export',
            subjectId: null,
            purpose,
            detail: { format: 'fhir', from, to, mothers: records.length, resources: built.entry.length },
          },
          ...records.map((r) => ({
            ...base,
            subjectType: 'mother',
            subjectId: r.mother.id,
            purpose,
            detail: { format: 'fhir', from, to },
          })),
        ]);
        return built;
      });
      reply.header('content-disposition', `attachment; filename="lancar-fhir-${from}-${to}.json"`);
      return reply.type(FHIR_JSON).send(JSON.stringify(bundle));
    },
  );
}
