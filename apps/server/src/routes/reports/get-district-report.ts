import { DistrictReportQuery } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { loadDistrictReport } from '../../reports/load-report.ts';
import { districtReportCsv } from '../../reports/report-csv.ts';

/**
 * The district view for system administrators: one row per facility of the district and the district total,
 * aggregates only, small cells shown as "<5". Reading across facilities needs the 'any' scope of the report policy.
 */
export function registerGetDistrictReport(app: App, { database, now }: AppContext): void {
  for (const { suffix, label } of [
    { suffix: '', label: 'JSON' },
    { suffix: '.csv', label: 'CSV (one row per facility and the total)' },
  ] as const) {
    app.get(
      `/api/reports/district${suffix}`,
      {
        config: { access: { action: 'read', kind: 'report' } },
        schema: {
          tags: ['reports'],
          summary: `District view over its facilities, small cells suppressed, ${label}`,
          querystring: DistrictReportQuery,
        },
      },
      async (request, reply) => {
        // The district spans facilities other than the actor's own: only a role that may read any facility's report.
        const actor = authorize(request, 'read', { kind: 'report', facilityId: '*' });
        const at = now();
        const { district, from, to } = request.query;
        const report = await loadDistrictReport(database.db, district, { from, to }, at);
        if (!report) throw new Problem('not-found');
        if (suffix === '') return report;
        await recordAudit(database.db, {
          facilityId: actor.facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'export',
          subjectType: 'district_report',
          subjectId: null,
          purpose: 'administration',
          detail: { format: 'csv', district, from, to },
          at,
        });
        reply.header('content-disposition', `attachment; filename="laporan-kabupaten-${from}-${to}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(districtReportCsv(report));
      },
    );
  }
}
