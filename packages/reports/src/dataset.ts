import { ageInYears, dayPostpartum } from '@lancar/domain';
import type { CsvCell } from './csv.ts';

/**
 * A facility's dataset as tables for CSV and XLSX, with a codebook that describes every column (Indonesian and
 * English, type, unit, allowed values). Two audiences:
 *  - `identified` (midwife, facility admin): names, NIK, phone, village, address, exact dates and times;
 *  - `pseudonymised` (researcher): the mother's pseudonym instead of her identity, age in years instead of the date
 *    of birth, the delivery month instead of the date, and every time as day of life and hours since delivery.
 *    Free-text notes are left out (people write names in them). The caller passes only consenting mothers.
 * The mother's pseudonym is in every table, so the tables join on it for both audiences.
 * Pure: the caller reads the records (packages/db repositories/dataset.ts) and writes the files.
 */
export type DatasetAudience = 'identified' | 'pseudonymised';

export const DATASET_TABLES = [
  'mothers',
  'babies',
  'entries',
  'alerts',
  'alert_actions',
  'visits',
  'training',
] as const;
export type DatasetTableName = (typeof DATASET_TABLES)[number];

export type ColumnType = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'code';

interface Text {
  id: string;
  en: string;
}

interface Column<R> {
  name: string;
  description: Text;
  type: ColumnType;
  unit?: string;
  /** Allowed values (codes) or the range, as written in the codebook. */
  values?: string;
  /** Who gets the column; absent: both audiences. */
  only?: DatasetAudience;
  get: (row: R) => CsvCell;
}

interface TableSpec<R> {
  name: DatasetTableName;
  description: Text;
  columns: Column<R>[];
}

// The records, as far as the tables need them (packages/db's rows have these fields).
export interface DatasetMother {
  id: string;
  pseudonym: string;
  full_name: string;
  nik: string | null;
  phone: string | null;
  village: string | null;
  address: string | null;
  date_of_birth: string | null;
  delivered_at: Date | null;
  delivery_mode: string | null;
  parity: string | null;
  gestational_age_weeks: number | null;
  consent_research: boolean;
  created_at: Date;
}
export interface DatasetBaby {
  id: string;
  mother_id: string;
  name: string | null;
  sex: string;
  birth_weight_g: number | null;
  birth_order: number;
}
export interface DatasetPlan {
  mother_id: string;
  protocol_id: string;
  extended_to_day: number | null;
  starts_on: string | null;
  assigned_at: Date;
}
export interface DatasetEntry {
  id: string;
  mother_id: string;
  baby_id: string | null;
  kind: string;
  occurred_at: Date;
  tz_offset_min: number;
  recorded_by: string;
  supersedes: string | null;
  data: Record<string, unknown>;
}
export interface DatasetAlert {
  id: string;
  mother_id: string;
  sign_id: string;
  severity: string;
  entry_id: string | null;
  raised_at: Date;
  episode: string | null;
  rule_version: number | null;
}
export interface DatasetAlertAction {
  id: string;
  alert_id: string;
  mother_id: string;
  kind: string;
  action_taken: string | null;
  outcome: string | null;
  note: string | null;
  acted_by: string;
  acted_at: Date;
}
export interface DatasetVisit {
  id: string;
  mother_id: string;
  visit_code: string;
  visited_at: Date;
  place: string;
  observations: Record<string, unknown>;
  notes: string | null;
  supersedes: string | null;
  voided: boolean;
}
export interface DatasetCompanionRow {
  mother_id: string;
  user_id: string;
  display_name: string;
  phone: string | null;
  relationship: string;
  lessons_completed: number;
}
export interface DatasetQuiz {
  id: string;
  person_user_id: string;
  phase: 'pre' | 'post';
  correct: number;
  total: number;
  score: number | null;
  complete: boolean;
  source: string;
  taken_at: Date;
  supersedes: string | null;
}
export interface DatasetSkillCheck {
  person_user_id: string;
  observed_at: Date;
  passed: boolean;
}

export interface DatasetInput {
  mothers: readonly DatasetMother[];
  babies: readonly DatasetBaby[];
  carePlans: ReadonlyMap<string, DatasetPlan>;
  entries: readonly DatasetEntry[];
  roles: ReadonlyMap<string, string>;
  alerts: readonly DatasetAlert[];
  alertActions: readonly DatasetAlertAction[];
  visits: readonly DatasetVisit[];
  companions: readonly DatasetCompanionRow[];
  quizAttempts: readonly DatasetQuiz[];
  skillChecks: readonly DatasetSkillCheck[];
}

const HOUR_MS = 3600 * 1000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const dayOfLife = (m: DatasetMother, at: Date | null | undefined) =>
  m.delivered_at && at ? (dayPostpartum(m.delivered_at, at) ?? null) : null;
const hoursSince = (m: DatasetMother, at: Date | null | undefined) =>
  m.delivered_at && at ? Math.round(((at.getTime() - m.delivered_at.getTime()) / HOUR_MS) * 10) / 10 : null;
const joined = (value: unknown) => (Array.isArray(value) ? value.join(';') : null);
const field = (data: Record<string, unknown>, key: string): CsvCell => {
  const v = data[key];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
};

