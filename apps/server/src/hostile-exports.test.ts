import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATASET_FILES } from '@lancar/contracts';
import { newId, type Role, scopeOf } from '@lancar/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import type { RouteSummary } from './app-types.ts';
import { FORMULA_PAYLOADS, XSS_PAYLOADS } from './testing/hostile-text.ts';
import { prePostStudyRequest } from './testing/studies.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from './testing/test-server.ts';

/**
 * Files the API writes from what people typed: every CSV export (found in the route table) neutralises spreadsheet
 * formulas, and every SVG escapes the markup in its labels. Formulas and script payloads are stored in names,
 * villages, notes, training sessions, participants and imported references first.
 */
const FORMULA = {
  mother: FORMULA_PAYLOADS[0],
  village: FORMULA_PAYLOADS[1],
  address: FORMULA_PAYLOADS[2],
  baby: FORMULA_PAYLOADS[3],
  participant: `=${FORMULA_PAYLOADS[1]}`,
  visitNotes: `-${FORMULA_PAYLOADS[0]}`,
};
const AUTHOR = XSS_PAYLOADS[6];
const SOURCE = XSS_PAYLOADS[1];

const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000).toISOString().slice(0, 10);
const PERIOD = `from=${day(-30)}&to=${day(0)}`;

/** The query each file route needs; a new CSV or SVG route without one fails the first test. */
const QUERIES: Record<string, string> = {
  'GET /api/reports/facility.csv': `?${PERIOD}`,
  'GET /api/reports/district.csv': `?district=Kabupaten%20Contoh&${PERIOD}`,
  'GET /api/training/results.csv': '',
  'GET /api/training/sessions/:sessionId/results.csv': '',
  'GET /api/exports/dataset/:file': '',
  'GET /api/studies/:studyId/dataset.csv': '?shape=long',
  'GET /api/studies/:studyId/codebook.csv': '',
  'GET /api/reviews/:reviewId/forest.svg': '?outcome=milk-flow-adequate&measure=RR',
  'GET /api/reviews/:reviewId/prisma.svg': '',
};
const LOGINS: Partial<Record<Role, string>> = {
  midwife: DEMO.midwife,
  researcher: DEMO.researcher,
  facility_admin: DEMO.facilityAdmin,
  system_admin: DEMO.systemAdmin,
};

