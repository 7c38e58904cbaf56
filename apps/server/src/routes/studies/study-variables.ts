import type { ResearchCandidateRow, StudyRecords } from '@lancar/db';
import {
  dayPostpartum,
  OUTCOME_MEASURES,
  type OutcomeMeasure,
  type StudyDefinition,
  type StudyText,
} from '@lancar/domain';
import type { CsvCell } from '@lancar/reports';

/**
 * A study's variables and each participant's values, computed from the household's current entries (corrections
 * applied, voids left out) at the study's time points. Pure: the route reads the records.
 *
 *  - expressed milk volume on day N: the ml of every expression logged on day N of life, both breasts, summed;
 *  - adequacy checklist score on day N: the number of "yes" answers of the newest checklist for day N;
 *  - milk adequate on day N: that checklist's result (1 adequate, 0 not adequate; incomplete is missing);
 *  - weight change on day N: the first-born baby's newest weight on day N, % from the birth weight;
 *  - companion knowledge: the newest complete pre-/post-test score (%) of the mother's active companions;
 *  - time to milk coming in: hours from delivery to the first massage session that noted a let-down.
 * A day with nothing logged is missing, never 0.
 */

export interface StudyVariable {
  name: string;
  label: StudyText;
  type: 'text' | 'integer' | 'decimal' | 'code';
  values: string;
  unit: string;
  /** For outcome variables: what was measured and when. */
  measure?: OutcomeMeasure;
  timePoint?: 'pre' | 'post' | 'once';
  day?: number | null;
}

export interface Participant {
  mother: ResearchCandidateRow;
  armId: string | null;
  enrolledAt: Date;
}

export interface ParticipantValues {
  pseudonym: string;
  armId: string | null;
  values: Map<string, number | string | null>;
}

const baseline = (study: StudyDefinition) => study.timePoints.find((t) => t.role === 'pre')?.day;

/** The variable an outcome measure has at a time point, e.g. expressed_milk_volume_d3, companion_knowledge_score_pre. */
export function outcomeVariable(measure: OutcomeMeasure, timePoint: 'pre' | 'post' | 'once', day: number | null) {
  const timing = OUTCOME_MEASURES[measure].timing;
  if (timing === 'day') return `${measure}_d${day}`;
  if (timing === 'post_test') return `${measure}_${timePoint === 'pre' ? 'pre' : 'post'}`;
  return measure;
}

/** The primary outcome's variables: `post`, and `pre` when the study measures a baseline of it. */
export function primaryVariables(study: StudyDefinition): { pre: string | null; post: string } | null {
  const primary = study.outcomes.find((o) => o.primary);
  if (!primary) return null;
  const timing = OUTCOME_MEASURES[primary.measure].timing;
  const preDay = baseline(study);
  const post = outcomeVariable(primary.measure, timing === 'once' ? 'once' : 'post', primary.day);
  let pre: string | null = null;
  if (timing === 'day' && preDay !== undefined) pre = outcomeVariable(primary.measure, 'pre', preDay);
  if (timing === 'post_test') pre = outcomeVariable(primary.measure, 'pre', null);
  return { pre, post };
}

const DESCRIPTIVE: StudyVariable[] = [
  {
    name: 'participant_id',
    label: { id: 'ID peserta (pseudonim ibu)', en: "Participant id (the mother's pseudonym)" },
    type: 'text',
    values: '',
    unit: '',
  },
  {
    name: 'enrolment_day',
    label: { id: 'Hari nifas saat didaftarkan', en: 'Day postpartum at enrolment' },
    type: 'integer',
    values: '1-42',
    unit: 'day',
  },
  {
    name: 'parity',
    label: { id: 'Paritas', en: 'Parity' },
    type: 'code',
    values: 'primipara, multipara',
    unit: '',
  },
  {
    name: 'delivery_mode',
    label: { id: 'Cara persalinan', en: 'Delivery mode' },
    type: 'code',
    values: 'vaginal, caesarean',
    unit: '',
  },
  {
    name: 'gestational_age_weeks',
    label: { id: 'Usia kehamilan saat lahir', en: 'Gestational age at birth' },
    type: 'integer',
    values: '22-44',
    unit: 'weeks',
  },
  {
    name: 'birth_weight_g',
    label: { id: 'Berat lahir bayi (anak pertama)', en: 'Birth weight (first-born baby)' },
    type: 'integer',
    values: '',
    unit: 'g',
  },
];

