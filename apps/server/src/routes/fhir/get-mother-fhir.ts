import { loadFhirExport, recordAudit } from '@lancar/db';
import { buildMotherBundle } from '@lancar/fhir';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';
import { contentLabels, recordInputs } from './fhir-input.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * One mother's record as a FHIR R4 collection Bundle (see docs/decisions/0010-fhir-export.md), as a download. It
 * carries her name, NIK and phone: the same people who may read her record may export it, and every export, and
 * every attempt on a record the facility does not hold, is written to the audit log.
 */
export function registerGetMotherFhir(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId/fhir',
    {
      config: { access: { action: 'read', kind: 'mother' } },
      schema: {
        tags: ['mothers'],
        summary: 'A mother’s record as a FHIR R4 Bundle, application/fhir+json download (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'read', { kind: 'mother', facilityId, motherId });
      const at = now();
      const audit = {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'export' as const,
        subjectType: 'mother',
        subjectId: motherId,
        purpose: auditPurpose(actor, motherId),
        at,
      };
      const body = await database.db.transaction().execute(async (tx) => {
        const data = await loadFhirExport(tx, facilityId, [motherId]);
        const [record] = data ? recordInputs(data) : [];
        if (!record) return null;
        const bundle = buildMotherBundle(record, { now: at, labels: contentLabels() });
        await recordAudit(tx, { ...audit, detail: { format: 'fhir', resources: bundle.entry.length } });
        return { bundle, pseudonym: record.mother.pseudonym };
      });
      if (!body) {
        // Not in this facility (or removed): the attempt is logged, the answer says nothing more.
        await recordAudit(database.db, { ...audit, detail: { format: 'fhir', found: false } });
        throw new Problem('not-found');
      }
      const name = `lancar-fhir-${body.pseudonym}-${at.toISOString().slice(0, 10)}.json`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return reply.type(FHIR_JSON).send(JSON.stringify(body.bundle));
    },
  );
}
