import { DatasetExportQuery } from '@lancar/contracts';
import { codebookTable, DATASET_TABLES, toXlsx } from '@lancar/reports';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { fileStem, loadDataset } from './load-dataset.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The facility dataset as one workbook: a codebook sheet, then one sheet per table. Midwives and facility admins
 * get identities; researchers get pseudonyms and consenting mothers only (docs/decisions/0011-dataset-export.md).
 */
export function registerGetDatasetXlsx(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/exports/dataset.xlsx',
    {
      config: { access: { action: 'read', kind: 'dataset_export' } },
      schema: {
        tags: ['exports'],
        summary:
          'Facility dataset as XLSX (codebook, mothers, babies, entries, alerts, alert_actions, visits, training); identities only for midwives and facility admins',
        querystring: DatasetExportQuery,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'read', {
        kind: 'dataset_export',
        facilityId: request.actor?.facilityId ?? '',
      });
      const at = now();
      const dataset = await loadDataset(database.db, actor, request.query, at, { format: 'xlsx' });
      const codebook = codebookTable(dataset.audience);
      const workbook = await toXlsx(
        [
          { ...codebook, widths: [14, 26, 50, 50, 10, 14, 40] },
          ...DATASET_TABLES.map((name) => ({
            name,
            header: dataset.tables[name].header,
            rows: dataset.tables[name].rows,
          })),
        ],
        { title: 'Lancar dataset', created: at },
      );
      reply.header('content-disposition', `attachment; filename="${fileStem(dataset.audience, request.query)}.xlsx"`);
      reply.header('cache-control', 'no-store');
      return reply.type(XLSX_TYPE).send(workbook);
    },
  );
}
