import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codebook, DATASET_TABLES, type DatasetInput, datasetTables } from './dataset.ts';

const delivered = new Date('2026-11-20T01:00:00Z'); // 08:00 WIB
const at = (hours: number) => new Date(delivered.getTime() + hours * 3600 * 1000);

const mother = {
  id: 'm1',
  pseudonym: 'P-ABC123',
  full_name: 'Siti Contoh',
  nik: '3301015402980001',
  phone: '6281200000001',
  village: 'Desa Contoh',
  address: 'Jl. Mawar 1',
  date_of_birth: '1998-02-14',
  delivered_at: delivered,
  delivery_mode: 'vaginal',
  parity: 'primipara',
  gestational_age_weeks: 39,
  consent_research: true,
  created_at: at(20),
};

const entry = (
  id: string,
  kind: string,
  hours: number,
  data: Record<string, unknown>,
  supersedes: string | null = null,
) => ({
  id,
  mother_id: 'm1',
  baby_id: kind === 'weight' || kind === 'feed' ? 'b1' : null,
  kind,
  occurred_at: at(hours),
  tz_offset_min: 420,
  recorded_by: 'u-husband',
  supersedes,
  data,
});

const quiz = (id: string, phase: 'pre' | 'post', correct: number, supersedes: string | null = null) => ({
  id,
  person_user_id: 'u-husband',
  phase,
  correct,
  total: 10,
  score: correct * 10,
  complete: true,
  source: 'paper',
  taken_at: at(30),
  supersedes,
});

const input: DatasetInput = {
  mothers: [mother],
  babies: [{ id: 'b1', mother_id: 'm1', name: 'Bayi Contoh', sex: 'female', birth_weight_g: 3100, birth_order: 1 }],
  carePlans: new Map([
    [
      'm1',
      {
        mother_id: 'm1',
        protocol_id: 'standard-3min-2x-day1-3',
        extended_to_day: 7,
        starts_on: '2026-11-22',
        assigned_at: at(21),
      },
    ],
  ]),
  entries: [
    entry('e1', 'weight', 30, { grams: 2950 }),
    entry('e2', 'weight', 31, { grams: 2590 }),
    entry('e3', 'weight', 31.5, { grams: 2950 }, 'e2'), // a correction of e2
    entry('e4', 'feed', 32, { side: 'left', durationMinutes: 15 }),
    entry('e5', 'void', 33, { reason: 'salah catat' }, 'e4'), // e4 removed
    entry('e6', 'expression', 50, { leftMl: 5, rightMl: 7.5 }),
    entry('e7', 'massage_session', 26, {
      protocolId: 'standard-3min-2x-day1-3',
      outcome: 'completed',
      stepsCompleted: ['a', 'b', 'c'],
      stepsTotal: 3,
      massageSeconds: 180,
      comfort: 5,
      pain: 0,
      letDown: true,
      notes: 'Ibu Siti senang',
      safetyStops: [],
      endedAt: at(26.1).toISOString(),
    }),
  ],
  roles: new Map([['u-husband', 'companion']]),
  alerts: [
    {
      id: 'a1',
      mother_id: 'm1',
      sign_id: 'weight_loss',
      severity: 'soon',
      entry_id: 'e2',
      raised_at: at(31),
      episode: null,
      rule_version: 1,
    },
  ],
  alertActions: [
    {
      id: 'x1',
      alert_id: 'a1',
      mother_id: 'm1',
      kind: 'acknowledged',
      action_taken: null,
      outcome: null,
      note: null,
      acted_by: 'u-bidan',
      acted_at: at(33),
    },
    {
      id: 'x2',
      alert_id: 'a1',
      mother_id: 'm1',
      kind: 'closed',
      action_taken: 'phoned',
      outcome: 'no_problem_found',
      note: 'Ditelepon',
      acted_by: 'u-bidan',
      acted_at: at(34),
    },
  ],
  visits: [],
  companions: [
    {
      mother_id: 'm1',
      user_id: 'u-husband',
      display_name: 'Budi',
      phone: '6281200000011',
      relationship: 'husband',
      lessons_completed: 4,
    },
  ],
  quizAttempts: [quiz('q1', 'pre', 5), quiz('q2', 'post', 6), quiz('q3', 'post', 9, 'q2')],
  skillChecks: [{ person_user_id: 'u-husband', observed_at: at(40), passed: true }],
};

