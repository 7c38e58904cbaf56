import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertEntry, insertStudy, nextSeq, readStudyRecords } from '@lancar/db';
import { type AllocationSequence, newId, type StudyDefinition } from '@lancar/domain';
import { welchTTest } from '@lancar/stats';
import ExcelJS from 'exceljs';
import { DEMO, startTestServer, type TestClient, type TestServer } from '../../testing/test-server.ts';

const HOUR = 3600 * 1000;
const PROBLEM = 'https://lancar.id/problems/';

function randomisedStudy(facilityId: string, overrides: Partial<StudyDefinition> = {}): StudyDefinition {
  return {
    id: newId(),
    title: 'Pijat oksitosin oleh pendamping dan volume ASI hari ke-3',
    design: 'randomised',
    arms: [
      { id: 'intervention', label: { id: 'Intervensi', en: 'Intervention' } },
      { id: 'control', label: { id: 'Kontrol', en: 'Control' } },
    ],
    outcomes: [
      { measure: 'expressed_milk_volume', day: 3, primary: true },
      { measure: 'weight_change_percent', day: 3, primary: false },
      { measure: 'milk_adequacy_score', day: 3, primary: false },
    ],
    timePoints: [
      { role: 'pre', day: 2 },
      { role: 'post', day: 3 },
    ],
    facilityIds: [facilityId],
    eligibility: {
      deliveryModes: ['vaginal'],
      parities: ['primipara', 'multipara'],
      gestationalAgeWeeks: { min: 37, max: 42 },
      enrolmentDays: { from: 1, to: 2 },
    },
    allocation: { blockSizes: [4], stratifyBy: 'none', ratio: '1:1' },
    ...overrides,
  };
}

interface MotherSpec {
  deliveredAt: Date;
  consentResearch?: boolean;
  deliveryMode?: 'vaginal' | 'caesarean';
  parity?: 'primipara' | 'multipara';
  birthWeightG?: number;
}

