import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertSummary, AlertTask, CaseloadMother } from '@lancar/contracts';
import { demoId } from '@lancar/db';
import { ALERT_RULES_VERSION } from '@lancar/domain';
import { evaluateTimeAlerts } from '../../housekeeping.ts';
import { mutation, SITI } from '../../testing/mutations.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';
import { startOfLocalDay } from './get-alert-summary.ts';

const HOUR = 3600 * 1000;
const DEWI_ALERT = demoId('alert:dewi:weight');

function session(at: Date) {
  return mutation(
    'massage_session',
    {
      protocolId: 'standard-3min-2x-day1-3',
      endedAt: new Date(at.getTime() + 5 * 60_000).toISOString(),
      outcome: 'completed',
      stepsCompleted: ['massage'],
      stepsTotal: 8,
      massageSeconds: 180,
      comfort: 4,
      pain: 0,
      letDown: null,
      notes: null,
      safetyStops: [],
    },
    { occurredAt: at },
  );
}

describe('alerts as tasks', () => {
  let server: TestServer;
  let midwife: TestClient;
  let husband: TestClient;

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    husband = await server.loginAs(DEMO.companion);
  });
  after(() => server.close());

  const sitiAlerts = async (signId: string) =>
    server.database.db
      .selectFrom('alert')
      .selectAll()
      .where('mother_id', '=', SITI)
      .where('sign_id', '=', signId)
      .execute();

  it('lists open tasks newest first with the mother, her day, the sign and the severity', async () => {
    const push = await husband.post('/api/sync/push', {
      deviceId: 'husband-phone',
      mutations: [mutation('danger_report', { signs: ['baby-jaundice'] })],
    });
    assert.equal(push.status, 200, push.text);
    const [jaundice] = await sitiAlerts('baby-jaundice');
    assert.equal(jaundice?.rule_version, ALERT_RULES_VERSION, 'the rule version is recorded');

    const open = await midwife.get<{ alerts: AlertTask[] }>('/api/alerts?state=open');
    assert.equal(open.status, 200, open.text);
    const first = open.body.alerts[0];
    assert.equal(first?.signId, 'baby-jaundice', 'newest first');
    assert.equal(first?.motherName, 'Siti Aminah');
    assert.equal(first?.dayPostpartum, 2);
    assert.equal(first?.severity, 'immediate');
    assert.equal(first?.state, 'open');
    assert.equal(first?.lastAction, null);
    assert.ok(open.body.alerts.some((a) => a.id === DEWI_ALERT));
    const times = open.body.alerts.map((a) => Date.parse(a.raisedAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );

    const audits = await server.database.db
      .selectFrom('audit_event')
      .select('subject_id')
      .where('subject_id', '=', SITI)
      .where('action', '=', 'list')
      .execute();
    assert.ok(audits.length > 0, 'listing tasks is audited per mother');
  });

  it('acknowledge, act, close with an outcome; a closed task refuses more (409); everything audited', async () => {
    const [jaundice] = await sitiAlerts('baby-jaundice');
    assert.ok(jaundice);
    const path = `/api/alerts/${jaundice.id}/actions`;

    const ack = await midwife.post<AlertTask>(path, { kind: 'acknowledged' });
    assert.equal(ack.status, 201, ack.text);
    assert.equal(ack.body.state, 'acknowledged');

    const noAction = await midwife.post(path, { kind: 'acted' });
    assert.equal(noAction.status, 400, 'acting needs the action taken');
    const acted = await midwife.post<AlertTask>(path, {
      kind: 'acted',
      actionTaken: 'phoned',
      note: 'Ibu diminta ke puskesmas',
    });
    assert.equal(acted.status, 201, acted.text);
    assert.equal(acted.body.state, 'acted');
    assert.equal(acted.body.lastAction?.actionTaken, 'phoned');
    assert.match(acted.body.lastAction?.actedByName ?? '', /Bidan Sari/);

    const noOutcome = await midwife.post(path, { kind: 'closed' });
    assert.equal(noOutcome.status, 400, 'closing needs an outcome');
    assert.match(noOutcome.text, /outcome/);

    const acknowledgedList = await midwife.get<{ alerts: AlertTask[] }>('/api/alerts?state=acknowledged');
    assert.ok(
      acknowledgedList.body.alerts.some((a) => a.id === jaundice.id),
      'acted tasks are in progress',
    );

    const closed = await midwife.post<AlertTask>(path, { kind: 'closed', outcome: 'referred' });
    assert.equal(closed.status, 201, closed.text);
    assert.equal(closed.body.state, 'closed');
    assert.equal(closed.body.lastAction?.outcome, 'referred');

    const again = await midwife.post(path, { kind: 'acknowledged' });
    assert.equal(again.status, 409);
    assert.equal(again.body.type, 'https://lancar.id/problems/alert-closed');

    const closedList = await midwife.get<{ alerts: AlertTask[] }>('/api/alerts?state=closed');
    assert.ok(closedList.body.alerts.some((a) => a.id === jaundice.id));
    const openList = await midwife.get<{ alerts: AlertTask[] }>('/api/alerts?state=open');
    assert.ok(!openList.body.alerts.some((a) => a.id === jaundice.id));

    const actions = await server.database.db
      .selectFrom('alert_action')
      .select('kind')
      .where('alert_id', '=', jaundice.id)
      .orderBy('acted_at')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['acknowledged', 'acted', 'closed'],
      'refused requests saved nothing',
    );
    const audited = await server.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('subject_id', '=', SITI)
      .where('action', '=', 'update')
      .execute();
    assert.ok(audited.filter((a) => JSON.stringify(a.detail).includes(jaundice.id)).length >= 3);
  });

  it("another facility's midwife gets 404 for this facility's alert, and a household cannot act on it", async () => {
    const lina = await server.loginAs(DEMO.otherFacilityMidwife);
    const other = await lina.post(`/api/alerts/${DEWI_ALERT}/actions`, { kind: 'acknowledged' });
    assert.equal(other.status, 404);
    const listed = await lina.get<{ alerts: AlertTask[] }>('/api/alerts');
    assert.ok(!listed.body.alerts.some((a) => a.id === DEWI_ALERT));
    const household = await husband.post(`/api/alerts/${DEWI_ALERT}/actions`, { kind: 'acknowledged' });
    assert.equal(household.status, 403);
  });

  it('the daily summary counts new today (WIB), open by severity and open for over 24 hours', async () => {
    const summary = await midwife.get<AlertSummary>('/api/alerts/summary');
    assert.equal(summary.status, 200, summary.text);
    const open = await midwife.get<{ alerts: AlertTask[] }>('/api/alerts?limit=500');
    const notClosed = open.body.alerts.filter((a) => a.state !== 'closed');
    assert.equal(summary.body.openImmediate, notClosed.filter((a) => a.severity === 'immediate').length);
    assert.equal(summary.body.openSoon, notClosed.filter((a) => a.severity === 'soon').length);
    const since = Date.parse(summary.body.since);
    assert.equal(summary.body.newToday, open.body.alerts.filter((a) => Date.parse(a.raisedAt) >= since).length);
    assert.ok(summary.body.closedToday >= 1, 'the jaundice task was closed today');
    // A day later every task still open is over 24 hours old.
    server.clock.now = new Date(Date.now() + 25 * HOUR);
    try {
      const fresh = await server.loginAs(DEMO.midwife);
      const later = await fresh.get<AlertSummary>('/api/alerts/summary');
      assert.equal(later.body.openOver24h, notClosed.length);
    } finally {
      server.clock.now = undefined;
    }
  });

  it('the start of today is midnight in Jakarta', () => {
    assert.equal(startOfLocalDay(new Date('2026-11-23T16:59:00Z'), 420).toISOString(), '2026-11-22T17:00:00.000Z');
    assert.equal(startOfLocalDay(new Date('2026-11-23T17:00:00Z'), 420).toISOString(), '2026-11-23T17:00:00.000Z');
  });
});