/** Every variable of the study's dataset, in column order: who, then characteristics, then outcomes. */
export function studyVariables(study: StudyDefinition): StudyVariable[] {
  const variables: StudyVariable[] = [...DESCRIPTIVE];
  if (study.arms.length > 0)
    variables.splice(1, 0, {
      name: 'group',
      label: { id: 'Kelompok', en: 'Group' },
      type: 'code',
      values: study.arms.map((a) => `${a.id} = ${a.label.id} / ${a.label.en}`).join('; '),
      unit: '',
    });
  const seen = new Set(variables.map((v) => v.name));
  const add = (measure: OutcomeMeasure, timePoint: 'pre' | 'post' | 'once', day: number | null) => {
    const name = outcomeVariable(measure, timePoint, day);
    if (seen.has(name)) return;
    seen.add(name);
    const info = OUTCOME_MEASURES[measure];
    const when =
      info.timing === 'day'
        ? { id: `, hari ke-${day}`, en: `, day ${day}` }
        : info.timing === 'post_test'
          ? timePoint === 'pre'
            ? { id: ' (tes awal)', en: ' (pre-test)' }
            : { id: ' (tes akhir)', en: ' (post-test)' }
          : { id: '', en: '' };
    variables.push({
      name,
      label: { id: `${info.label.id}${when.id}`, en: `${info.label.en}${when.en}` },
      type: info.type === 'binary' ? 'integer' : 'decimal',
      values: info.type === 'binary' ? '1 = ya / yes, 0 = tidak / no' : '',
      unit: info.unit?.en ?? '',
      measure,
      timePoint,
      day,
    });
  };
  const preDay = baseline(study);
  for (const outcome of study.outcomes) {
    const timing = OUTCOME_MEASURES[outcome.measure].timing;
    if (timing === 'day') {
      if (preDay !== undefined) add(outcome.measure, 'pre', preDay);
      add(outcome.measure, 'post', outcome.day);
    } else if (timing === 'post_test') {
      add(outcome.measure, 'pre', null);
      add(outcome.measure, 'post', null);
    } else add(outcome.measure, 'once', null);
  }
  return variables;
}

type Entry = StudyRecords['entries'][number];

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function dayOf(entry: Entry, deliveredAt: Date): number | undefined {
  return dayPostpartum(deliveredAt, entry.occurred_at);
}