describe('research studies', () => {
  let server: TestServer;
  let midwife: TestClient;
  let researcher: TestClient;
  let facilityId: string;
  let midwifeId: string;
  let count = 0;

  /** A mother enrolled in care by the midwife; her id, pseudonym and first baby. */
  async function newMother(spec: MotherSpec) {
    const id = newId();
    const babyId = newId();
    const response = await midwife.post('/api/mothers', {
      id,
      fullName: `Ibu Rahasia Studi ${count++}`,
      deliveredAt: spec.deliveredAt.toISOString(),
      deliveryMode: spec.deliveryMode ?? 'vaginal',
      parity: spec.parity ?? 'primipara',
      gestationalAgeWeeks: 39,
      consentCare: true,
      consentResearch: spec.consentResearch ?? true,
      babies: [{ id: babyId, sex: 'female', birthWeightG: spec.birthWeightG ?? 3000 }],
    });
    assert.equal(response.status, 201, response.text);
    const { pseudonym } = await server.database.db
      .selectFrom('mother')
      .select('pseudonym')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, babyId, pseudonym, fullName: response.body.fullName as string };
  }

  async function createStudy(definition: StudyDefinition) {
    const response = await researcher.post('/api/studies', { definition });
    assert.equal(response.status, 201, response.text);
    return response.body;
  }

  before(async () => {
    server = await startTestServer();
    midwife = await server.loginAs(DEMO.midwife);
    researcher = await server.loginAs(DEMO.researcher);
    const me = (await researcher.get('/api/auth/me')).body;
    facilityId = me.facility.id;
    midwifeId = (await midwife.get('/api/auth/me')).body.userId;
  });
  after(() => server.close());

  describe('defining a study', () => {
    it('refuses a definition that cannot run with 422 and every problem, field by field', async () => {
      const definition = randomisedStudy(facilityId, {
        design: 'pre_post',
        allocation: null,
        outcomes: [{ measure: 'expressed_milk_volume', day: 5, primary: true }],
      });
      const response = await researcher.post('/api/studies', { definition });
      assert.equal(response.status, 422, response.text);
      assert.equal(response.body.type, `${PROBLEM}study-invalid`);
      const paths = response.body.errors.map((e: { path: string }) => e.path);
      assert.ok(paths.includes('arms'), `a pre-post design has no arms: ${paths}`);
      assert.ok(paths.includes('outcomes[0].day'), `day 5 is not a post time point: ${paths}`);
      assert.equal((await researcher.get('/api/studies')).body.studies.length, 0, 'nothing was saved');
    });

    it("refuses a study that leaves out the researcher's own facility", async () => {
      const response = await researcher.post('/api/studies', {
        definition: randomisedStudy(facilityId, { facilityIds: [newId()] }),
      });
      assert.equal(response.status, 422);
      assert.deepEqual(
        response.body.errors.map((e: { path: string }) => e.path),
        ['facilityIds'],
      );
    });

    it('refuses midwives (403): studies are for researchers', async () => {
      const create = await midwife.post('/api/studies', { definition: randomisedStudy(facilityId) });
      assert.equal(create.status, 403);
      assert.equal(create.body.type, `${PROBLEM}forbidden`);
      assert.equal((await midwife.get('/api/studies')).status, 403);
    });

    it('stores a randomised study with a concealed sequence that no response carries', async () => {
      const definition = randomisedStudy(facilityId);
      const created = await researcher.post('/api/studies', { definition });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.status, 'recruiting');
      assert.deepEqual(created.body.definition, definition);
      assert.deepEqual(
        created.body.arms.map((a: { armId: string; enrolled: number }) => [a.armId, a.enrolled]),
        [
          ['intervention', 0],
          ['control', 0],
        ],
      );
      const row = await server.database.db
        .selectFrom('study')
        .select(['allocation', 'created_by'])
        .where('id', '=', definition.id)
        .executeTakeFirstOrThrow();
      const allocation = row.allocation as unknown as AllocationSequence;
      assert.ok((allocation.strata.all?.length ?? 0) >= 15, 'blocks of 4 for at least 60 allocations');
      for (const text of [created.text, (await researcher.get(`/api/studies/${definition.id}`)).text])
        assert.ok(!text.includes('strata'), 'the sequence is never sent');
      const list = await researcher.get('/api/studies');
      assert.deepEqual(
        list.body.studies.map((s: { id: string; enrolled: number }) => [s.id, s.enrolled]),
        [[definition.id, 0]],
      );
      // The same study sent again is acknowledged, a different one under its id refused.
      assert.equal((await researcher.post('/api/studies', { definition })).status, 200);
      const conflict = await researcher.post('/api/studies', { definition: { ...definition, title: 'Lain' } });
      assert.equal(conflict.status, 409);
    });
  });

  describe('enrolling mothers', () => {
    let study: StudyDefinition;
    const now = () => new Date();

    before(async () => {
      study = randomisedStudy(facilityId);
      await createStudy(study);
    });

    it('lists the eligible mothers by pseudonym, enrols them and reveals each arm, balanced after a block', async () => {
      const mothers: Awaited<ReturnType<typeof newMother>>[] = [];
      for (let i = 0; i < 4; i++) mothers.push(await newMother({ deliveredAt: new Date(now().getTime() - 30 * HOUR) }));
      const refusing = await newMother({ deliveredAt: new Date(now().getTime() - 30 * HOUR), consentResearch: false });
      const caesarean = await newMother({
        deliveredAt: new Date(now().getTime() - 30 * HOUR),
        deliveryMode: 'caesarean',
      });

      const eligible = await researcher.get(`/api/studies/${study.id}/eligible`);
      assert.equal(eligible.status, 200);
      const listed = eligible.body.mothers.map((m: { pseudonym: string }) => m.pseudonym);
      for (const m of mothers) assert.ok(listed.includes(m.pseudonym), `${m.pseudonym} is eligible`);
      assert.ok(!listed.includes(refusing.pseudonym), 'no research consent: not listed');
      assert.ok(!listed.includes(caesarean.pseudonym), 'caesarean: not eligible for this study');
      assert.ok(!eligible.text.includes('Ibu Rahasia'), 'no names');
      assert.equal(
        eligible.body.mothers.find((m: { pseudonym: string }) => m.pseudonym === mothers[0]?.pseudonym).dayPostpartum,
        2,
      );

      const arms: string[] = [];
      for (const m of mothers) {
        const response = await researcher.post(`/api/studies/${study.id}/enrolments`, { pseudonym: m.pseudonym });
        assert.equal(response.status, 201, response.text);
        assert.equal(response.body.pseudonym, m.pseudonym);
        assert.ok(!response.text.includes('strata') && !response.text.includes('position'), 'only her arm');
        arms.push(response.body.armId);
      }
      // A block of 4 holds each arm twice: after one block the arms are balanced.
      assert.deepEqual([...arms].sort(), ['control', 'control', 'intervention', 'intervention']);
      // And the arms are the sequence's, in order.
      const row = await server.database.db
        .selectFrom('study')
        .select('allocation')
        .where('id', '=', study.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(arms, (row.allocation as unknown as AllocationSequence).strata.all?.[0]);

      const detail = await researcher.get(`/api/studies/${study.id}`);
      assert.deepEqual(
        detail.body.arms.map((a: { enrolled: number }) => a.enrolled),
        [2, 2],
      );
      assert.equal(detail.body.enrolled, 4);
      const enrolments = await researcher.get(`/api/studies/${study.id}/enrolments`);
      assert.deepEqual(
        enrolments.body.enrolments.map((e: { pseudonym: string; armId: string }) => [e.pseudonym, e.armId]),
        mothers.map((m, i) => [m.pseudonym, arms[i]]),
      );
      assert.ok(!enrolments.text.includes('Ibu Rahasia'));
      const after = await researcher.get(`/api/studies/${study.id}/eligible`);
      for (const m of mothers)
        assert.ok(!after.body.mothers.some((e: { pseudonym: string }) => e.pseudonym === m.pseudonym), 'enrolled');

      // Enrolled once only.
      const again = await researcher.post(`/api/studies/${study.id}/enrolments`, { pseudonym: mothers[0]?.pseudonym });
      assert.equal(again.status, 409);
      assert.equal(again.body.type, `${PROBLEM}study-already-enrolled`);

      // Refused with the reasons, and no allocation is used up.
      const ineligible = await researcher.post(
        `/api/studies/${study.id}/enrolments`,
        { pseudonym: caesarean.pseudonym },
        { 'accept-language': 'id' },
      );
      assert.equal(ineligible.status, 422, ineligible.text);
      assert.equal(ineligible.body.type, `${PROBLEM}study-not-eligible`);
      assert.match(ineligible.body.errors[0].message, /sesar/);
      const noConsent = await researcher.post(`/api/studies/${study.id}/enrolments`, { pseudonym: refusing.pseudonym });
      assert.equal(noConsent.status, 422);
      assert.equal(noConsent.body.errors.length, 1);
      assert.match(noConsent.body.errors[0].message, /persetujuan|consent/);
      assert.equal((await researcher.get(`/api/studies/${study.id}`)).body.enrolled, 4);

      const unknown = await researcher.post(`/api/studies/${study.id}/enrolments`, { pseudonym: 'TIDAK-ADA' });
      assert.equal(unknown.status, 404);
    });

    it('extends a stratum whose sequence ran out, keeping the allocations already made', async () => {
      const short = randomisedStudy(facilityId, {
        allocation: { blockSizes: [2], stratifyBy: 'parity', ratio: '1:1' },
      });
      await createStudy(short);
      // Cut the primipara stratum to one block so the third enrolment runs past it.
      const row = await server.database.db
        .selectFrom('study')
        .select('allocation')
        .where('id', '=', short.id)
        .executeTakeFirstOrThrow();
      const sequence = row.allocation as unknown as AllocationSequence;
      const firstBlock = sequence.strata['parity:primipara']?.[0] ?? [];
      sequence.strata['parity:primipara'] = [firstBlock];
      await server.database.db
        .updateTable('study')
        .set({ allocation: JSON.stringify(sequence) })
        .where('id', '=', short.id)
        .execute();

      const arms: string[] = [];
      for (let i = 0; i < 3; i++) {
        const m = await newMother({ deliveredAt: new Date(now().getTime() - 5 * HOUR) });
        const response = await researcher.post(`/api/studies/${short.id}/enrolments`, { pseudonym: m.pseudonym });
        assert.equal(response.status, 201, response.text);
        arms.push(response.body.armId);
      }
      assert.deepEqual(arms.slice(0, 2), firstBlock);
      const extended = (
        await server.database.db
          .selectFrom('study')
          .select('allocation')
          .where('id', '=', short.id)
          .executeTakeFirstOrThrow()
      ).allocation as unknown as AllocationSequence;
      const blocks = extended.strata['parity:primipara'] ?? [];
      assert.deepEqual(blocks[0], firstBlock, 'existing blocks unchanged');
      assert.ok(blocks.length > 1 && arms[2] === blocks[1]?.[0]);
      const positions = await server.database.db
        .selectFrom('study_enrolment')
        .select(['stratum_key', 'position'])
        .where('study_id', '=', short.id)
        .orderBy('position')
        .execute();
      assert.deepEqual(
        positions.map((p) => [p.stratum_key, p.position]),
        [
          ['parity:primipara', 0],
          ['parity:primipara', 1],
          ['parity:primipara', 2],
        ],
      );
    });

    it('never lets two enrolments take the same allocation (unique stratum position)', async () => {
      const m = await newMother({ deliveredAt: new Date(now().getTime() - 5 * HOUR) });
      const [user] = await server.database.db
        .selectFrom('user_account')
        .select('id')
        .where('username', '=', DEMO.researcher)
        .execute();
      await assert.rejects(
        server.database.db
          .insertInto('study_enrolment')
          .values({
            facility_id: facilityId,
            id: newId(),
            study_id: study.id,
            mother_id: m.id,
            stratum_key: 'all',
            position: 0,
            arm_id: 'control',
            enrolled_by: user?.id ?? '',
            enrolled_at: new Date(),
          })
          .execute(),
        /unique|duplicate/i,
      );
    });

    it('enrols only while recruiting: a draft starts recruiting, a closed study stays closed', async () => {
      const draft = randomisedStudy(facilityId);
      const created = await researcher.post('/api/studies', { definition: draft, status: 'draft' });
      assert.equal(created.body.status, 'draft');
      const m = await newMother({ deliveredAt: new Date(now().getTime() - 5 * HOUR) });
      const early = await researcher.post(`/api/studies/${draft.id}/enrolments`, { pseudonym: m.pseudonym });
      assert.equal(early.status, 409);
      assert.equal(early.body.type, `${PROBLEM}study-not-recruiting`);
      assert.equal((await midwife.patch(`/api/studies/${draft.id}`, { status: 'recruiting' })).status, 403);
      const open = await researcher.patch(`/api/studies/${draft.id}`, { status: 'recruiting' });
      assert.equal(open.status, 200, open.text);
      assert.equal(open.body.status, 'recruiting');
      assert.ok(!open.text.includes('strata'));
      assert.equal(
        (await researcher.post(`/api/studies/${draft.id}/enrolments`, { pseudonym: m.pseudonym })).status,
        201,
      );
      assert.equal((await researcher.patch(`/api/studies/${draft.id}`, { status: 'closed' })).body.status, 'closed');
      const late = await newMother({ deliveredAt: new Date(now().getTime() - 5 * HOUR) });
      const refused = await researcher.post(`/api/studies/${draft.id}/enrolments`, { pseudonym: late.pseudonym });
      assert.equal(refused.status, 409);
      const reopen = await researcher.patch(`/api/studies/${draft.id}`, { status: 'recruiting' });
      assert.equal(reopen.status, 409);
      assert.equal(reopen.body.type, `${PROBLEM}study-status-change`);
    });

    it('gives concurrent enrolments distinct allocations, balanced per block', async () => {
      const busy = randomisedStudy(facilityId);
      await createStudy(busy);
      const mothers: Awaited<ReturnType<typeof newMother>>[] = [];
      for (let i = 0; i < 8; i++) mothers.push(await newMother({ deliveredAt: new Date(now().getTime() - 5 * HOUR) }));
      const responses = await Promise.all(
        mothers.map((m) => researcher.post(`/api/studies/${busy.id}/enrolments`, { pseudonym: m.pseudonym })),
      );
      for (const r of responses) assert.equal(r.status, 201, r.text);
      const rows = await server.database.db
        .selectFrom('study_enrolment')
        .select(['position', 'arm_id'])
        .where('study_id', '=', busy.id)
        .orderBy('position')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.position),
        [0, 1, 2, 3, 4, 5, 6, 7],
      );
      const sequence = (
        await server.database.db
          .selectFrom('study')
          .select('allocation')
          .where('id', '=', busy.id)
          .executeTakeFirstOrThrow()
      ).allocation as unknown as AllocationSequence;
      assert.deepEqual(
        rows.map((r) => r.arm_id),
        (sequence.strata.all ?? []).slice(0, 2).flat(),
      );
      assert.equal(rows.filter((r) => r.arm_id === 'control').length, 4);
    });

    it('answers 404 for a study of another facility, as if it did not exist', async () => {
      const other = await server.database.db
        .selectFrom('user_account')
        .select(['facility_id', 'id'])
        .where('username', '=', DEMO.otherFacilityMidwife)
        .executeTakeFirstOrThrow();
      const theirs = randomisedStudy(other.facility_id);
      await insertStudy(server.database.db, {
        facility_id: other.facility_id,
        id: theirs.id,
        title: theirs.title,
        definition: theirs,
        status: 'recruiting',
        created_by: other.id,
        created_at: new Date(),
        allocation: null,
      });
      for (const path of ['', '/enrolments', '/eligible', '/analysis', '/dataset.csv', '/codebook.csv']) {
        const response = await researcher.get(`/api/studies/${theirs.id}${path}`);
        assert.equal(response.status, 404, path);
      }
      const enrol = await researcher.post(`/api/studies/${theirs.id}/enrolments`, { pseudonym: 'X' });
      assert.equal(enrol.status, 404);
      assert.ok(!(await researcher.get('/api/studies')).body.studies.some((s: { id: string }) => s.id === theirs.id));
    });
  });

  describe('dataset and analysis', () => {
    // Delivered ten days ago; enrolled on day 2 (the server's clock moved back), measured on days 2 and 3.
    const deliveredAt = new Date(Date.now() - 10 * 24 * HOUR);
    const onDay = (day: number, hour = 10) => new Date(deliveredAt.getTime() + ((day - 1) * 24 + hour) * HOUR);
    const study = (id: string) =>
      randomisedStudy(id, { design: 'two_group_nonrandomised', allocation: null, title: 'Kuasi-eksperimen' });
    let definition: StudyDefinition;
    const interventionMl = [30, 34, 38];
    const controlMl = [20, 22, 27];
    const participants: { pseudonym: string; fullName: string; arm: string }[] = [];

    async function entry(motherId: string, kind: string, occurredAt: Date, data: object, extra: object = {}) {
      const id = newId();
      await insertEntry(server.database.db, {
        facility_id: facilityId,
        id,
        mother_id: motherId,
        baby_id: null,
        kind,
        occurred_at: occurredAt,
        tz_offset_min: 420,
        recorded_by: midwifeId,
        recorded_at: occurredAt,
        supersedes: null,
        data: data as Record<string, unknown>,
        schema_version: 1,
        seq: await nextSeq(server.database.db, facilityId),
        ...extra,
      });
      return id;
    }

    before(async () => {
      definition = study(facilityId);
      await createStudy(definition);
      server.clock.now = onDay(2, 6);
      try {
        for (const [arm, volumes] of [
          ['intervention', interventionMl],
          ['control', controlMl],
        ] as const) {
          for (const ml of volumes) {
            const m = await newMother({ deliveredAt, birthWeightG: 3000 });
            const response = await researcher.post(`/api/studies/${definition.id}/enrolments`, {
              pseudonym: m.pseudonym,
              armId: arm,
            });
            assert.equal(response.status, 201, response.text);
            participants.push({ pseudonym: m.pseudonym, fullName: m.fullName, arm });
            // Day 3: two expressions that add up to ml, one wrong entry corrected, one voided.
            await entry(m.id, 'expression', onDay(3, 8), { leftMl: ml - 10, rightMl: 0 });
            const wrong = await entry(m.id, 'expression', onDay(3, 14), { leftMl: 90, rightMl: 90 });
            await entry(m.id, 'expression', onDay(3, 14), { leftMl: 5, rightMl: 5 }, { supersedes: wrong });
            const removed = await entry(m.id, 'expression', onDay(3, 18), { leftMl: 50, rightMl: 0 });
            await entry(m.id, 'void', onDay(3, 19), { reason: 'salah ibu' }, { supersedes: removed });
            // Day 2 baseline, day 3 weight and checklist.
            await entry(m.id, 'expression', onDay(2, 12), { leftMl: 4, rightMl: 6 });
            await entry(m.id, 'weight', onDay(3, 9), { grams: 2910 }, { baby_id: m.babyId });
            await entry(m.id, 'adequacy_check', onDay(3, 20), {
              dayOfLife: 3,
              answers: { wet6: true, stool3: true, satisfied: false, weightOk: null },
              result: 'not_adequate',
              contentVersion: 1,
            });
          }
        }
      } finally {
        server.clock.now = undefined;
      }
    });

    const csvRows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));

    it('exports the wide dataset: one row per participant, outcomes from the current entries', async () => {
      const response = await researcher.get(`/api/studies/${definition.id}/dataset.csv?shape=wide`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
      const [header = [], ...rows] = csvRows(response.text);
      assert.deepEqual(header, [
        'participant_id',
        'group',
        'enrolment_day',
        'parity',
        'delivery_mode',
        'gestational_age_weeks',
        'birth_weight_g',
        'expressed_milk_volume_d2',
        'expressed_milk_volume_d3',
        'weight_change_percent_d2',
        'weight_change_percent_d3',
        'milk_adequacy_score_d2',
        'milk_adequacy_score_d3',
      ]);
      assert.equal(rows.length, 6);
      const col = (name: string) => header.indexOf(name);
      for (const [i, p] of participants.entries()) {
        const row = rows.find((r) => r[0] === p.pseudonym);
        assert.ok(row, p.pseudonym);
        const ml = [...interventionMl, ...controlMl][i];
        assert.equal(row[col('group')], p.arm);
        assert.equal(row[col('enrolment_day')], '2');
        assert.equal(row[col('expressed_milk_volume_d3')], String(ml), 'corrected and voided entries applied');
        assert.equal(row[col('expressed_milk_volume_d2')], '10');
        assert.equal(row[col('weight_change_percent_d3')], '-3');
        assert.equal(row[col('weight_change_percent_d2')], '', 'not weighed on day 2: missing, not 0');
        assert.equal(row[col('milk_adequacy_score_d3')], '2');
        assert.equal(row[col('birth_weight_g')], '3000');
      }
      for (const p of participants) assert.ok(!response.text.includes(p.fullName), 'no names');
    });

    it('exports the long dataset (one row per measurement) and the codebook', async () => {
      const long = await researcher.get(`/api/studies/${definition.id}/dataset.csv?shape=long`);
      const [header = [], ...rows] = csvRows(long.text);
      assert.deepEqual(header, [
        'participant_id',
        'group',
        'variable',
        'measure',
        'time_point',
        'day',
        'value',
        'unit',
      ]);
      // Per participant: volume day 2 and 3, weight day 3, checklist day 3.
      assert.equal(rows.length, 6 * 4);
      const first = participants[0]?.pseudonym;
      assert.deepEqual(
        rows.find((r) => r[0] === first && r[2] === 'expressed_milk_volume_d3'),
        [first, 'intervention', 'expressed_milk_volume_d3', 'expressed_milk_volume', 'post', '3', '30', 'ml'],
      );
      const codebook = await researcher.get(`/api/studies/${definition.id}/codebook.csv`);
      const [cbHeader = [], ...entries] = csvRows(codebook.text);
      assert.deepEqual(cbHeader, ['variable', 'label_id', 'label_en', 'type', 'values', 'unit']);
      const variables = entries.map((e) => e[0]);
      for (const name of [
        ...(csvRows((await researcher.get(`/api/studies/${definition.id}/dataset.csv`)).text)[0] ?? []),
        ...header,
      ])
        assert.ok(variables.includes(name), `codebook describes ${name}`);
    });

    it("reads a companion's current, complete test scores for the mother she supports", async () => {
      // A demo companion who took the tests on the phone, and the mother she supports.
      const phone = await server.database.db
        .selectFrom('quiz_attempt as q')
        .innerJoin('companion_link as l', (j) =>
          j.onRef('l.facility_id', '=', 'q.facility_id').onRef('l.user_id', '=', 'q.user_id'),
        )
        .select(['l.mother_id', 'q.user_id'])
        .where('q.facility_id', '=', facilityId)
        .where('l.ended_at', 'is', null)
        .executeTakeFirstOrThrow();
      const attempts = await server.database.db
        .selectFrom('quiz_attempt as q')
        .leftJoin('training_participant as tp', (j) =>
          j.onRef('tp.facility_id', '=', 'q.facility_id').onRef('tp.id', '=', 'q.participant_id'),
        )
        .select(['q.phase', 'q.score'])
        .where((eb) => eb.or([eb('q.user_id', '=', phone.user_id), eb('tp.user_id', '=', phone.user_id)]))
        .where('q.complete', '=', true)
        .orderBy('q.taken_at')
        .execute();
      assert.ok(attempts.some((a) => a.phase === 'pre') && attempts.some((a) => a.phase === 'post'));
      const records = await readStudyRecords(server.database.db, facilityId, [phone.mother_id]);
      assert.deepEqual(
        records.quizScores.map((q) => [q.mother_id, q.phase, q.score]),
        attempts.map((a) => [phone.mother_id, a.phase, a.score]),
      );
    });

    it('exports a workbook with codebook, wide and long sheets', async () => {
      const response = await fetch(`${researcher.base}/api/studies/${definition.id}/dataset.xlsx`, {
        headers: { cookie: researcher.cookie ?? '' },
      });
      assert.equal(response.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
      assert.deepEqual(
        workbook.worksheets.map((s) => s.name),
        ['codebook', 'wide', 'long'],
      );
      assert.equal(workbook.getWorksheet('wide')?.rowCount, 7);
      assert.equal(workbook.getWorksheet('long')?.rowCount, 25);
    });

    it('analyses the primary outcome: Table 1, the chosen test with R-matching numbers, careful sentences', async () => {
      const response = await researcher.get(`/api/studies/${definition.id}/analysis`);
      assert.equal(response.status, 200, response.text);
      const analysis = response.body;
      assert.deepEqual(analysis.tableOne[0], { label: { id: 'n', en: 'n' }, kind: 'count', cells: ['3', '3'] });
      const primipara = analysis.tableOne.find((r: { label: { en: string } }) => r.label.en === 'primipara');
      assert.deepEqual(primipara.cells, ['3 (100.0)', '3 (100.0)']);
      const primary = analysis.primary;
      assert.equal(primary.variable, 'expressed_milk_volume_d3');
      assert.equal(primary.test, 'welch');
      const expected = welchTTest(interventionMl, controlMl);
      assert.ok(Math.abs(primary.statistic - expected.statistic) < 1e-9);
      assert.ok(Math.abs(primary.pValue - expected.pValue) < 1e-9);
      assert.equal(primary.effectSize.name, 'g');
      assert.deepEqual(primary.groups[0].values, interventionMl);
      const text = analysis.sentences.map((s: { id: string; en: string }) => `${s.id} ${s.en}`).join(' ');
      // Not randomised: association, never cause.
      assert.match(text, /berhubungan dengan/);
      assert.match(text, /associated with/);
      assert.match(text, /not randomised/);
      assert.doesNotMatch(text, /caused|disebabkan oleh intervensi\./);
      assert.ok(!response.text.includes('Ibu Rahasia'));
    });
  });
});