describe('alert rules about time', () => {
  let server: TestServer;
  let husband: TestClient;
  let deliveredAt: Date;
  before(async () => {
    server = await startTestServer();
    husband = await server.loginAs(DEMO.companion);
    const siti = await server.database.db
      .selectFrom('mother')
      .select('delivered_at')
      .where('id', '=', SITI)
      .executeTakeFirstOrThrow();
    deliveredAt = siti.delivered_at as Date;
  });
  after(() => server.close());

  const sitiAlerts = (signId: string) =>
    server.database.db
      .selectFrom('alert')
      .selectAll()
      .where('mother_id', '=', SITI)
      .where('sign_id', '=', signId)
      .execute();

  it('no massage for 2 days while the protocol is active: the timer raises one alert for the stretch', async () => {
    // Whole seconds: phones send times to the second.
    const massagedAt = new Date(Math.floor((deliveredAt.getTime() + 1 * HOUR) / 1000) * 1000);
    const push = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [session(massagedAt)] });
    assert.equal(push.status, 200, push.text);
    assert.deepEqual(await sitiAlerts('no-massage-2-days'), [], 'not yet');

    await evaluateTimeAlerts(server.database, new Date(massagedAt.getTime() + 47 * HOUR));
    assert.deepEqual(await sitiAlerts('no-massage-2-days'), [], '47 hours is not 2 days');
    const at = new Date(massagedAt.getTime() + 49 * HOUR); // still day 3 of a days 1-3 protocol
    await evaluateTimeAlerts(server.database, at);
    await evaluateTimeAlerts(server.database, new Date(at.getTime() + HOUR));
    const raised = await sitiAlerts('no-massage-2-days');
    assert.equal(raised.length, 1, 'one alert per stretch, however often the timer runs');
    assert.equal(raised[0]?.episode, `since:${massagedAt.toISOString()}`);
    assert.equal(raised[0]?.rule_version, ALERT_RULES_VERSION);
    // After the protocol's last day (day 4 here) nothing more is raised.
    await evaluateTimeAlerts(server.database, new Date(deliveredAt.getTime() + 3 * 24 * HOUR + HOUR));
    assert.equal((await sitiAlerts('no-massage-2-days')).length, 1);
  });

  it('no sync for 3 days raises one alert, on the timer', async () => {
    const [latest] = await server.database.db
      .selectFrom('household_entry')
      .select('received_at')
      .where('mother_id', '=', SITI)
      .orderBy('received_at', 'desc')
      .limit(1)
      .execute();
    assert.ok(latest);
    const lastSync = latest.received_at as Date;
    await evaluateTimeAlerts(server.database, new Date(lastSync.getTime() + 71 * HOUR));
    assert.deepEqual(await sitiAlerts('no-sync-3-days'), []);
    await evaluateTimeAlerts(server.database, new Date(lastSync.getTime() + 73 * HOUR));
    await evaluateTimeAlerts(server.database, new Date(lastSync.getTime() + 80 * HOUR));
    const raised = await sitiAlerts('no-sync-3-days');
    assert.equal(raised.length, 1);
    assert.equal(raised[0]?.episode, `since:${lastSync.toISOString()}`);
  });

  it('"not adequate" 3 days in a row raises one alert on push; a fourth day adds none', async () => {
    const day4 = new Date(deliveredAt.getTime() + 3.5 * 24 * HOUR);
    server.clock.now = day4;
    try {
      const phone = await server.loginAs(DEMO.companion);
      const check = (day: number) =>
        mutation(
          'adequacy_check',
          { dayOfLife: day, answers: { 'feeds-8': false }, result: 'not_adequate', contentVersion: 1 },
          { occurredAt: new Date(deliveredAt.getTime() + (day - 1) * 24 * HOUR + 20 * HOUR) },
        );
      const two = await phone.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [check(1), check(2)] });
      assert.equal(two.status, 200, two.text);
      assert.deepEqual(await sitiAlerts('checklist-not-adequate-3-days'), []);
      await phone.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [check(3)] });
      const raised = await sitiAlerts('checklist-not-adequate-3-days');
      assert.equal(raised.length, 1);
      assert.equal(raised[0]?.episode, 'baby:none:from-day:1');
      server.clock.now = new Date(deliveredAt.getTime() + 4.5 * 24 * HOUR);
      const later = await server.loginAs(DEMO.companion);
      await later.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [check(4)] });
      assert.equal((await sitiAlerts('checklist-not-adequate-3-days')).length, 1);
    } finally {
      server.clock.now = undefined;
    }
  });
});