/** Every cell of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function csvCells(text: string): string[] {
  return (parseCsv(text, { bom: true, relax_column_count: true }) as string[][]).flat();
}

describe('CSV and SVG files made from hostile text', () => {
  let server: TestServer;
  const clients = new Map<Role, TestClient>();
  const params: Record<string, string[]> = {};

  const fileRoutes = () =>
    server.app.routeTable.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && /(\.csv|\.svg|:file)$/.test(r.url),
    );
  const rolesFor = (route: RouteSummary): Role[] => {
    const access = route.access;
    if (!access || access === 'public') return [];
    return (Object.keys(LOGINS) as Role[]).filter((role) => scopeOf(role, access.action, access.kind) !== undefined);
  };
  /** The file as the first role allowed to read it whose scope covers it (a district needs the "any" scope). */
  const fetchFile = async (route: RouteSummary, path: string) => {
    let response: Awaited<ReturnType<TestClient['get']>> | undefined;
    for (const role of rolesFor(route)) {
      response = await (clients.get(role) as TestClient).get(path);
      if (response.status !== 403) break;
    }
    assert.ok(response, path);
    return response;
  };
  const pathsOf = (route: RouteSummary): string[] => {
    let paths = [`${route.url}${QUERIES[`${route.method} ${route.url}`] ?? ''}`];
    for (const name of [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string)) {
      paths = paths.flatMap((path) => (params[name] ?? []).map((value) => path.replace(`:${name}`, value)));
    }
    return paths;
  };

  before(async () => {
    server = await startTestServer();
    for (const [role, login] of Object.entries(LOGINS)) clients.set(role as Role, await server.loginAs(login));
    const midwife = clients.get('midwife') as TestClient;
    const researcher = clients.get('researcher') as TestClient;
    const ok = (response: { status: number; text: string }, what: string) =>
      assert.ok(response.status < 300, `${what}: ${response.status} ${response.text.slice(0, 300)}`);

    const enrolled = await midwife.post('/api/mothers', {
      id: newId(),
      fullName: FORMULA.mother,
      village: FORMULA.village,
      address: FORMULA.address,
      deliveredAt: new Date(Date.now() - 30 * 3600_000).toISOString(),
      consentCare: true,
      consentResearch: true,
      babies: [{ id: newId(), name: FORMULA.baby, sex: 'male', birthWeightG: 3000 }],
    });
    ok(enrolled, 'mother');
    ok(
      await midwife.post(`/api/mothers/${enrolled.body.mother.id}/visits`, {
        id: newId(),
        visitCode: 'KF1',
        visitedAt: new Date(Date.now() - 3600_000).toISOString(),
        place: 'home',
        observations: { temperatureC: 36.6, bloodPressure: null, breasts: 'normal', babies: [] },
        notes: FORMULA.visitNotes,
      }),
      'visit',
    );
    const sessionId = newId();
    ok(
      await midwife.post('/api/training/sessions', {
        id: sessionId,
        heldOn: new Date().toISOString().slice(0, 10),
        place: FORMULA_PAYLOADS[0],
        facilitators: FORMULA_PAYLOADS[3],
      }),
      'session',
    );
    const participantId = newId();
    ok(
      await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
        id: participantId,
        displayName: FORMULA.participant,
      }),
      'participant',
    );
    for (const phase of ['pre', 'post'] as const) {
      ok(
        await midwife.post(`/api/training/sessions/${sessionId}/participants/${participantId}/sheets`, {
          id: newId(),
          phase,
          score: phase === 'pre' ? 40 : 80,
        }),
        `sheet ${phase}`,
      );
    }

    const reviewId = newId();
    ok(await researcher.post('/api/reviews', { id: reviewId, title: XSS_PAYLOADS[0], question: null }), 'review');
    const ris = [1, 2]
      .map((n) =>
        [
          'TY  - JOUR',
          `TI  - ${XSS_PAYLOADS[2]} ${n}`,
          `AU  - ${AUTHOR}, B${n}.`,
          `PY  - ${2019 + n}`,
          'ER  - ',
          '',
        ].join('\n'),
      )
      .join('\n');
    ok(
      await researcher.post(`/api/reviews/${reviewId}/imports`, { format: 'ris', sourceName: SOURCE, text: ris }),
      'import',
    );
    const second = await clients.get('facility_admin')?.post('/api/staff', {
      displayName: 'Peneliti Dua',
      username: 'peneliti.dua',
      role: 'researcher',
    });
    assert.ok(second);
    ok(second, 'second researcher');
    ok(
      await server
        .client()
        .post('/api/auth/activation', { code: second.body.activation.code, password: 'dua-peneliti-2026' }),
      'activation',
    );
    const reviewer2 = await server.loginAs('peneliti.dua', 'dua-peneliti-2026');
    const references = (await researcher.get(`/api/reviews/${reviewId}/references`)).body.references as {
      id: string;
    }[];
    for (const stage of ['title_abstract', 'full_text']) {
      for (const reviewer of [researcher, reviewer2]) {
        for (const reference of references) {
          ok(
            await reviewer.post(`/api/reviews/${reviewId}/references/${reference.id}/decisions`, {
              stage,
              decision: 'include',
            }),
            'decision',
          );
        }
      }
    }
    for (const [i, reference] of references.entries()) {
      ok(
        await researcher.request('PUT', `/api/reviews/${reviewId}/references/${reference.id}/extraction`, {
          data: {
            design: 'rct',
            results: [
              {
                outcome: 'milk-flow-adequate',
                measure: 'RR',
                combination: 'alone',
                n1: 30,
                events1: 20 + i,
                n2: 30,
                events2: 12,
              },
            ],
          },
        }),
        'extraction',
      );
    }
    const study = await researcher.post(
      '/api/studies',
      prePostStudyRequest(FORMULA_PAYLOADS[0], (await researcher.get('/api/auth/me')).body.facility.id),
    );
    ok(study, 'study');
    Object.assign(params, {
      sessionId: [sessionId],
      reviewId: [reviewId],
      studyId: [study.body.id],
      file: DATASET_FILES.map((name) => `${name}.csv`),
    });
  });
  after(() => server?.close());

  it('finds every CSV and SVG route, with a query and a role that may read it', () => {
    const routes = fileRoutes();
    assert.ok(routes.length >= 8, `${routes.length} file routes`);
    for (const route of routes) {
      assert.ok(`${route.method} ${route.url}` in QUERIES, `add a query for ${route.method} ${route.url} to QUERIES`);
      assert.ok(rolesFor(route).length > 0, `no role reads ${route.url}`);
    }
  });

  it('neutralises spreadsheet formulas in every CSV, and exports the hostile text', async () => {
    const seen = new Set<string>();
    for (const route of fileRoutes().filter((r) => !r.url.endsWith('.svg'))) {
      for (const path of pathsOf(route)) {
        const response = await fetchFile(route, path);
        assert.equal(response.status, 200, `${path}: ${response.text.slice(0, 200)}`);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/, path);
        for (const cell of csvCells(response.text)) {
          seen.add(cell);
          if (/^[=+\-@\t\r]/.test(cell)) {
            assert.match(cell, /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/, `${path}: a cell a spreadsheet runs: ${cell}`);
          }
        }
      }
    }
    for (const payload of Object.values(FORMULA)) {
      assert.ok(seen.has(`'${payload}`), `${payload} is exported, with a leading quote`);
    }
  });

  it('escapes the markup in the labels of every SVG', async () => {
    const texts: string[] = [];
    for (const route of fileRoutes().filter((r) => r.url.endsWith('.svg'))) {
      for (const path of pathsOf(route)) {
        const response = await fetchFile(route, path);
        assert.equal(response.status, 200, `${path}: ${response.text.slice(0, 200)}`);
        assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/, path);
        const svg = response.text;
        assert.match(svg, /^<svg[\s>]/, path);
        assert.doesNotMatch(svg, /<(img|script|iframe|a|foreignObject|mglyph|textarea)[\s>/]/i, `${path}: markup`);
        // Inside a tag (text content is escaped, so "<" only opens our own tags).
        assert.doesNotMatch(svg, /<[^>]*\son\w+\s*=/i, `${path}: an event handler attribute`);
        assert.equal((svg.match(/<svg[\s>]/g) ?? []).length, 1, `${path}: one root`);
        texts.push(svg);
      }
    }
    const all = texts.join('\n');
    const escaped = (text: string) =>
      text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    assert.ok(all.includes(escaped(AUTHOR)), 'the author labels the forest plot, escaped');
    assert.ok(all.includes(escaped(SOURCE).replaceAll("'", '&apos;')) || all.includes(escaped(SOURCE)), 'the source');
  });
});