/** The newest entry of a list (by clinical time, then recording time). */
function newest(entries: Entry[]): Entry | undefined {
  return [...entries].sort(
    (a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.recorded_at.getTime() - b.recorded_at.getTime(),
  )[entries.length - 1];
}

function checklistOnDay(entries: Entry[], day: number): Entry | undefined {
  return newest(entries.filter((e) => e.kind === 'adequacy_check' && e.data.dayOfLife === day));
}

function measureValue(
  measure: OutcomeMeasure,
  timePoint: 'pre' | 'post' | 'once',
  day: number | null,
  mother: ResearchCandidateRow,
  entries: Entry[],
  babies: StudyRecords['babies'],
  quizzes: StudyRecords['quizScores'],
): number | null {
  const deliveredAt = mother.delivered_at;
  switch (measure) {
    case 'expressed_milk_volume': {
      if (!deliveredAt || day === null) return null;
      const onDay = entries.filter((e) => e.kind === 'expression' && dayOf(e, deliveredAt) === day);
      if (onDay.length === 0) return null;
      const ml = onDay.reduce((sum, e) => sum + Number(e.data.leftMl ?? 0) + Number(e.data.rightMl ?? 0), 0);
      return round(ml, 1);
    }
    case 'milk_adequacy_score': {
      const check = day === null ? undefined : checklistOnDay(entries, day);
      if (!check) return null;
      const answers = (check.data.answers ?? {}) as Record<string, boolean | null>;
      return Object.values(answers).filter((answer) => answer === true).length;
    }
    case 'milk_adequate': {
      const check = day === null ? undefined : checklistOnDay(entries, day);
      if (!check) return null;
      return check.data.result === 'adequate' ? 1 : check.data.result === 'not_adequate' ? 0 : null;
    }
    case 'weight_change_percent': {
      const baby = babies.find((b) => b.birth_weight_g !== null);
      if (!deliveredAt || !baby || baby.birth_weight_g === null || day === null) return null;
      const weighed = newest(
        entries.filter((e) => e.kind === 'weight' && e.baby_id === baby.id && dayOf(e, deliveredAt) === day),
      );
      if (!weighed || typeof weighed.data.grams !== 'number') return null;
      return round(((weighed.data.grams - baby.birth_weight_g) / baby.birth_weight_g) * 100, 2);
    }
    case 'companion_knowledge_score': {
      const phase = timePoint === 'pre' ? 'pre' : 'post';
      const scores = quizzes.filter((q) => q.phase === phase);
      const latest = scores[scores.length - 1];
      return latest ? latest.score : null;
    }
    case 'time_to_milk_in': {
      if (!deliveredAt) return null;
      const first = entries.find((e) => e.kind === 'massage_session' && e.data.letDown === true);
      if (!first) return null;
      return round((first.occurred_at.getTime() - deliveredAt.getTime()) / 3_600_000, 1);
    }
  }
}

/** Each participant's values of every variable, in enrolment order. */
export function participantValues(
  study: StudyDefinition,
  participants: readonly Participant[],
  records: StudyRecords,
): ParticipantValues[] {
  const variables = studyVariables(study);
  return participants.map(({ mother, armId, enrolledAt }) => {
    const entries = records.entries.filter((e) => e.mother_id === mother.id);
    const babies = records.babies.filter((b) => b.mother_id === mother.id);
    const quizzes = records.quizScores.filter((q) => q.mother_id === mother.id);
    const values = new Map<string, number | string | null>();
    values.set('participant_id', mother.pseudonym);
    if (study.arms.length > 0) values.set('group', armId);
    values.set('enrolment_day', mother.delivered_at ? (dayPostpartum(mother.delivered_at, enrolledAt) ?? null) : null);
    values.set('parity', mother.parity);
    values.set('delivery_mode', mother.delivery_mode);
    values.set('gestational_age_weeks', mother.gestational_age_weeks);
    values.set('birth_weight_g', babies[0]?.birth_weight_g ?? null);
    for (const v of variables) {
      if (!v.measure || !v.timePoint) continue;
      values.set(v.name, measureValue(v.measure, v.timePoint, v.day ?? null, mother, entries, babies, quizzes));
    }
    return { pseudonym: mother.pseudonym, armId, values };
  });
}

/** Wide: one row per participant, a column per variable. */
export function wideTable(variables: readonly StudyVariable[], rows: readonly ParticipantValues[]) {
  return {
    header: variables.map((v) => v.name),
    rows: rows.map((row) => variables.map((v): CsvCell => row.values.get(v.name) ?? null)),
  };
}

export const LONG_HEADER = ['participant_id', 'group', 'variable', 'measure', 'time_point', 'day', 'value', 'unit'];

/**
 * Long: one row per measurement that was taken (missing measurements have no row). A one-group study has no
 * group column, as in the wide table.
 */
export function longTable(variables: readonly StudyVariable[], rows: readonly ParticipantValues[]) {
  const grouped = variables.some((v) => v.name === 'group');
  const outcomes = variables.filter((v) => v.measure);
  const body: CsvCell[][] = [];
  for (const row of rows) {
    for (const v of outcomes) {
      const value = row.values.get(v.name);
      if (value === null || value === undefined) continue;
      const cells: CsvCell[] = [row.pseudonym, row.armId, v.name, v.measure, v.timePoint, v.day ?? null, value, v.unit];
      body.push(grouped ? cells : cells.filter((_, i) => i !== 1));
    }
  }
  return { header: grouped ? LONG_HEADER : LONG_HEADER.filter((h) => h !== 'group'), rows: body };
}

export const CODEBOOK_HEADER = ['variable', 'label_id', 'label_en', 'type', 'values', 'unit'];

/** The codebook: one row per variable of the wide table, and the long table's own columns after them. */
export function codebookRows(variables: readonly StudyVariable[]): CsvCell[][] {
  const long: StudyVariable[] = [
    {
      name: 'variable',
      label: { id: 'Nama variabel (tabel panjang)', en: 'Variable name (long table)' },
      type: 'text',
      values: variables
        .filter((v) => v.measure)
        .map((v) => v.name)
        .join(', '),
      unit: '',
    },
    {
      name: 'measure',
      label: { id: 'Luaran yang diukur (tabel panjang)', en: 'Outcome measured (long table)' },
      type: 'code',
      values: Object.keys(OUTCOME_MEASURES).join(', '),
      unit: '',
    },
    {
      name: 'time_point',
      label: { id: 'Waktu pengukuran (tabel panjang)', en: 'Time point (long table)' },
      type: 'code',
      values: 'pre, post, once',
      unit: '',
    },
    {
      name: 'day',
      label: { id: 'Hari kehidupan bayi saat diukur (tabel panjang)', en: 'Day of life when measured (long table)' },
      type: 'integer',
      values: '1-42',
      unit: 'day',
    },
    {
      name: 'value',
      label: { id: 'Nilai (tabel panjang)', en: 'Value (long table)' },
      type: 'decimal',
      values: '',
      unit: 'see unit',
    },
    {
      name: 'unit',
      label: { id: 'Satuan (tabel panjang)', en: 'Unit (long table)' },
      type: 'text',
      values: '',
      unit: '',
    },
  ];
  return [...variables, ...long].map((v) => [v.name, v.label.id, v.label.en, v.type, v.values, v.unit]);
}