describe('caseload', () => {
  let server: TestServer;
  let midwife: TestClient;
  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
  });
  after(() => server.close());

  it('shows day, adherence, adequacy, weight change, open alerts and last sync for each mother', async () => {
    const husband = await server.loginAs(DEMO.companion);
    const now = Date.now();
    await husband.post('/api/sync/push', {
      deviceId: 'husband-phone',
      mutations: [session(new Date(now - 2 * HOUR)), session(new Date(now - 1 * HOUR))],
    });
    const list = await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers');
    assert.equal(list.status, 200, list.text);
    const siti = list.body.mothers.find((m) => m.id === SITI);
    assert.ok(siti);
    assert.equal(siti.dayPostpartum, 2);
    assert.equal(siti.massageDone, 2);
    assert.ok(siti.massageDue >= 2);
    assert.equal(siti.protocolId, 'standard-3min-2x-day1-3');
    assert.ok(siti.lastSyncAt !== null && Date.parse(siti.lastSyncAt) <= Date.now());
    const dewi = list.body.mothers.find((m) => m.id === demoId('mother:dewi'));
    assert.ok(dewi);
    assert.ok(dewi.openAlertCount >= 1);
    assert.equal(dewi.openAlertSeverity, 'soon');
    assert.ok(dewi.weightChangePercent !== null && dewi.weightChangePercent < 0);
    assert.notEqual(dewi.adequacy, null);
  });

  it('filters, searches and sorts', async () => {
    const all = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers')).body.mothers;
    const withAlert = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?hasOpenAlert=true')).body.mothers;
    assert.ok(withAlert.length > 0);
    assert.ok(withAlert.every((m) => m.openAlertCount > 0));
    assert.equal(withAlert.length, all.filter((m) => m.openAlertCount > 0).length);

    const search = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?q=siti')).body.mothers;
    assert.deepEqual(
      search.map((m) => m.id),
      [SITI],
    );
    const range = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?dayMin=5&dayMax=7')).body.mothers;
    assert.ok(
      range.length > 0 && range.every((m) => m.dayPostpartum !== null && m.dayPostpartum >= 5 && m.dayPostpartum <= 7),
    );
    const village = all.find((m) => m.village)?.village;
    assert.ok(village);
    const byVillage = (
      await midwife.get<{ mothers: CaseloadMother[] }>(`/api/mothers?village=${encodeURIComponent(village)}`)
    ).body.mothers;
    assert.ok(byVillage.length > 0 && byVillage.every((m) => m.village === village));

    const byAlerts = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?sort=alerts')).body.mothers;
    assert.ok((byAlerts[0]?.openAlertCount ?? 0) > 0, 'mothers with open alerts first');
    const bySync = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?sort=lastSync')).body.mothers;
    const syncTimes = bySync.map((m) => (m.lastSyncAt ? Date.parse(m.lastSyncAt) : 0));
    assert.deepEqual(
      syncTimes,
      [...syncTimes].sort((a, b) => a - b),
    );
    const byAdherence = (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?sort=adherence')).body.mothers;
    const ratios = byAdherence.map((m) => m.adherence ?? 2);
    assert.deepEqual(
      ratios,
      [...ratios].sort((a, b) => a - b),
    );

    const bad = await midwife.get('/api/mothers?sort=nonsense');
    assert.equal(bad.status, 400);
  });

  it('pages the caseload: disjoint pages that together are the whole list, with the total and the villages', async () => {
    type Page = { mothers: CaseloadMother[]; total: number; nextOffset: number | null; villages: string[] };
    const all = (await midwife.get<Page>('/api/mothers?limit=200')).body;
    assert.equal(all.mothers.length, all.total);
    assert.equal(all.nextOffset, null);
    assert.ok(all.total >= 3, 'the demo facility has several mothers');
    assert.deepEqual(all.villages, [...new Set(all.mothers.map((m) => m.village).filter((v) => v !== null))].sort());
    const seen: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page: Page = (await midwife.get<Page>(`/api/mothers?sort=alerts&limit=2&offset=${offset}`)).body;
      assert.ok(page.mothers.length <= 2);
      assert.equal(page.total, all.total);
      seen.push(...page.mothers.map((m) => m.id));
      offset = page.nextOffset;
    }
    assert.equal(new Set(seen).size, seen.length, 'no mother on two pages');
    assert.deepEqual([...seen].sort(), all.mothers.map((m) => m.id).sort());
    const byAlerts = (await midwife.get<Page>('/api/mothers?sort=alerts&limit=200')).body.mothers.map((m) => m.id);
    assert.deepEqual(seen, byAlerts, 'pages follow the sort');
    // Only the page's mothers are audited as listed.
    const before = await server.database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'list')
      .executeTakeFirstOrThrow();
    await midwife.get('/api/mothers?limit=1');
    const afterOne = await server.database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'list')
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterOne.n) - Number(before.n), 1);
    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=ten']) {
      assert.equal((await midwife.get(`/api/mothers?${bad}`)).status, 400, bad);
    }
  });

  it('keeps each mother’s summary current as her household pushes, corrects and voids entries', async () => {
    const husband = await server.loginAs(DEMO.companion);
    const siti = async () =>
      (await midwife.get<{ mothers: CaseloadMother[] }>('/api/mothers?q=siti')).body.mothers.find((m) => m.id === SITI);
    const start = await siti();
    assert.ok(start?.deliveredAt);
    // On day 1, where no session was given yet (done counts at most the planned sessions of a day).
    const given = session(new Date(Date.parse(start.deliveredAt) + 2 * HOUR));
    const check = mutation(
      'adequacy_check',
      { dayOfLife: 2, answers: { 'feeds-8': false }, result: 'not_adequate', contentVersion: 1 },
      { occurredAt: new Date(Date.now() - 20 * 60_000) },
    );
    const pushed = await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [given, check] });
    assert.equal(pushed.status, 200, pushed.text);
    const after = await siti();
    assert.ok(after?.lastSyncAt && start.lastSyncAt !== after.lastSyncAt);
    assert.equal(after.massageDone, start.massageDone + 1);
    assert.equal(after.adequacy, 'not_adequate');
    assert.equal(after.adequacyDay, 2);

    const undo = mutation('void', { reason: 'typed twice' }, { supersedes: given.entry.id, babyId: null });
    const fixed = mutation(
      'adequacy_check',
      { dayOfLife: 2, answers: { 'feeds-8': true }, result: 'adequate', contentVersion: 1 },
      { occurredAt: new Date(Date.now() - 20 * 60_000), supersedes: check.entry.id },
    );
    assert.equal(
      (await husband.post('/api/sync/push', { deviceId: 'husband-phone', mutations: [undo, fixed] })).status,
      200,
    );
    const corrected = await siti();
    assert.equal(corrected?.massageDone, start.massageDone);
    assert.equal(corrected?.adequacy, 'adequate');
  });

  it('a household still sees only its own mother', async () => {
    const mother = await server.loginAs(DEMO.mother);
    const list = await mother.get<{ mothers: CaseloadMother[] }>('/api/mothers');
    assert.deepEqual(
      list.body.mothers.map((m) => m.id),
      [SITI],
    );
  });
});
