import { StudyDatasetQuery, StudyParams } from '@lancar/contracts';
import { toCsv, toXlsx } from '@lancar/reports';
import type { App, AppContext } from '../../app-types.ts';
import { loadStudyData, studyFileStem } from './load-study-data.ts';
import { auditStudy, requireStudy } from './study-access.ts';
import { CODEBOOK_HEADER, codebookRows, longTable, studyVariables, wideTable } from './study-variables.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A study's dataset for statistics software: wide (one row per participant) or long (one row per measurement), as
 * CSV (UTF-8 with BOM) or as a workbook with the codebook. Participants by pseudonym only.
 */
export function registerGetStudyDataset(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies/:studyId/dataset.csv',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: "The study's dataset as CSV, wide (one row per participant) or long (one row per measurement)",
        params: StudyParams,
        querystring: StudyDatasetQuery,
      },
    },
    async (request, reply) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const { shape } = request.query;
      const { variables, rows } = await loadStudyData(database.db, study);
      const table = shape === 'long' ? longTable(variables, rows) : wideTable(variables, rows);
      await auditStudy(database.db, actor, 'export', study.id, now(), {
        format: 'csv',
        shape,
        participants: rows.length,
      });
      reply.header('content-disposition', `attachment; filename="${studyFileStem(study.id)}-${shape}.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.type('text/csv; charset=utf-8').send(toCsv(table.header, table.rows));
    },
  );

  app.get(
    '/api/studies/:studyId/dataset.xlsx',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: "The study's dataset as XLSX: codebook, wide and long sheets",
        params: StudyParams,
      },
    },
    async (request, reply) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const at = now();
      const { variables, rows } = await loadStudyData(database.db, study);
      const workbook = await toXlsx(
        [
          {
            name: 'codebook',
            header: CODEBOOK_HEADER,
            rows: codebookRows(variables),
            widths: [30, 40, 40, 10, 40, 10],
          },
          { name: 'wide', ...wideTable(variables, rows) },
          { name: 'long', ...longTable(variables, rows) },
        ],
        { title: study.title, created: at },
      );
      await auditStudy(database.db, actor, 'export', study.id, at, { format: 'xlsx', participants: rows.length });
      reply.header('content-disposition', `attachment; filename="${studyFileStem(study.id)}.xlsx"`);
      reply.header('cache-control', 'no-store');
      return reply.type(XLSX_TYPE).send(workbook);
    },
  );

  app.get(
    '/api/studies/:studyId/codebook.csv',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: "The codebook of the study's dataset: variable, label (Indonesian, English), type, values, unit",
        params: StudyParams,
      },
    },
    async (request, reply) => {
      // The codebook holds no participant data: nothing to audit.
      const { study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const variables = studyVariables(study.definition);
      reply.header('content-disposition', `attachment; filename="${studyFileStem(study.id)}-codebook.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.type('text/csv; charset=utf-8').send(toCsv(CODEBOOK_HEADER, codebookRows(variables)));
    },
  );
}