/** 2026-11-23T08:15:00+07:00: the moment in the phone's own offset, so the local clock time reads directly. */
function withOffset(moment: Date, offsetMinutes: number): string {
  const local = new Date(moment.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const t = (id: string, en: string): Text => ({ id, en });

/** Columns every table starts with: who the row is about. */
function motherKeys<R extends { m: DatasetMother }>(): Column<R>[] {
  return [
    {
      name: 'pseudonym',
      description: t(
        'Pseudonim ibu (kunci penghubung antartabel)',
        "The mother's pseudonym (the key that joins the tables)",
      ),
      type: 'code',
      values: 'P-XXXXXX',
      get: (r) => r.m.pseudonym,
    },
    {
      name: 'mother_id',
      description: t('Id internal ibu di Lancar', "The mother's internal Lancar id"),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.m.id,
    },
  ];
}

const TIME_UTC = t('waktu UTC, ISO 8601', 'UTC time, ISO 8601');

interface MotherRow {
  m: DatasetMother;
  babies: number;
  plan: DatasetPlan | undefined;
}
interface BabyRow {
  m: DatasetMother;
  b: DatasetBaby;
}
interface EntryRow {
  m: DatasetMother;
  e: DatasetEntry;
  babyNumber: number | null;
  role: string | null;
}
interface AlertRow {
  m: DatasetMother;
  a: DatasetAlert;
  n: number | null;
  actions: DatasetAlertAction[];
}
interface ActionRow {
  m: DatasetMother;
  x: DatasetAlertAction;
  n: number | null;
  role: string | null;
}
interface VisitRow {
  m: DatasetMother;
  v: DatasetVisit;
}
interface TrainingRow {
  m: DatasetMother;
  c: DatasetCompanionRow;
  n: number;
  pre: DatasetQuiz | undefined;
  post: DatasetQuiz | undefined;
  skill: DatasetSkillCheck | undefined;
}

const MOTHERS: TableSpec<MotherRow> = {
  name: 'mothers',
  description: t('Satu baris per ibu', 'One row per mother'),
  columns: [
    ...motherKeys<MotherRow>(),
    {
      name: 'full_name',
      description: t('Nama lengkap', 'Full name'),
      type: 'text',
      only: 'identified',
      get: (r) => r.m.full_name,
    },
    {
      name: 'nik',
      description: t('NIK (Nomor Induk Kependudukan), 16 angka', 'NIK (national identity number), 16 digits'),
      type: 'text',
      only: 'identified',
      get: (r) => r.m.nik,
    },
    {
      name: 'phone',
      description: t('Nomor HP, format internasional tanpa +', 'Phone number, international format without +'),
      type: 'text',
      only: 'identified',
      get: (r) => r.m.phone,
    },
    {
      name: 'village',
      description: t('Desa/kelurahan', 'Village'),
      type: 'text',
      only: 'identified',
      get: (r) => r.m.village,
    },
    { name: 'address', description: t('Alamat', 'Address'), type: 'text', only: 'identified', get: (r) => r.m.address },
    {
      name: 'date_of_birth',
      description: t('Tanggal lahir ibu', "The mother's date of birth"),
      type: 'date',
      values: 'YYYY-MM-DD',
      only: 'identified',
      get: (r) => r.m.date_of_birth,
    },
    {
      name: 'age_years',
      description: t('Usia ibu saat bersalin, tahun penuh', "The mother's age at delivery, completed years"),
      type: 'integer',
      unit: 'tahun / years',
      get: (r) => (r.m.date_of_birth && r.m.delivered_at ? ageInYears(r.m.date_of_birth, r.m.delivered_at) : null),
    },
    {
      name: 'delivered_at',
      description: t('Waktu persalinan', 'Time of delivery'),
      type: 'datetime',
      values: TIME_UTC.en,
      only: 'identified',
      get: (r) => iso(r.m.delivered_at),
    },
    {
      name: 'delivery_month',
      description: t('Bulan persalinan (tanggal tidak diberikan)', 'Month of delivery (the date is not given)'),
      type: 'date',
      values: 'YYYY-MM',
      only: 'pseudonymised',
      get: (r) => (r.m.delivered_at ? r.m.delivered_at.toISOString().slice(0, 7) : null),
    },
    {
      name: 'delivery_mode',
      description: t('Cara persalinan', 'Mode of delivery'),
      type: 'code',
      values: 'vaginal, caesarean',
      get: (r) => r.m.delivery_mode,
    },
    {
      name: 'parity',
      description: t('Paritas', 'Parity'),
      type: 'code',
      values: 'primipara, multipara',
      get: (r) => r.m.parity,
    },
    {
      name: 'gestational_age_weeks',
      description: t('Usia kehamilan saat lahir', 'Gestational age at birth'),
      type: 'integer',
      unit: 'minggu / weeks',
      values: '20-45',
      get: (r) => r.m.gestational_age_weeks,
    },
    {
      name: 'babies',
      description: t('Jumlah bayi (kembar: 2 atau lebih)', 'Number of babies (twins: 2 or more)'),
      type: 'integer',
      values: '1-5',
      get: (r) => r.babies,
    },
    {
      name: 'consent_research',
      description: t('Setuju datanya dipakai untuk penelitian', 'Consented to research use of her data'),
      type: 'boolean',
      values: 'true, false',
      get: (r) => r.m.consent_research,
    },
    {
      name: 'protocol_id',
      description: t(
        'Protokol pijat yang ditetapkan bidan (kosong: protokol bawaan)',
        'Massage protocol assigned by the midwife (empty: the default protocol)',
      ),
      type: 'code',
      values: 'content/protocols.json',
      get: (r) => r.plan?.protocol_id ?? null,
    },
    {
      name: 'protocol_extended_to_day',
      description: t('Protokol diperpanjang sampai hari ke-', 'Protocol extended to day'),
      type: 'integer',
      unit: 'hari / day',
      values: '1-42',
      get: (r) => r.plan?.extended_to_day ?? null,
    },
    {
      name: 'protocol_starts_on',
      description: t(
        'Tanggal mulai pijat (kosong: sejak persalinan)',
        'Date the massage starts (empty: from delivery)',
      ),
      type: 'date',
      values: 'YYYY-MM-DD',
      only: 'identified',
      get: (r) => r.plan?.starts_on ?? null,
    },
    {
      name: 'protocol_start_day',
      description: t(
        'Hari kalender ke- sejak persalinan saat pijat dimulai (1 = hari persalinan; kosong: sejak persalinan)',
        'Calendar day since delivery on which the massage starts (1 = day of delivery; empty: from delivery)',
      ),
      type: 'integer',
      unit: 'hari / day',
      values: '1-43',
      get: (r) =>
        r.plan?.starts_on && r.m.delivered_at
          ? Math.round(
              (Date.parse(`${r.plan.starts_on}T00:00:00Z`) -
                Date.parse(`${r.m.delivered_at.toISOString().slice(0, 10)}T00:00:00Z`)) /
                (24 * HOUR_MS),
            ) + 1
          : null,
    },
    {
      name: 'enrolled_at',
      description: t('Waktu pendaftaran di Lancar', 'Time of enrolment in Lancar'),
      type: 'datetime',
      values: TIME_UTC.en,
      only: 'identified',
      get: (r) => iso(r.m.created_at),
    },
  ],
};

const BABIES: TableSpec<BabyRow> = {
  name: 'babies',
  description: t('Satu baris per bayi', 'One row per baby'),
  columns: [
    ...motherKeys<BabyRow>(),
    {
      name: 'baby_id',
      description: t('Id internal bayi', "The baby's internal id"),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.b.id,
    },
    {
      name: 'baby_number',
      description: t('Urutan lahir (kembar: 1, 2, ...)', 'Birth order (twins: 1, 2, ...)'),
      type: 'integer',
      values: '1-5',
      get: (r) => r.b.birth_order,
    },
    {
      name: 'baby_name',
      description: t('Nama bayi', "The baby's name"),
      type: 'text',
      only: 'identified',
      get: (r) => r.b.name,
    },
    {
      name: 'sex',
      description: t('Jenis kelamin', 'Sex'),
      type: 'code',
      values: 'female, male, unknown',
      get: (r) => r.b.sex,
    },
    {
      name: 'birth_weight_g',
      description: t('Berat lahir', 'Birth weight'),
      type: 'integer',
      unit: 'g',
      values: '300-7000',
      get: (r) => r.b.birth_weight_g,
    },
  ],
};

const d = (r: EntryRow) => r.e.data;
const of = (kind: string, get: (r: EntryRow) => CsvCell) => (r: EntryRow) => (r.e.kind === kind ? get(r) : null);

const ENTRIES: TableSpec<EntryRow> = {
  name: 'entries',
  description: t(
    'Satu baris per catatan keluarga yang berlaku (koreksi dan hapusan sudah diterapkan); kolom data hanya terisi untuk jenisnya',
    'One row per household entry in force (corrections and removals applied); data columns are filled only for their kind',
  ),
  columns: [
    ...motherKeys<EntryRow>(),
    {
      name: 'entry_id',
      description: t('Id catatan', 'Entry id'),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.e.id,
    },
    {
      name: 'kind',
      description: t('Jenis catatan', 'Kind of entry'),
      type: 'code',
      values: 'massage_session, feed, expression, nappy, weight, mother_state, adequacy_check, danger_report',
      get: (r) => r.e.kind,
    },
    {
      name: 'baby_number',
      description: t(
        'Bayi yang dicatat (urutan lahir); kosong: catatan tentang ibu',
        'Baby recorded (birth order); empty: about the mother',
      ),
      type: 'integer',
      values: '1-5',
      get: (r) => r.babyNumber,
    },
    {
      name: 'occurred_at',
      description: t(
        'Waktu kejadian menurut HP, dengan zona waktu HP',
        "Time it happened by the phone's clock, with the phone's offset",
      ),
      type: 'datetime',
      values: 'ISO 8601 +07:00/+08:00/+09:00',
      only: 'identified',
      get: (r) => withOffset(r.e.occurred_at, r.e.tz_offset_min),
    },
    {
      name: 'day_of_life',
      description: t(
        'Hari ke- sejak persalinan (24 jam pertama = hari 1)',
        'Day since delivery (the first 24 hours = day 1)',
      ),
      type: 'integer',
      unit: 'hari / day',
      get: (r) => dayOfLife(r.m, r.e.occurred_at),
    },
    {
      name: 'hours_since_delivery',
      description: t('Jam sejak persalinan', 'Hours since delivery'),
      type: 'decimal',
      unit: 'jam / hours',
      get: (r) => hoursSince(r.m, r.e.occurred_at),
    },
    {
      name: 'recorded_by_role',
      description: t('Peran yang mencatat', 'Role of the person who recorded it'),
      type: 'code',
      values: 'mother, companion, cadre, midwife',
      get: (r) => r.role,
    },
    {
      name: 'massage_protocol_id',
      description: t('Pijat: protokol yang dipakai', 'Massage: protocol used'),
      type: 'code',
      values: 'content/protocols.json',
      get: of('massage_session', (r) => field(d(r), 'protocolId')),
    },
    {
      name: 'massage_outcome',
      description: t('Pijat: hasil sesi', 'Massage: how the session ended'),
      type: 'code',
      values: 'completed, stopped_early, stopped_safety',
      get: of('massage_session', (r) => field(d(r), 'outcome')),
    },
    {
      name: 'massage_seconds',
      description: t('Pijat: lama memijat (jeda tidak dihitung)', 'Massage: time spent massaging (pauses excluded)'),
      type: 'integer',
      unit: 's',
      values: '0-10800',
      get: of('massage_session', (r) => field(d(r), 'massageSeconds')),
    },
    {
      name: 'massage_steps_completed',
      description: t('Pijat: jumlah langkah yang selesai', 'Massage: number of steps completed'),
      type: 'integer',
      values: '0-20',
      get: of('massage_session', (r) =>
        Array.isArray(d(r).stepsCompleted) ? (d(r).stepsCompleted as unknown[]).length : null,
      ),
    },
    {
      name: 'massage_steps_total',
      description: t('Pijat: jumlah langkah protokol', 'Massage: number of steps in the protocol'),
      type: 'integer',
      values: '0-20',
      get: of('massage_session', (r) => field(d(r), 'stepsTotal')),
    },
    {
      name: 'massage_comfort',
      description: t(
        'Pijat: kenyamanan ibu (1 sangat tidak nyaman - 5 sangat nyaman)',
        "Massage: mother's comfort (1 very uncomfortable - 5 very comfortable)",
      ),
      type: 'integer',
      values: '1-5',
      get: of('massage_session', (r) => field(d(r), 'comfort')),
    },
    {
      name: 'massage_pain',
      description: t('Pijat: nyeri (0 tidak ada - 10 terberat)', 'Massage: pain (0 none - 10 worst)'),
      type: 'integer',
      values: '0-10',
      get: of('massage_session', (r) => field(d(r), 'pain')),
    },
    {
      name: 'massage_let_down',
      description: t('Pijat: ASI merembes/terasa mengalir', 'Massage: let-down felt or milk leaking'),
      type: 'boolean',
      values: 'true, false',
      get: of('massage_session', (r) => field(d(r), 'letDown')),
    },
    {
      name: 'massage_safety_stops',
      description: t(
        'Pijat: pertanyaan keamanan yang menghentikan sesi, dipisah ;',
        'Massage: safety questions that stopped the session, separated by ;',
      ),
      type: 'text',
      values: 'content/safety-check.json',
      get: of('massage_session', (r) => joined(d(r).safetyStops)),
    },
    {
      name: 'massage_notes',
      description: t('Pijat: catatan bebas', 'Massage: free-text notes'),
      type: 'text',
      only: 'identified',
      get: of('massage_session', (r) => field(d(r), 'notes')),
    },
    {
      name: 'feed_side',
      description: t('Menyusui: payudara', 'Feed: breast'),
      type: 'code',
      values: 'left, right, both',
      get: of('feed', (r) => field(d(r), 'side')),
    },
    {
      name: 'feed_minutes',
      description: t('Menyusui: lama', 'Feed: duration'),
      type: 'integer',
      unit: 'min',
      values: '1-180',
      get: of('feed', (r) => field(d(r), 'durationMinutes')),
    },
    {
      name: 'expressed_left_ml',
      description: t('ASI perah: payudara kiri', 'Expressed milk: left breast'),
      type: 'decimal',
      unit: 'mL',
      values: '0-500',
      get: of('expression', (r) => field(d(r), 'leftMl')),
    },
    {
      name: 'expressed_right_ml',
      description: t('ASI perah: payudara kanan', 'Expressed milk: right breast'),
      type: 'decimal',
      unit: 'mL',
      values: '0-500',
      get: of('expression', (r) => field(d(r), 'rightMl')),
    },
    {
      name: 'nappy_wet',
      description: t('Popok: basah (BAK)', 'Nappy: wet'),
      type: 'boolean',
      values: 'true, false',
      get: of('nappy', (r) => field(d(r), 'wet')),
    },
    {
      name: 'nappy_dirty',
      description: t('Popok: kotor (BAB)', 'Nappy: dirty (stool)'),
      type: 'boolean',
      values: 'true, false',
      get: of('nappy', (r) => field(d(r), 'dirty')),
    },
    {
      name: 'stool_colour',
      description: t('Popok: warna BAB', 'Nappy: stool colour'),
      type: 'code',
      values: 'meconium, green_brown, yellow, pale, other',
      get: of('nappy', (r) => field(d(r), 'stoolColour')),
    },
    {
      name: 'weight_g',
      description: t('Berat bayi', "Baby's weight"),
      type: 'integer',
      unit: 'g',
      values: '300-7000',
      get: of('weight', (r) => field(d(r), 'grams')),
    },
    {
      name: 'mother_stress',
      description: t('Ibu: stres (0-10)', 'Mother: stress (0-10)'),
      type: 'integer',
      values: '0-10',
      get: of('mother_state', (r) => field(d(r), 'stress')),
    },
    {
      name: 'mother_sleep_hours',
      description: t('Ibu: jam tidur', 'Mother: hours of sleep'),
      type: 'decimal',
      unit: 'jam / hours',
      values: '0-24',
      get: of('mother_state', (r) => field(d(r), 'sleepHours')),
    },
    {
      name: 'mother_breast_comfort',
      description: t('Ibu: keadaan payudara', "Mother: breasts' state"),
      type: 'code',
      values: 'soft, full, engorged, red_painful',
      get: of('mother_state', (r) => field(d(r), 'breastComfort')),
    },
    {
      name: 'mother_fever',
      description: t('Ibu: demam', 'Mother: fever'),
      type: 'boolean',
      values: 'true, false',
      get: of('mother_state', (r) => field(d(r), 'fever')),
    },
    {
      name: 'adequacy_day_of_life',
      description: t('Ceklis kecukupan ASI: hari ke- yang dinilai', 'Milk adequacy checklist: day of life assessed'),
      type: 'integer',
      values: '1-60',
      get: of('adequacy_check', (r) => field(d(r), 'dayOfLife')),
    },
    {
      name: 'adequacy_result',
      description: t('Ceklis kecukupan ASI: hasil', 'Milk adequacy checklist: result'),
      type: 'code',
      values: 'adequate, not_adequate, incomplete',
      get: of('adequacy_check', (r) => field(d(r), 'result')),
    },
    {
      name: 'adequacy_answers',
      description: t(
        'Ceklis kecukupan ASI: jawaban per butir, "butir=1" (ya), "butir=0" (tidak), "butir=" (kosong), dipisah ;',
        'Milk adequacy checklist: answer per item, "item=1" (yes), "item=0" (no), "item=" (blank), separated by ;',
      ),
      type: 'text',
      values: 'content/adequacy-checklist.json',
      get: of('adequacy_check', (r) => {
        const answers = d(r).answers;
        if (!answers || typeof answers !== 'object') return null;
        return Object.entries(answers as Record<string, boolean | null>)
          .map(([k, v]) => `${k}=${v === null ? '' : v ? 1 : 0}`)
          .join(';');
      }),
    },
    {
      name: 'adequacy_content_version',
      description: t('Ceklis kecukupan ASI: versi isi ceklis', 'Milk adequacy checklist: content version'),
      type: 'integer',
      get: of('adequacy_check', (r) => field(d(r), 'contentVersion')),
    },
    {
      name: 'danger_signs',
      description: t(
        'Tanda bahaya yang dilaporkan keluarga, dipisah ;',
        'Danger signs the household reported, separated by ;',
      ),
      type: 'text',
      values: 'content/danger-signs.json',
      get: of('danger_report', (r) => joined(d(r).signs)),
    },
  ],
};

function firstAction(actions: DatasetAlertAction[], kind?: string): DatasetAlertAction | undefined {
  return actions.find((a) => (kind ? a.kind === kind : true));
}

const ALERTS: TableSpec<AlertRow> = {
  name: 'alerts',
  description: t(
    'Satu baris per peringatan tanda bahaya, dengan ringkasan tindakan bidan',
    "One row per danger-sign alert, with a summary of the midwife's actions",
  ),
  columns: [
    ...motherKeys<AlertRow>(),
    {
      name: 'alert_id',
      description: t('Id peringatan', 'Alert id'),
      type: 'text',
      values: 'UUID',
      get: (r) => r.a.id,
      only: 'identified',
    },
    {
      name: 'alert_number',
      description: t(
        'Nomor urut peringatan ibu ini (penghubung ke alert_actions)',
        "Number of this mother's alert (joins alert_actions)",
      ),
      type: 'integer',
      get: (r) => r.n,
    },
    {
      name: 'sign_id',
      description: t('Tanda bahaya', 'Danger sign'),
      type: 'code',
      values: 'content/danger-signs.json, alert rules',
      get: (r) => r.a.sign_id,
    },
    {
      name: 'severity',
      description: t('Tingkat', 'Severity'),
      type: 'code',
      values: 'immediate, soon',
      get: (r) => r.a.severity,
    },
    {
      name: 'rule_version',
      description: t('Versi aturan peringatan', 'Alert rule version'),
      type: 'integer',
      get: (r) => r.a.rule_version,
    },
    {
      name: 'raised_at',
      description: t('Waktu peringatan muncul', 'Time the alert was raised'),
      type: 'datetime',
      values: TIME_UTC.en,
      only: 'identified',
      get: (r) => iso(r.a.raised_at),
    },
    {
      name: 'raised_day_of_life',
      description: t(
        'Hari ke- sejak persalinan saat peringatan muncul',
        'Day since delivery when the alert was raised',
      ),
      type: 'integer',
      unit: 'hari / day',
      get: (r) => dayOfLife(r.m, r.a.raised_at),
    },
    {
      name: 'hours_to_first_action',
      description: t(
        'Jam dari peringatan sampai tindakan pertama bidan',
        "Hours from the alert to the midwife's first action",
      ),
      type: 'decimal',
      unit: 'jam / hours',
      get: (r) => {
        const first = firstAction(r.actions);
        return first ? Math.round(((first.acted_at.getTime() - r.a.raised_at.getTime()) / HOUR_MS) * 10) / 10 : null;
      },
    },
    {
      name: 'closed',
      description: t('Peringatan sudah ditutup', 'The alert is closed'),
      type: 'boolean',
      values: 'true, false',
      get: (r) => r.actions.some((a) => a.kind === 'closed'),
    },
    {
      name: 'outcome',
      description: t('Hasil saat ditutup', 'Outcome when closed'),
      type: 'code',
      values: 'resolved, referred, improving, no_problem_found, other',
      get: (r) => firstAction(r.actions, 'closed')?.outcome ?? null,
    },
  ],
};

const ALERT_ACTIONS: TableSpec<ActionRow> = {
  name: 'alert_actions',
  description: t('Satu baris per tindakan bidan atas peringatan', "One row per midwife's action on an alert"),
  columns: [
    ...motherKeys<ActionRow>(),
    {
      name: 'alert_id',
      description: t('Id peringatan', 'Alert id'),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.x.alert_id,
    },
    {
      name: 'alert_number',
      description: t(
        'Nomor urut peringatan ibu ini (penghubung ke alerts)',
        "Number of this mother's alert (joins alerts)",
      ),
      type: 'integer',
      get: (r) => r.n,
    },
    {
      name: 'kind',
      description: t('Jenis tindakan', 'Kind of action'),
      type: 'code',
      values: 'acknowledged, acted, closed',
      get: (r) => r.x.kind,
    },
    {
      name: 'action_taken',
      description: t('Tindakan', 'Action taken'),
      type: 'code',
      values: 'phoned, home_visit, facility_visit, referred, advised, other',
      get: (r) => r.x.action_taken,
    },
    {
      name: 'outcome',
      description: t('Hasil', 'Outcome'),
      type: 'code',
      values: 'resolved, referred, improving, no_problem_found, other',
      get: (r) => r.x.outcome,
    },
    {
      name: 'acted_by_role',
      description: t('Peran yang bertindak', 'Role of the person who acted'),
      type: 'code',
      values: 'midwife, facility_admin',
      get: (r) => r.role,
    },
    {
      name: 'acted_at',
      description: t('Waktu tindakan', 'Time of the action'),
      type: 'datetime',
      values: TIME_UTC.en,
      only: 'identified',
      get: (r) => iso(r.x.acted_at),
    },
    {
      name: 'day_of_life',
      description: t('Hari ke- sejak persalinan saat tindakan', 'Day since delivery of the action'),
      type: 'integer',
      unit: 'hari / day',
      get: (r) => dayOfLife(r.m, r.x.acted_at),
    },
    {
      name: 'note',
      description: t('Catatan bebas', 'Free-text note'),
      type: 'text',
      only: 'identified',
      get: (r) => r.x.note,
    },
  ],
};

const VISITS: TableSpec<VisitRow> = {
  name: 'visits',
  description: t(
    'Satu baris per kunjungan nifas yang berlaku (koreksi diterapkan)',
    'One row per postnatal visit in force (corrections applied)',
  ),
  columns: [
    ...motherKeys<VisitRow>(),
    {
      name: 'visit_id',
      description: t('Id kunjungan', 'Visit id'),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.v.id,
    },
    {
      name: 'visit_code',
      description: t('Kunjungan nifas', 'Postnatal visit'),
      type: 'code',
      values: 'KF1, KF2, KF3, KF4, other',
      get: (r) => r.v.visit_code,
    },
    {
      name: 'place',
      description: t('Tempat', 'Place'),
      type: 'code',
      values: 'home, facility, phone',
      get: (r) => r.v.place,
    },
    {
      name: 'visited_at',
      description: t('Waktu kunjungan', 'Time of the visit'),
      type: 'datetime',
      values: TIME_UTC.en,
      only: 'identified',
      get: (r) => iso(r.v.visited_at),
    },
    {
      name: 'day_of_life',
      description: t('Hari ke- sejak persalinan saat kunjungan', 'Day since delivery of the visit'),
      type: 'integer',
      unit: 'hari / day',
      get: (r) => dayOfLife(r.m, r.v.visited_at),
    },
    {
      name: 'observations',
      description: t('Pengamatan saat kunjungan (JSON)', 'Observations made during the visit (JSON)'),
      type: 'text',
      values: 'JSON',
      get: (r) =>
        r.v.observations && Object.keys(r.v.observations).length > 0 ? JSON.stringify(r.v.observations) : null,
    },
    {
      name: 'notes',
      description: t('Catatan bebas', 'Free-text notes'),
      type: 'text',
      only: 'identified',
      get: (r) => r.v.notes,
    },
  ],
};

const quizColumns = (phase: 'pre' | 'post', label: Text): Column<TrainingRow>[] => {
  const q = (r: TrainingRow) => (phase === 'pre' ? r.pre : r.post);
  return [
    {
      name: `${phase}_correct`,
      description: t(`${label.id}: jawaban benar`, `${label.en}: correct answers`),
      type: 'integer',
      get: (r) => q(r)?.correct ?? null,
    },
    {
      name: `${phase}_total`,
      description: t(`${label.id}: jumlah soal`, `${label.en}: number of items`),
      type: 'integer',
      get: (r) => q(r)?.total ?? null,
    },
    {
      name: `${phase}_score`,
      description: t(`${label.id}: nilai (kosong bila belum lengkap)`, `${label.en}: score (empty when incomplete)`),
      type: 'decimal',
      unit: '%',
      values: '0-100',
      get: (r) => q(r)?.score ?? null,
    },
    {
      name: `${phase}_source`,
      description: t(`${label.id}: cara mengisi`, `${label.en}: how it was taken`),
      type: 'code',
      values: 'phone, paper',
      get: (r) => q(r)?.source ?? null,
    },
  ];
};

const TRAINING: TableSpec<TrainingRow> = {
  name: 'training',
  description: t(
    'Satu baris per pendamping ibu: pelajaran, tes awal dan akhir lengkap yang pertama (koreksi diterapkan), uji keterampilan terakhir',
    "One row per mother's companion: lessons, first complete pre- and post-test (corrections applied), latest skill check",
  ),
  columns: [
    ...motherKeys<TrainingRow>(),
    {
      name: 'companion_id',
      description: t('Id akun pendamping', "The companion's account id"),
      type: 'text',
      values: 'UUID',
      only: 'identified',
      get: (r) => r.c.user_id,
    },
    {
      name: 'companion_name',
      description: t('Nama pendamping', "The companion's name"),
      type: 'text',
      only: 'identified',
      get: (r) => r.c.display_name,
    },
    {
      name: 'companion_phone',
      description: t('Nomor HP pendamping', "The companion's phone"),
      type: 'text',
      only: 'identified',
      get: (r) => r.c.phone,
    },
    {
      name: 'companion_number',
      description: t('Nomor urut pendamping ibu ini', "Number of this mother's companion"),
      type: 'integer',
      get: (r) => r.n,
    },
    {
      name: 'relationship',
      description: t('Hubungan dengan ibu', 'Relationship to the mother'),
      type: 'code',
      values: 'husband, family, cadre, other',
      get: (r) => r.c.relationship,
    },
    {
      name: 'lessons_completed',
      description: t('Jumlah pelajaran selesai', 'Lessons completed'),
      type: 'integer',
      get: (r) => r.c.lessons_completed,
    },
    ...quizColumns('pre', t('Tes awal', 'Pre-test')),
    ...quizColumns('post', t('Tes akhir', 'Post-test')),
    {
      name: 'skill_check_passed',
      description: t('Uji keterampilan terakhir: lulus', 'Latest skill check: passed'),
      type: 'boolean',
      values: 'true, false',
      get: (r) => r.skill?.passed ?? null,
    },
    {
      name: 'skill_check_day_of_life',
      description: t(
        'Uji keterampilan terakhir: hari ke- sejak persalinan ibu',
        "Latest skill check: day since the mother's delivery",
      ),
      type: 'integer',
      unit: 'hari / day',
      get: (r) => dayOfLife(r.m, r.skill?.observed_at),
    },
  ],
};

const SPECS = {
  mothers: MOTHERS,
  babies: BABIES,
  entries: ENTRIES,
  alerts: ALERTS,
  alert_actions: ALERT_ACTIONS,
  visits: VISITS,
  training: TRAINING,
} as const;

export interface DatasetTable {
  name: DatasetTableName | 'codebook';
  header: string[];
  rows: CsvCell[][];
}

export interface CodebookEntry {
  table: string;
  column: string;
  description_id: string;
  description_en: string;
  type: ColumnType;
  unit: string;
  allowed_values: string;
}

function columnsFor<R>(spec: TableSpec<R>, audience: DatasetAudience): Column<R>[] {
  return spec.columns.filter((c) => !c.only || c.only === audience);
}

/** Every column an audience gets, table by table: the codebook. */
export function codebook(audience: DatasetAudience): CodebookEntry[] {
  return DATASET_TABLES.flatMap((name) =>
    columnsFor(SPECS[name] as TableSpec<unknown>, audience).map((c) => ({
      table: name,
      column: c.name,
      description_id: c.description.id,
      description_en: c.description.en,
      type: c.type,
      unit: c.unit ?? '',
      allowed_values: c.values ?? '',
    })),
  );
}

export const CODEBOOK_HEADER = [
  'table',
  'column',
  'description_id',
  'description_en',
  'type',
  'unit',
  'allowed_values',
] as const;

export function codebookTable(audience: DatasetAudience): DatasetTable {
  return {
    name: 'codebook',
    header: [...CODEBOOK_HEADER],
    rows: codebook(audience).map((e) => CODEBOOK_HEADER.map((k) => e[k])),
  };
}

/** Which records are in force: corrections and removals applied (as packages/domain currentEntries does). */
function inForce<T extends { id: string; supersedes: string | null }>(
  rows: readonly T[],
  removed: (row: T) => boolean,
): T[] {
  const superseded = new Set(rows.map((r) => r.supersedes).filter((id): id is string => id !== null));
  return rows.filter((r) => !superseded.has(r.id) && !removed(r));
}

/** The rows of every table for an audience, in the codebook's column order. */
export function datasetTables(input: DatasetInput, audience: DatasetAudience): Record<DatasetTableName, DatasetTable> {
  const mothers = new Map(input.mothers.map((m) => [m.id, m]));
  const babyNumber = new Map(input.babies.map((b) => [b.id, b.birth_order]));
  const babyCount = new Map<string, number>();
  for (const b of input.babies) babyCount.set(b.mother_id, (babyCount.get(b.mother_id) ?? 0) + 1);
  const withMother = <T extends { mother_id: string }>(rows: readonly T[]) =>
    rows.flatMap((row) => {
      const m = mothers.get(row.mother_id);
      return m ? [{ m, row }] : [];
    });

  // Numbers that join alerts to their actions, and companions, without the internal ids.
  const alertNumber = new Map<string, number>();
  const perMother = new Map<string, number>();
  for (const a of input.alerts) {
    const n = (perMother.get(a.mother_id) ?? 0) + 1;
    perMother.set(a.mother_id, n);
    alertNumber.set(a.id, n);
  }
  const actionsOf = new Map<string, DatasetAlertAction[]>();
  for (const x of input.alertActions) actionsOf.set(x.alert_id, [...(actionsOf.get(x.alert_id) ?? []), x]);

  const currentQuiz = inForce(input.quizAttempts, () => false);
  const latest = <T extends { person_user_id: string }>(rows: readonly T[]) => {
    const found = new Map<string, T>();
    for (const r of rows) found.set(r.person_user_id, r); // rows come oldest first
    return found;
  };
  // As the training results count them (docs/decisions/0009): each person's first complete test of a phase; a
  // person with none complete shows their first attempt, whose score is empty.
  const firstOf = (phase: 'pre' | 'post') => {
    const found = new Map<string, DatasetQuiz>();
    for (const q of currentQuiz) {
      if (q.phase !== phase) continue;
      const had = found.get(q.person_user_id);
      if (!had || (!had.complete && q.complete)) found.set(q.person_user_id, q);
    }
    return found;
  };
  const pre = firstOf('pre');
  const post = firstOf('post');
  const skill = latest(input.skillChecks);

  const build = <R>(spec: TableSpec<R>, rows: R[]): DatasetTable => {
    const columns = columnsFor(spec, audience);
    return {
      name: spec.name,
      header: columns.map((c) => c.name),
      rows: rows.map((row) => columns.map((c) => c.get(row))),
    };
  };

  const companionNumber = new Map<string, number>();
  const companionRows = withMother(input.companions).map(({ m, row }) => {
    const n = (companionNumber.get(m.id) ?? 0) + 1;
    companionNumber.set(m.id, n);
    return { m, c: row, n, pre: pre.get(row.user_id), post: post.get(row.user_id), skill: skill.get(row.user_id) };
  });

  return {
    mothers: build(
      MOTHERS,
      input.mothers.map((m) => ({ m, babies: babyCount.get(m.id) ?? 0, plan: input.carePlans.get(m.id) })),
    ),
    babies: build(
      BABIES,
      withMother(input.babies).map(({ m, row }) => ({ m, b: row })),
    ),
    entries: build(
      ENTRIES,
      withMother(inForce(input.entries, (e) => e.kind === 'void')).map(({ m, row }) => ({
        m,
        e: row,
        babyNumber: row.baby_id ? (babyNumber.get(row.baby_id) ?? null) : null,
        role: input.roles.get(row.recorded_by) ?? null,
      })),
    ),
    alerts: build(
      ALERTS,
      withMother(input.alerts).map(({ m, row }) => ({
        m,
        a: row,
        n: alertNumber.get(row.id) ?? null,
        actions: actionsOf.get(row.id) ?? [],
      })),
    ),
    alert_actions: build(
      ALERT_ACTIONS,
      withMother(input.alertActions).map(({ m, row }) => ({
        m,
        x: row,
        n: alertNumber.get(row.alert_id) ?? null,
        role: input.roles.get(row.acted_by) ?? null,
      })),
    ),
    visits: build(
      VISITS,
      withMother(inForce(input.visits, (v) => v.voided)).map(({ m, row }) => ({ m, v: row })),
    ),
    training: build(TRAINING, companionRows),
  };
}
