import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { codebook } from '@lancar/reports';
import ExcelJS from 'exceljs';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

const SHEETS = ['codebook', 'mothers', 'babies', 'entries', 'alerts', 'alert_actions', 'visits', 'training'];
const IDENTIFYING = ['full_name', 'nik', 'phone', 'village', 'address', 'date_of_birth', 'baby_name', 'companion_name'];

/** Reads a response body as bytes (the test client gives text for non-JSON answers). */
async function download(
  client: TestClient,
  path: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${client.base}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A CSV download as text, byte-order mark kept (fetch's text() would drop it). */
async function csvText(client: TestClient, path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const r = await download(client, path);
  return { ...r, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes) };
}

async function openWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return { names: workbook.worksheets.map((s) => s.name), sheets };
}

/** CSV rows (the writer's quoting: "..." with "" inside), after the byte-order mark. */
function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for Excel');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('dataset export', () => {
  let server: TestServer;
  let midwife: TestClient;
  let researcher: TestClient;
  const consenting = { id: newId(), fullName: 'Rahasia Peneliti', nik: '3301015402980007' };
  const refusing = { id: newId(), fullName: 'Tanpa Izin Riset', nik: '3301015503990008' };

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    researcher = await server.loginAs(DEMO.researcher);
    for (const [mother, consentResearch, dob] of [
      [consenting, true, '1998-02-14'],
      [refusing, false, '1999-03-15'],
    ] as const) {
      const created = await midwife.post('/api/mothers', {
        id: mother.id,
        fullName: mother.fullName,
        nik: mother.nik,
        phone: consentResearch ? '0812-6666-0001' : '0812-6666-0002',
        village: 'Desa Rahasia',
        dateOfBirth: dob,
        deliveredAt: new Date(Date.now() - 50 * 3600 * 1000).toISOString(),
        consentCare: true,
        consentResearch,
        babies: [{ id: newId(), name: 'Bayi Rahasia', sex: 'female', birthWeightG: 2900 }],
      });
      assert.equal(created.status, 201, created.text);
    }
  });
  after(() => server.close());

  it('gives a midwife a workbook that opens, with the codebook and every table, identities included', async () => {
    const r = await download(midwife, '/api/exports/dataset.xlsx');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="lancar-dataset\.xlsx"/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const book = await openWorkbook(r.bytes);
    assert.deepEqual(book.names, SHEETS);
    const entries = codebook('identified');
    for (const name of SHEETS.slice(1)) {
      const header = book.sheets.get(name)?.[0] ?? [];
      assert.deepEqual(
        header,
        entries.filter((e) => e.table === name).map((e) => e.column),
        `${name} header row`,
      );
    }
    assert.deepEqual(book.sheets.get('codebook')?.[0], [
      'table',
      'column',
      'description_id',
      'description_en',
      'type',
      'unit',
      'allowed_values',
    ]);
    assert.equal((book.sheets.get('codebook')?.length ?? 0) - 1, entries.length);
    const mothers = book.sheets.get('mothers') ?? [];
    const nameAt = mothers[0]?.indexOf('full_name') ?? -1;
    const names = mothers.slice(1).map((row) => row[nameAt]);
    assert.ok(names.includes('Rahasia Peneliti') && names.includes('Tanpa Izin Riset'));
    assert.ok(
      names.some((n) => n?.startsWith('Siti')),
      'the demo mothers are in it',
    );
    // Siti's household logged entries: they are in the long table, one row each.
    assert.ok((book.sheets.get('entries')?.length ?? 0) > 5);
  });

  it('gives a researcher pseudonyms and consenting mothers only: no names, NIK, phones or dates of birth', async () => {
    const r = await download(researcher, '/api/exports/dataset.xlsx');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition') ?? '', /lancar-dataset-pseudonim\.xlsx/);
    const book = await openWorkbook(r.bytes);
    assert.deepEqual(book.names, SHEETS);
    const everything = [...book.sheets.entries()]
      .filter(([name]) => name !== 'codebook')
      .flatMap(([, rows]) => rows.flat())
      .join('\n');
    for (const secret of [
      consenting.fullName,
      consenting.nik,
      refusing.fullName,
      refusing.nik,
      'Desa Rahasia',
      'Bayi Rahasia',
      '1998-02-14',
      '6281266660001',
      'Siti',
    ])
      assert.ok(!everything.includes(secret), `"${secret}" must not be in a researcher's export`);
    for (const [name, rows] of book.sheets) {
      if (name === 'codebook') continue;
      for (const column of IDENTIFYING) assert.ok(!rows[0]?.includes(column), `${name}.${column}`);
    }
    // Exactly the mothers who consented, by pseudonym, with age in years instead of the date of birth.
    const consented = await server.database.db
      .selectFrom('mother')
      .select(['pseudonym', 'id'])
      .where('consent_research', '=', true)
      .where(
        'facility_id',
        '=',
        (
          await server.database.db
            .selectFrom('mother')
            .select('facility_id')
            .where('id', '=', consenting.id)
            .executeTakeFirstOrThrow()
        ).facility_id,
      )
      .execute();
    const mothers = book.sheets.get('mothers') ?? [];
    const header = mothers[0] ?? [];
    const pseudonyms = mothers.slice(1).map((row) => row[header.indexOf('pseudonym')]);
    assert.deepEqual(pseudonyms.sort(), consented.map((m) => m.pseudonym).sort());
    const ours = consented.find((m) => m.id === consenting.id);
    const row = mothers.find((r) => r[header.indexOf('pseudonym')] === ours?.pseudonym);
    assert.ok(row && Number(row[header.indexOf('age_years')]) >= 28, 'age in years');
    // Every other table holds only consenting mothers' rows.
    for (const name of ['babies', 'entries', 'alerts', 'training']) {
      const rows = book.sheets.get(name) ?? [];
      const at = rows[0]?.indexOf('pseudonym') ?? -1;
      for (const r of rows.slice(1)) assert.ok(pseudonyms.includes(r[at]), `${name}: ${r[at]}`);
    }
  });

  it('writes each table as CSV with the header the codebook lists, for both audiences', async () => {
    for (const [client, audience] of [
      [midwife, 'identified'],
      [researcher, 'pseudonymised'],
    ] as const) {
      const book = parseCsv((await csvText(client, '/api/exports/dataset/codebook.csv')).text);
      assert.deepEqual(book[0], [
        'table',
        'column',
        'description_id',
        'description_en',
        'type',
        'unit',
        'allowed_values',
      ]);
      const listed = book.slice(1);
      assert.deepEqual(
        listed.map((r) => `${r[0]}.${r[1]}`),
        codebook(audience).map((e) => `${e.table}.${e.column}`),
      );
      for (const r of listed) assert.ok(r[2] && r[3], `${r[0]}.${r[1]} is described in both languages`);
      for (const table of SHEETS.slice(1)) {
        const response = await csvText(client, `/api/exports/dataset/${table}.csv`);
        assert.equal(response.status, 200, response.text);
        assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
        const rows = parseCsv(response.text);
        assert.deepEqual(
          rows[0],
          listed.filter((r) => r[0] === table).map((r) => r[1]),
          `${audience} ${table}.csv`,
        );
      }
    }
    const unknown = await midwife.get('/api/exports/dataset/users.csv');
    assert.equal(unknown.status, 400);
  });

  it('narrows to deliveries in the period and audits each export', async () => {
    const before = await server.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'export')
      .where('subject_type', '=', 'dataset')
      .execute();
    const past = parseCsv(
      (await csvText(midwife, '/api/exports/dataset/mothers.csv?from=2020-01-01&to=2020-12-31')).text,
    );
    assert.equal(past.length, 1, 'header only: nobody delivered in 2020');
    const all = parseCsv((await csvText(midwife, '/api/exports/dataset/mothers.csv')).text);
    assert.ok(all.length > 3);
    const reversed = await midwife.get('/api/exports/dataset/mothers.csv?from=2026-12-01&to=2026-11-01');
    assert.equal(reversed.status, 400);
    const after = await server.database.db
      .selectFrom('audit_event')
      .select(['actor_role', 'purpose', 'detail'])
      .where('action', '=', 'export')
      .where('subject_type', '=', 'dataset')
      .execute();
    assert.equal(after.length, before.length + 2);
    const roles = new Set(after.map((a) => `${a.actor_role}:${a.purpose}`));
    assert.ok(roles.has('researcher:research') && roles.has('midwife:administration'));
  });

  it('refuses household accounts', async () => {
    const mother = await server.loginAs(DEMO.mother);
    assert.equal((await download(mother, '/api/exports/dataset.xlsx')).status, 403);
  });
});