function column(table: { header: string[]; rows: unknown[][] }, name: string): unknown[] {
  const i = table.header.indexOf(name);
  assert.ok(i >= 0, `column ${name}`);
  return table.rows.map((r) => r[i]);
}

describe('dataset tables', () => {
  it('have exactly the columns the codebook lists, for both audiences', () => {
    for (const audience of ['identified', 'pseudonymised'] as const) {
      const tables = datasetTables(input, audience);
      const book = codebook(audience);
      for (const name of DATASET_TABLES)
        assert.deepEqual(
          tables[name].header,
          book.filter((e) => e.table === name).map((e) => e.column),
        );
      for (const e of book) assert.ok(e.description_id && e.description_en && e.type, `${e.table}.${e.column}`);
    }
  });

  it('keep only entries in force, one row each, with the kind’s data flattened', () => {
    const { entries } = datasetTables(input, 'identified');
    assert.deepEqual(column(entries, 'kind'), ['weight', 'weight', 'expression', 'massage_session']);
    assert.deepEqual(column(entries, 'weight_g'), [2950, 2950, null, null]);
    assert.deepEqual(column(entries, 'expressed_right_ml'), [null, null, 7.5, null]);
    assert.deepEqual(column(entries, 'massage_steps_completed'), [null, null, null, 3]);
    assert.deepEqual(column(entries, 'day_of_life'), [2, 2, 3, 2]);
    assert.deepEqual(column(entries, 'occurred_at'), [
      '2026-11-21T14:00:00+07:00',
      '2026-11-21T15:30:00+07:00',
      '2026-11-22T10:00:00+07:00',
      '2026-11-21T10:00:00+07:00',
    ]);
    assert.deepEqual(column(entries, 'baby_number'), [1, 1, null, null]);
    assert.deepEqual(column(entries, 'recorded_by_role'), ['companion', 'companion', 'companion', 'companion']);
  });

  it('give researchers no identities, no exact dates and no free text', () => {
    const tables = datasetTables(input, 'pseudonymised');
    const cells = JSON.stringify(Object.values(tables).map((t) => [t.header, t.rows]));
    for (const secret of [
      'Siti',
      '3301015402980001',
      '62812',
      'Desa Contoh',
      'Mawar',
      '1998-02-14',
      'Bayi Contoh',
      'Budi',
      '2026-11-2',
      'Ditelepon',
      'm1',
      'b1',
      'u-husband',
    ])
      assert.ok(!cells.includes(secret), secret);
    assert.deepEqual(column(tables.mothers, 'age_years'), [28]);
    assert.deepEqual(column(tables.mothers, 'delivery_month'), ['2026-11']);
    assert.deepEqual(column(tables.mothers, 'protocol_start_day'), [3]);
    assert.deepEqual(column(tables.entries, 'hours_since_delivery'), [30, 31.5, 50, 26]);
  });

  it('join alerts to their actions and summarise the midwife’s response', () => {
    const { alerts, alert_actions: actions } = datasetTables(input, 'pseudonymised');
    assert.deepEqual(column(alerts, 'alert_number'), [1]);
    assert.deepEqual(column(alerts, 'hours_to_first_action'), [2]);
    assert.deepEqual(column(alerts, 'closed'), [true]);
    assert.deepEqual(column(alerts, 'outcome'), ['no_problem_found']);
    assert.deepEqual(column(actions, 'alert_number'), [1, 1]);
    assert.deepEqual(column(actions, 'kind'), ['acknowledged', 'closed']);
  });

  it('report a companion’s tests in force (a corrected sheet replaces the first) and the latest skill check', () => {
    const { training } = datasetTables(input, 'identified');
    assert.deepEqual(column(training, 'companion_name'), ['Budi']);
    assert.deepEqual(column(training, 'pre_correct'), [5]);
    assert.deepEqual(column(training, 'post_correct'), [9]);
    assert.deepEqual(column(training, 'skill_check_passed'), [true]);
    assert.deepEqual(column(training, 'lessons_completed'), [4]);
  });
});
