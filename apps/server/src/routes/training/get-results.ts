import type { TrainingResults } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { loadFacilityResults, loadSessionResults } from '../../training/results/load-results.ts';
import { resultsCsv } from '../../training/results/results-csv.ts';
import { resultsPdf } from '../../training/results/results-pdf.ts';

const FORMATS = [
  { suffix: '', label: 'JSON' },
  { suffix: '.csv', label: 'CSV (one row per participant)' },
  { suffix: '.pdf', label: 'printable PDF' },
] as const;

type Format = (typeof FORMATS)[number]['suffix'];

/**
 * Pre-post results of a group session and of the whole facility, as JSON for the screen, CSV for analysis and PDF
 * for print. A file download is recorded in the audit log, since it carries names out of the system.
 */
export function registerGetResults(app: App, { database, now }: AppContext): void {
  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    results: TrainingResults,
    format: Format,
    fileStem: string,
  ) {
    if (format === '') return results;
    const actor = request.actor;
    if (actor) {
      await recordAudit(database.db, {
        facilityId: actor.facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'export',
        subjectType: 'training_results',
        subjectId: results.session?.id ?? null,
        purpose: 'administration',
        detail: { format: format.slice(1), participants: results.counts.people },
        at: now(),
      });
    }
    const name = `${fileStem}-${results.generatedAt.slice(0, 10)}${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === '.csv') return reply.type('text/csv; charset=utf-8').send(resultsCsv(results, request.locale));
    return reply.type('application/pdf').send(await resultsPdf(results, request.locale));
  }

  for (const { suffix, label } of FORMATS) {
    app.get(
      `/api/training/sessions/:sessionId/results${suffix}`,
      {
        config: { access: { action: 'read', kind: 'training' } },
        schema: {
          tags: ['training'],
          summary: `Pre-post results of a group session, ${label}`,
          params: z.strictObject({ sessionId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const facilityId = request.actor?.facilityId ?? '';
        authorize(request, 'read', { kind: 'training', facilityId });
        const results = await loadSessionResults(database.db, facilityId, request.params.sessionId, now());
        if (!results) throw new Problem('not-found');
        return send(request, reply, results, suffix, `hasil-pelatihan-${results.session?.heldOn ?? ''}`);
      },
    );

    app.get(
      `/api/training/results${suffix}`,
      {
        config: { access: { action: 'list', kind: 'training' } },
        schema: {
          tags: ['training'],
          summary: `Pre-post results over every companion and group session of the facility, ${label}`,
        },
      },
      async (request, reply) => {
        const actor = authorize(request, 'list', { kind: 'training', facilityId: request.actor?.facilityId ?? '' });
        const results = await loadFacilityResults(database.db, actor.facilityId, now());
        return send(request, reply, results, suffix, 'hasil-pelatihan-fasilitas');
      },
    );
  }
}
