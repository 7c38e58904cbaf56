import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QUIZ_ITEMS } from '@lancar/content/training';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';
import { lessonMutation, quizMutation } from '../../testing/mutations.ts';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

const BUDI = demoId('user:budi');
const YATI = demoId('user:yati');
const AGUS = demoId('user:agus');

/** A sheet with the first `right` items answered correctly, the rest wrong, and the last `blank` left empty. */
function sheet(right: number, blank = 0): Record<string, string | null> {
  return Object.fromEntries(
    QUIZ_ITEMS.map((item, i) => {
      if (i >= QUIZ_ITEMS.length - blank) return [item.id, null];
      const wrong = item.options.find((o) => o.id !== item.correctOptionId)?.id ?? null;
      return [item.id, i < right ? item.correctOptionId : wrong];
    }),
  );
}

const ALL_PASS = {
  'safety-consent': 'pass',
  'hands-preparation': 'pass',
  position: 'pass',
  'find-start': 'pass',
  oil: 'pass',
  'hand-shape': 'pass',
  'massage-movement': 'pass',
  pressure: 'pass',
  'finish-clean': 'pass',
  'feed-after': 'pass',
} as const;

describe('training', () => {
  let server: TestServer;
  let midwife: TestClient;
  let companion: TestClient;

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    companion = await server.loginAs(DEMO.companion);
  });
  after(() => server.close());

  async function newSession(place = 'Posyandu Uji') {
    const id = newId();
    const created = await midwife.post('/api/training/sessions', {
      id,
      heldOn: '2026-11-10',
      place,
      facilitators: 'Bidan Sari, Kader Wati',
    });
    assert.equal(created.status, 201, created.text);
    return id;
  }

  async function addWalkIn(sessionId: string, displayName: string, phone?: string) {
    const id = newId();
    const response = await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
      id,
      displayName,
      ...(phone ? { phone } : {}),
    });
    assert.equal(response.status, 201, response.text);
    return id;
  }

  const sheetsPath = (sessionId: string, participantId: string) =>
    `/api/training/sessions/${sessionId}/participants/${participantId}/sheets`;

  it('takes a companion from not started to competent: phone tests and lessons by sync, then the skill check', async () => {
    const start = await companion.get('/api/training/me');
    assert.equal(start.status, 200);
    assert.equal(start.body.status, 'not_started');

    const pushed = await companion.post('/api/sync/push', {
      deviceId: 'budi-phone',
      mutations: [
        quizMutation('pre', sheet(8), { takenAt: new Date(Date.now() - 3 * 3600_000) }),
        lessonMutation('technique'),
        lessonMutation('safety'),
      ],
    });
    assert.equal(pushed.status, 200, pushed.text);
    assert.deepEqual(
      pushed.body.results.map((r: { status: string }) => r.status),
      ['applied', 'applied', 'applied'],
    );
    const learning = (await companion.get('/api/training/me')).body;
    assert.equal(learning.status, 'learning');
    assert.equal(learning.preScore, 44); // 8 of 18
    assert.deepEqual(learning.lessonsDone.sort(), ['safety', 'technique']);

    // A post-test with blanks is kept as partial: no score, never counted as a fail or a pass.
    const partial = await companion.post('/api/sync/push', {
      deviceId: 'budi-phone',
      mutations: [quizMutation('post', sheet(15, 3))],
    });
    assert.equal(partial.body.results[0].status, 'applied');
    const afterPartial = (await companion.get('/api/training/me')).body;
    assert.equal(afterPartial.status, 'learning');
    const stored = afterPartial.attempts.find((a: { phase: string }) => a.phase === 'post');
    assert.deepEqual([stored.score, stored.complete, stored.answered, stored.correct], [null, false, 15, 15]);

    await companion.post('/api/sync/push', { deviceId: 'budi-phone', mutations: [quizMutation('post', sheet(16))] });
    const passed = (await midwife.get(`/api/training/companions/${BUDI}`)).body;
    assert.equal(passed.status, 'passed_test');
    assert.equal(passed.postScore, 89);

    const listed = (await midwife.get('/api/training/companions')).body.companions;
    assert.equal(listed.find((c: { userId: string }) => c.userId === BUDI).status, 'passed_test');
    assert.equal(
      listed.find((c: { userId: string }) => c.userId === YATI).status,
      'competent',
      'demo: Yati is competent',
    );

    // A failed critical step: recorded, but not competent.
    const failed = await midwife.post(`/api/training/companions/${BUDI}/skill-checks`, {
      id: newId(),
      results: { ...ALL_PASS, pressure: 'fail' },
      notes: 'Tekanan terlalu keras',
    });
    assert.equal(failed.status, 201, failed.text);
    assert.equal(failed.body.passed, false);
    assert.equal((await companion.get('/api/training/me')).body.status, 'passed_test');

    const ok = await midwife.post(`/api/training/companions/${BUDI}/skill-checks`, { id: newId(), results: ALL_PASS });
    assert.equal(ok.body.passed, true);
    const mine = (await companion.get('/api/training/me')).body;
    assert.equal(mine.status, 'competent');
    assert.equal(mine.skillChecks.length, 2);
    assert.equal(mine.skillChecks[1].observerName, 'Bidan Sari Wulandari');
  });

  it('refuses a skill check with unmarked or unknown steps, naming them, and stores nothing', async () => {
    const before = (await midwife.get(`/api/training/companions/${AGUS}`)).body.skillChecks.length;
    const { nope: _, ...partial } = { ...ALL_PASS, nope: 'pass' };
    const { pressure: _p, ...missing } = partial;
    const response = await midwife.post(`/api/training/companions/${AGUS}/skill-checks`, {
      id: newId(),
      results: { ...missing, 'made-up-step': 'pass' },
    });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(response.body.errors.map((e: { path: string }) => e.path).sort(), [
      'results.made-up-step',
      'results.pressure',
    ]);
    assert.equal((await midwife.get(`/api/training/companions/${AGUS}`)).body.skillChecks.length, before);
  });

  it('refuses a phone test on an old item bank or naming an option that does not exist', async () => {
    const pushed = await companion.post('/api/sync/push', {
      deviceId: 'budi-phone',
      mutations: [
        quizMutation('pre', sheet(10), { itemBankVersion: 99 }),
        quizMutation('pre', { ...sheet(10), 'massage-area': 'z' }),
      ],
    });
    assert.deepEqual(
      pushed.body.results.map((r: { status: string }) => r.status),
      ['rejected', 'rejected'],
    );
    assert.match(pushed.body.results[0].problem.errors[0].path, /itemBankVersion/);
  });

  it('runs a group session: participants, duplicate refused, sheets from paper with their rules', async () => {
    const sessionId = await newSession();
    const slamet = await addWalkIn(sessionId, 'Slamet', '081299990001');

    const duplicate = await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
      id: newId(),
      displayName: 'slamet',
      phone: '081299990001',
    });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.type, 'https://lancar.id/problems/participant-exists');

    const agus = newId();
    assert.equal(
      (await midwife.post(`/api/training/sessions/${sessionId}/participants`, { id: agus, userId: AGUS })).status,
      201,
    );
    const agusAgain = await midwife.post(`/api/training/sessions/${sessionId}/participants`, {
      id: newId(),
      userId: AGUS,
    });
    assert.equal(agusAgain.status, 409);

    // Post-test first: refused with what to do.
    const early = await midwife.post(sheetsPath(sessionId, slamet), { id: newId(), phase: 'post', score: 80 });
    assert.equal(early.status, 409);
    assert.equal(early.body.type, 'https://lancar.id/problems/post-before-pre');
    assert.match(early.body.detail, /tes awal/);

    // Out of range and both forms at once: 400, nothing saved.
    const tooHigh = await midwife.post(sheetsPath(sessionId, slamet), { id: newId(), phase: 'pre', score: 120 });
    assert.equal(tooHigh.status, 400);
    const both = await midwife.post(sheetsPath(sessionId, slamet), {
      id: newId(),
      phase: 'pre',
      score: 50,
      answers: sheet(9),
    });
    assert.equal(both.status, 400);
    const unknownItem = await midwife.post(sheetsPath(sessionId, slamet), {
      id: newId(),
      phase: 'pre',
      answers: { ...sheet(9), 'no-such-question': 'a' },
    });
    assert.equal(unknownItem.status, 400);
    assert.deepEqual(
      unknownItem.body.errors.map((e: { path: string }) => e.path),
      ['answers.no-such-question'],
    );
    let detail = (await midwife.get(`/api/training/sessions/${sessionId}`)).body;
    assert.equal(detail.participantList.find((p: { id: string }) => p.id === slamet).pre, null);

    // A sheet with blanks is saved as partial, not scored as zero.
    const partialId = newId();
    const partial = await midwife.post(sheetsPath(sessionId, slamet), {
      id: partialId,
      phase: 'pre',
      answers: sheet(9, 4),
    });
    assert.equal(partial.status, 201, partial.text);
    assert.deepEqual([partial.body.score, partial.body.complete, partial.body.answered], [null, false, 14]);

    // A second pre-test sheet must say it corrects the first; then it replaces it.
    const second = await midwife.post(sheetsPath(sessionId, slamet), { id: newId(), phase: 'pre', answers: sheet(9) });
    assert.equal(second.status, 409);
    assert.equal(second.body.type, 'https://lancar.id/problems/sheet-exists');
    const corrected = await midwife.post(sheetsPath(sessionId, slamet), {
      id: newId(),
      phase: 'pre',
      answers: sheet(9),
      supersedes: partialId,
    });
    assert.equal(corrected.status, 201);
    assert.equal(corrected.body.score, 50);
    assert.equal(
      (await midwife.post(sheetsPath(sessionId, slamet), { id: newId(), phase: 'post', score: 83 })).status,
      201,
    );

    // Registered at the event means attended, unless the facilitator marks someone absent.
    const attendance = await midwife.patch(`/api/training/sessions/${sessionId}/participants/${agus}`, {
      attended: false,
    });
    assert.equal(attendance.status, 200);
    detail = attendance.body;
    const row = detail.participantList.find((p: { id: string }) => p.id === slamet);
    assert.deepEqual([row.attended, row.pre.score, row.post.score], [true, 50, 83]);
    assert.equal(detail.participantList.find((p: { id: string }) => p.id === agus).attended, false);
    assert.equal(detail.attended, 1);
    assert.equal(detail.participants, 2);
  });

  it('links a walk-in to the companion account they were invited to, so their paper sheets count for them', async () => {
    const sessionId = await newSession('Balai Desa');
    const walkIn = await addWalkIn(sessionId, 'Joko (tamu)');
    await midwife.post(sheetsPath(sessionId, walkIn), { id: newId(), phase: 'pre', score: 39 });
    await midwife.post(sheetsPath(sessionId, walkIn), { id: newId(), phase: 'post', score: 94 });
    // Invited: the midwife adds them as a companion of a mother, then links the participation to that account.
    const invited = await midwife.post(`/api/mothers/${demoId('mother:siti')}/companions`, {
      displayName: 'Joko Tamu',
      phone: '081299990077',
      relationship: 'family',
    });
    assert.equal(invited.status, 201, invited.text);
    const joko = invited.body.companion.userId;
    const linked = await midwife.patch(`/api/training/sessions/${sessionId}/participants/${walkIn}`, { userId: joko });
    assert.equal(linked.status, 200, linked.text);
    assert.equal(linked.body.participantList[0].userId, joko);
    const training = (await midwife.get(`/api/training/companions/${joko}`)).body;
    assert.deepEqual([training.status, training.preScore, training.postScore], ['passed_test', 39, 94]);

    const again = await midwife.patch(`/api/training/sessions/${sessionId}/participants/${walkIn}`, { userId: BUDI });
    assert.equal(again.status, 409);
    const empty = await midwife.patch(`/api/training/sessions/${sessionId}/participants/${walkIn}`, {});
    assert.equal(empty.status, 400);
  });

  it('keeps sessions to their facility', async () => {
    const other = await server.loginAs(DEMO.otherFacilityMidwife);
    const sessionId = demoId('training:posyandu-melati');
    assert.equal((await other.get(`/api/training/sessions/${sessionId}`)).status, 404);
    assert.equal((await other.get(`/api/training/sessions/${sessionId}/results.pdf`)).status, 404);
    assert.equal((await other.get('/api/training/sessions')).body.sessions.length, 0);
  });
});
