import { FacilityReportQuery } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { loadFacilityReport } from '../../reports/load-report.ts';
import { facilityReportCsv } from '../../reports/report-csv.ts';
import { facilityReportPdf } from '../../reports/report-pdf.ts';

const FORMATS = [
  { suffix: '', label: 'JSON' },
  { suffix: '.csv', label: 'CSV (one row per figure)' },
  { suffix: '.pdf', label: 'printable PDF with charts' },
] as const;

/**
 * The facility report for an enrolment period (local dates, both inclusive): aggregates only, for the midwives and
 * the facility admin of the facility. A file download is written to the audit log.
 */
export function registerGetFacilityReport(app: App, { database, now }: AppContext): void {
  for (const { suffix, label } of FORMATS) {
    app.get(
      `/api/reports/facility${suffix}`,
      {
        config: { access: { action: 'read', kind: 'report' } },
        schema: {
          tags: ['reports'],
          summary: `Facility report for a period, ${label}`,
          querystring: FacilityReportQuery,
        },
      },
      async (request, reply) => {
        const actor = authorize(request, 'read', { kind: 'report', facilityId: request.actor?.facilityId ?? '' });
        const at = now();
        const report = await loadFacilityReport(database.db, actor.facilityId, request.query, at);
        if (suffix === '') return report;
        await recordAudit(database.db, {
          facilityId: actor.facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'export',
          subjectType: 'facility_report',
          subjectId: null,
          purpose: 'administration',
          detail: { format: suffix.slice(1), from: report.period.from, to: report.period.to },
          at,
        });
        const name = `laporan-${report.period.from}-${report.period.to}${suffix}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (suffix === '.csv')
          return reply.type('text/csv; charset=utf-8').send(facilityReportCsv(report, request.locale));
        return reply.type('application/pdf').send(await facilityReportPdf(report, request.locale));
      },
    );
  }
}
