import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoId } from '@lancar/db';
import { type Actor, can, newId, type Resource, ROLES, type Role } from '@lancar/domain';
import { mutation } from './testing/mutations.ts';
import { prePostStudyRequest } from './testing/studies.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from './testing/test-server.ts';

/**
 * Every API route, called as every role, with no session and with an expired one: allowed or refused exactly as
 * the policy in packages/domain says. The route list comes from the running app, so a new route without a sample
 * here fails this test instead of escaping it.
 */

const A = demoId('facility:sukamaju');
const SITI = demoId('mother:siti');
const BUDI = demoId('user:budi');
const RINA = demoId('user:rina');
const SESSION = demoId('training:posyandu-melati');
const NINING = demoId('participant:walk-in-10');
const training = (): Resource[] => [{ kind: 'training', facilityId: A }];

interface Sample {
  path: string;
  body?: unknown;
  /** The records the call touches; the call is allowed when the policy allows every one. */
  resources: (actor: Actor) => Resource[];
  /** The call ends sessions: use a fresh login for it. */
  endsSessions?: boolean;
}

let unique = 0;
const phone = () => `0812555${String(10000 + unique++).padStart(5, '0')}`;

const SAMPLES: Record<string, () => Sample> = {
  'GET /api/health': () => ({ path: '/api/health', resources: () => [] }),
  'POST /api/auth/login': () => ({
    path: '/api/auth/login',
    body: { login: 'nobody.here', password: 'x' },
    resources: () => [],
  }),
  'POST /api/auth/activation/check': () => ({
    path: '/api/auth/activation/check',
    body: { code: '3333-3333' },
    resources: () => [],
  }),
  'POST /api/auth/activation': () => ({
    path: '/api/auth/activation',
    body: { code: '3333-3333', password: 'a-good-password' },
    resources: () => [],
  }),
  'POST /api/auth/logout': () => ({
    path: '/api/auth/logout',
    resources: (me) => [{ kind: 'session', facilityId: A, ownerUserId: me.userId }],
    endsSessions: true,
  }),
  'POST /api/auth/logout-others': () => ({
    path: '/api/auth/logout-others',
    resources: (me) => [{ kind: 'session', facilityId: A, ownerUserId: me.userId }],
    endsSessions: true,
  }),
  'GET /api/auth/me': () => ({
    path: '/api/auth/me',
    resources: (me) => [{ kind: 'session', facilityId: A, ownerUserId: me.userId }],
  }),
  'PATCH /api/auth/me': () => ({
    path: '/api/auth/me',
    body: { locale: 'id' },
    resources: (me) => [{ kind: 'session', facilityId: A, ownerUserId: me.userId }],
  }),
  'GET /api/auth/sessions': () => ({
    path: '/api/auth/sessions',
    resources: (me) => [{ kind: 'session', facilityId: A, ownerUserId: me.userId }],
  }),
  'GET /api/facility': () => ({ path: '/api/facility', resources: () => [{ kind: 'facility', facilityId: A }] }),
  'GET /api/facilities': () => ({ path: '/api/facilities', resources: () => [{ kind: 'facility', facilityId: '*' }] }),
  'POST /api/facilities': () => {
    const id = newId();
    return {
      path: '/api/facilities',
      body: { id, name: `Klinik ${unique++}`, kind: 'clinic', district: 'D', province: 'P' },
      resources: () => [{ kind: 'facility', facilityId: id }],
    };
  },
  'GET /api/staff': () => ({ path: '/api/staff', resources: () => [{ kind: 'staff', facilityId: A }] }),
  'POST /api/staff': () => ({
    path: '/api/staff',
    body: { displayName: 'Staf Baru', username: `staf.${unique++}`, role: 'cadre' },
    resources: () => [{ kind: 'staff', facilityId: A }],
  }),
  'PATCH /api/staff/:userId': () => ({
    path: `/api/staff/${RINA}`,
    body: { status: 'active' },
    resources: () => [{ kind: 'staff', facilityId: A }],
  }),
  'GET /api/mothers': () => ({ path: '/api/mothers', resources: () => [{ kind: 'mother', facilityId: A }] }),
  'GET /api/alerts': () => ({ path: '/api/alerts?state=open', resources: () => [{ kind: 'alert', facilityId: A }] }),
  'GET /api/alerts/summary': () => ({
    path: '/api/alerts/summary',
    resources: () => [{ kind: 'alert', facilityId: A }],
  }),
  'POST /api/alerts/:alertId/actions': () => ({
    path: `/api/alerts/${demoId('alert:dewi:weight')}/actions`,
    body: { kind: 'acknowledged', note: 'access matrix' },
    resources: () => [{ kind: 'alert', facilityId: A }],
  }),
  'POST /api/mothers': () => {
    const id = newId();
    return {
      path: '/api/mothers',
      body: {
        id,
        fullName: 'Ibu Matriks',
        deliveredAt: new Date().toISOString(),
        consentCare: true,
        consentResearch: false,
        babies: [{ id: newId(), sex: 'unknown' }],
      },
      resources: () => [{ kind: 'mother', facilityId: A, motherId: id }],
    };
  },
  'GET /api/mothers/:motherId': () => ({
    path: `/api/mothers/${SITI}`,
    resources: () => [{ kind: 'mother', facilityId: A, motherId: SITI }],
  }),
  'POST /api/mothers/:motherId/companions': () => ({
    path: `/api/mothers/${SITI}/companions`,
    body: { displayName: 'Pendamping', phone: phone(), relationship: 'family' },
    resources: () => [{ kind: 'companion', facilityId: A, motherId: SITI }],
  }),
  'POST /api/users/:userId/activation-code': () => ({
    path: `/api/users/${BUDI}/activation-code`,
    resources: () => [
      { kind: 'activation_code', facilityId: A },
      { kind: 'companion', facilityId: A },
    ],
  }),
  'GET /api/mothers/:motherId/entries': () => ({
    path: `/api/mothers/${SITI}/entries`,
    resources: () => [{ kind: 'household_entry', facilityId: A, motherId: SITI }],
  }),
  'POST /api/mothers/:motherId/care-plans': () => ({
    path: `/api/mothers/${SITI}/care-plans`,
    body: { id: newId(), protocolId: 'standard-3min-2x-day1-3', extendedToDay: null },
    resources: () => [{ kind: 'care_plan', facilityId: A, motherId: SITI }],
  }),
  'GET /api/mothers/:motherId/visits': () => ({
    path: `/api/mothers/${SITI}/visits`,
    resources: () => [{ kind: 'visit', facilityId: A, motherId: SITI }],
  }),
  'POST /api/mothers/:motherId/visits': () => ({
    path: `/api/mothers/${SITI}/visits`,
    body: {
      id: newId(),
      visitCode: 'KF1',
      visitedAt: new Date(Date.now() - 3600_000).toISOString(),
      place: 'home',
      observations: { temperatureC: 36.8, bloodPressure: null, breasts: 'normal', babies: [] },
      notes: null,
    },
    resources: () => [{ kind: 'visit', facilityId: A, motherId: SITI }],
  }),
  'POST /api/mothers/:motherId/messages': () => ({
    path: `/api/mothers/${SITI}/messages`,
    body: { id: newId(), body: 'Besok bidan datang jam 9.' },
    resources: () => [{ kind: 'household_message', facilityId: A, motherId: SITI }],
  }),
  'GET /api/mothers/:motherId/messages': () => ({
    path: `/api/mothers/${SITI}/messages`,
    resources: () => [{ kind: 'household_message', facilityId: A, motherId: SITI }],
  }),
  // The timeline shows household records, alerts, visits, messages and training together: staff only.
  'GET /api/mothers/:motherId/timeline': () => ({
    path: `/api/mothers/${SITI}/timeline`,
    resources: () =>
      (['visit', 'household_entry', 'alert', 'household_message', 'training'] as const).map((kind) => ({
        kind,
        facilityId: A,
        motherId: SITI,
      })),
  }),
  // Each mutation is checked against its own mother; the route itself is for those who record for a household.
  'POST /api/sync/push': () => ({
    path: '/api/sync/push',
    body: { deviceId: 'matrix', mutations: [mutation('weight', { grams: 3000 })] },
    resources: (me) => [{ kind: 'household_entry', facilityId: A, motherId: me.householdMotherIds[0] ?? 'none' }],
  }),
  'GET /api/sync/pull': () => ({
    path: '/api/sync/pull',
    resources: () => [{ kind: 'household_entry', facilityId: A }],
  }),
  'GET /api/training/me': () => ({
    path: '/api/training/me',
    resources: (me) => [{ kind: 'training', facilityId: A, ownerUserId: me.userId }],
  }),
  'GET /api/training/companions': () => ({ path: '/api/training/companions', resources: training }),
  'GET /api/training/companions/:userId': () => ({
    path: `/api/training/companions/${BUDI}`,
    resources: () => [{ kind: 'training', facilityId: A, ownerUserId: BUDI }],
  }),
  'POST /api/training/companions/:userId/skill-checks': () => ({
    path: `/api/training/companions/${BUDI}/skill-checks`,
    body: { id: newId(), results: { 'safety-consent': 'pass' } },
    resources: training,
  }),
  'POST /api/training/sessions': () => ({
    path: '/api/training/sessions',
    body: { id: newId(), heldOn: '2026-11-01', place: 'Posyandu Matriks', facilitators: 'Bidan Uji' },
    resources: training,
  }),
  'GET /api/training/sessions': () => ({ path: '/api/training/sessions', resources: training }),
  'GET /api/training/sessions/:sessionId': () => ({ path: `/api/training/sessions/${SESSION}`, resources: training }),
  'POST /api/training/sessions/:sessionId/participants': () => ({
    path: `/api/training/sessions/${SESSION}/participants`,
    body: { id: newId(), displayName: `Peserta ${unique++}` },
    resources: training,
  }),
  'PATCH /api/training/sessions/:sessionId/participants/:participantId': () => ({
    path: `/api/training/sessions/${SESSION}/participants/${NINING}`,
    body: { attended: true },
    resources: training,
  }),
  // The first allowed role enters Nining's post-test; later ones get 409 (a sheet exists), which is still "allowed".
  'POST /api/training/sessions/:sessionId/participants/:participantId/sheets': () => ({
    path: `/api/training/sessions/${SESSION}/participants/${NINING}/sheets`,
    body: { id: newId(), phase: 'post', score: 72 },
    resources: training,
  }),
  'GET /api/training/sessions/:sessionId/results': () => ({
    path: `/api/training/sessions/${SESSION}/results`,
    resources: training,
  }),
  'GET /api/training/sessions/:sessionId/results.csv': () => ({
    path: `/api/training/sessions/${SESSION}/results.csv`,
    resources: training,
  }),
  'GET /api/training/sessions/:sessionId/results.pdf': () => ({
    path: `/api/training/sessions/${SESSION}/results.pdf`,
    resources: training,
  }),
  'GET /api/training/results': () => ({ path: '/api/training/results', resources: training }),
  'GET /api/training/results.csv': () => ({ path: '/api/training/results.csv', resources: training }),
  'GET /api/training/results.pdf': () => ({ path: '/api/training/results.pdf', resources: training }),
  'GET /api/reports/facility': () => ({
    path: '/api/reports/facility?from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'report', facilityId: A }],
  }),
  'GET /api/reports/facility.csv': () => ({
    path: '/api/reports/facility.csv?from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'report', facilityId: A }],
  }),
  'GET /api/reports/facility.pdf': () => ({
    path: '/api/reports/facility.pdf?from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'report', facilityId: A }],
  }),
  // A district spans facilities: only the 'any' scope may read it.
  'GET /api/reports/district': () => ({
    path: '/api/reports/district?district=Kabupaten%20Contoh&from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'report', facilityId: '*' }],
  }),
  'GET /api/reports/district.csv': () => ({
    path: '/api/reports/district.csv?district=Kabupaten%20Contoh&from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'report', facilityId: '*' }],
  }),
  'GET /api/mothers/:motherId/fhir': () => ({
    path: `/api/mothers/${SITI}/fhir`,
    resources: () => [{ kind: 'mother', facilityId: A, motherId: SITI }],
  }),
  'GET /api/exports/fhir': () => ({
    path: '/api/exports/fhir?from=2026-01-01&to=2026-12-31',
    // Identifiable: the export grant and the right to read the facility's mothers (so no researcher).
    resources: () => [
      { kind: 'dataset_export', facilityId: A },
      { kind: 'mother', facilityId: A },
    ],
  }),
  'GET /api/research/records': () => ({
    path: '/api/research/records',
    resources: () => [{ kind: 'research_record', facilityId: A }],
  }),
  'GET /api/exports/dataset.xlsx': () => ({
    path: '/api/exports/dataset.xlsx?from=2026-11-01&to=2026-11-30',
    resources: () => [{ kind: 'dataset_export', facilityId: A }],
  }),
  'GET /api/exports/dataset/:file': () => ({
    path: '/api/exports/dataset/mothers.csv',
    resources: () => [{ kind: 'dataset_export', facilityId: A }],
  }),
  // Studies: a study id that does not exist answers 404 to those allowed (the policy is per facility, not per study).
  'GET /api/studies': () => ({ path: '/api/studies', resources: () => [{ kind: 'study', facilityId: A }] }),
  'POST /api/studies': () => ({
    path: '/api/studies',
    body: prePostStudyRequest('Studi matriks akses', A),
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId': () => ({
    path: `/api/studies/${newId()}`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'PATCH /api/studies/:studyId': () => ({
    path: `/api/studies/${newId()}`,
    body: { status: 'closed' },
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'POST /api/studies/:studyId/enrolments': () => ({
    path: `/api/studies/${newId()}/enrolments`,
    body: { pseudonym: 'LCR-0000' },
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/enrolments': () => ({
    path: `/api/studies/${newId()}/enrolments`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/eligible': () => ({
    path: `/api/studies/${newId()}/eligible`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/dataset.csv': () => ({
    path: `/api/studies/${newId()}/dataset.csv?shape=long`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/dataset.xlsx': () => ({
    path: `/api/studies/${newId()}/dataset.xlsx`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/codebook.csv': () => ({
    path: `/api/studies/${newId()}/codebook.csv`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  'GET /api/studies/:studyId/analysis': () => ({
    path: `/api/studies/${newId()}/analysis`,
    resources: () => [{ kind: 'study', facilityId: A }],
  }),
  // Literature reviews: a review id that does not exist answers 404 to those allowed (the policy is per facility).
  'GET /api/reviews': () => ({ path: '/api/reviews', resources: () => [{ kind: 'literature_review', facilityId: A }] }),
  'POST /api/reviews': () => ({
    path: '/api/reviews',
    body: { id: newId(), title: 'Pijat oksitosin dan produksi ASI', question: null },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId': () => ({
    path: `/api/reviews/${newId()}`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'PATCH /api/reviews/:reviewId': () => ({
    path: `/api/reviews/${newId()}`,
    body: { prisma: { reportsNotRetrieved: 1 } },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'POST /api/reviews/:reviewId/imports': () => ({
    path: `/api/reviews/${newId()}/imports`,
    body: { format: 'ris', sourceName: 'PubMed', text: 'TY  - JOUR\nTI  - A title\nER  - \n' },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'POST /api/reviews/:reviewId/preload': () => ({
    path: `/api/reviews/${newId()}/preload`,
    body: {},
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId/references': () => ({
    path: `/api/reviews/${newId()}/references?stage=title_abstract`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'POST /api/reviews/:reviewId/references/:referenceId/decisions': () => ({
    path: `/api/reviews/${newId()}/references/${newId()}/decisions`,
    body: { stage: 'title_abstract', decision: 'include' },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'POST /api/reviews/:reviewId/references/:referenceId/resolutions': () => ({
    path: `/api/reviews/${newId()}/references/${newId()}/resolutions`,
    body: { stage: 'title_abstract', decision: 'include' },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'PUT /api/reviews/:reviewId/references/:referenceId/extraction': () => ({
    path: `/api/reviews/${newId()}/references/${newId()}/extraction`,
    body: { data: { design: 'rct' } },
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId/meta-analysis': () => ({
    path: `/api/reviews/${newId()}/meta-analysis?outcome=milk-volume&measure=SMD`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId/forest.svg': () => ({
    path: `/api/reviews/${newId()}/forest.svg?outcome=milk-volume&measure=SMD`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId/prisma': () => ({
    path: `/api/reviews/${newId()}/prisma`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/reviews/:reviewId/prisma.svg': () => ({
    path: `/api/reviews/${newId()}/prisma.svg`,
    resources: () => [{ kind: 'literature_review', facilityId: A }],
  }),
  'GET /api/audit-events': () => ({
    path: '/api/audit-events',
    resources: () => [{ kind: 'audit_event', facilityId: A }],
  }),
};

const LOGINS: Record<Role, string> = {
  system_admin: DEMO.systemAdmin,
  facility_admin: DEMO.facilityAdmin,
  midwife: DEMO.midwife,
  cadre: DEMO.cadre,
  researcher: DEMO.researcher,
  mother: DEMO.mother,
  companion: DEMO.companion,
};

describe('access matrix: every route x every role', () => {
  let server: TestServer;
  const clients = new Map<Role, TestClient>();
  const actors = new Map<Role, Actor>();

  before(async () => {
    server = await startTestServer();
    for (const role of ROLES) {
      const client = await server.loginAs(LOGINS[role]);
      const me = (await client.get('/api/auth/me')).body;
      clients.set(role, client);
      actors.set(role, {
        userId: me.userId,
        role,
        facilityId: me.facility.id,
        householdMotherIds: me.householdMotherIds,
      });
    }
  });
  after(() => server.close());

  const apiRoutes = () =>
    server.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

  it('has a sample request for every API route and an access rule on each', () => {
    const missing = apiRoutes()
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !(key in SAMPLES));
    assert.deepEqual(missing, [], 'add these routes to SAMPLES in access-matrix.test.ts');
    for (const route of apiRoutes()) assert.ok(route.access, `${route.method} ${route.url} declares no access rule`);
    assert.ok(apiRoutes().length >= Object.keys(SAMPLES).length);
  });

  it('refuses every non-public route without a session, and with an expired one', async () => {
    const expiring = await server.loginAs(DEMO.companion);
    server.clock.now = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    try {
      for (const route of apiRoutes()) {
        const sample = SAMPLES[`${route.method} ${route.url}`]?.();
        if (!sample) continue;
        const anonymous = await server.client().request(route.method, sample.path, sample.body);
        const expired = await expiring.request(route.method, sample.path, sample.body);
        if (route.access === 'public') {
          assert.notEqual(
            anonymous.body.type,
            'https://lancar.id/problems/not-authenticated',
            `${route.method} ${route.url} is public`,
          );
          assert.ok(anonymous.status < 500, `${route.method} ${route.url}: ${anonymous.status}`);
        } else {
          assert.equal(anonymous.status, 401, `${route.method} ${route.url} without a session`);
          assert.equal(expired.status, 401, `${route.method} ${route.url} with an expired session`);
          assert.equal(anonymous.body.type, 'https://lancar.id/problems/not-authenticated');
        }
      }
    } finally {
      server.clock.now = undefined;
    }
  });

  for (const role of ROLES) {
    it(`allows and refuses exactly as the policy says for ${role}`, async () => {
      const actor = actors.get(role);
      assert.ok(actor);
      for (const route of apiRoutes()) {
        if (route.access === 'public') continue;
        const sample = SAMPLES[`${route.method} ${route.url}`]?.();
        assert.ok(sample, `${route.method} ${route.url}`);
        const expected = sample
          .resources(actor)
          .every((resource) => can(actor, route.access === 'public' ? 'read' : route.access!.action, resource));
        const client = sample.endsSessions ? await server.loginAs(LOGINS[role]) : clients.get(role);
        assert.ok(client);
        const response = await client.request(route.method, sample.path, sample.body);
        const label = `${role} ${route.method} ${route.url} -> ${response.status} ${response.text.slice(0, 160)}`;
        assert.ok(response.status < 500, label);
        if (expected) {
          assert.ok(response.status !== 401 && response.status !== 403, `should be allowed: ${label}`);
        } else {
          assert.equal(response.status, 403, `should be refused: ${label}`);
          assert.equal(response.body.type, 'https://lancar.id/problems/forbidden');
        }
        if (sample.endsSessions) clients.set(role, await server.loginAs(LOGINS[role]));
      }
    });
  }
});
