import { DatasetCsvParams, DatasetExportQuery } from '@lancar/contracts';
import { type CsvCell, codebookTable, type DatasetTableName, toCsv } from '@lancar/reports';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { audienceOf, fileStem, loadDataset } from './load-dataset.ts';

/**
 * One table of the facility dataset as CSV (UTF-8 with BOM, for Excel and SPSS), or its codebook. The same columns
 * as the XLSX sheets; identities only for midwives and facility admins.
 */
export function registerGetDatasetCsv(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/exports/dataset/:file',
    {
      config: { access: { action: 'read', kind: 'dataset_export' } },
      schema: {
        tags: ['exports'],
        summary:
          'One table of the facility dataset as CSV: mothers.csv, babies.csv, entries.csv, alerts.csv, alert_actions.csv, visits.csv, training.csv, or codebook.csv',
        params: DatasetCsvParams,
        querystring: DatasetExportQuery,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'read', {
        kind: 'dataset_export',
        facilityId: request.actor?.facilityId ?? '',
      });
      const name = request.params.file.replace(/\.csv$/, '') as DatasetTableName | 'codebook';
      let audience = audienceOf(actor);
      let table: { header: string[]; rows: CsvCell[][] };
      if (name === 'codebook') {
        // The codebook holds no records: nothing is read, so nothing to audit.
        table = codebookTable(audience);
      } else {
        const dataset = await loadDataset(database.db, actor, request.query, now(), { format: 'csv', file: name });
        audience = dataset.audience;
        table = dataset.tables[name];
      }
      reply.header('content-disposition', `attachment; filename="${fileStem(audience, request.query)}-${name}.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.type('text/csv; charset=utf-8').send(toCsv(table.header, table.rows));
    },
  );
}
