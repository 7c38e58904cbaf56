import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely's view of migrations/*.sql. Keep in step with the SQL: the db tests read every column back. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates without time (date of birth) travel as 'YYYY-MM-DD' strings on both drivers. */
type DateOnly = string;

export interface FacilityTable {
  id: string;
  name: string;
  kind: 'puskesmas' | 'hospital' | 'clinic' | 'other';
  district: string;
  province: string;
  phone: string | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface UserAccountTable {
  facility_id: string;
  id: string;
  role: 'companion' | 'mother' | 'midwife' | 'cadre' | 'facility_admin' | 'researcher' | 'system_admin';
  display_name: string;
  username: string | null;
  phone: string | null;
  password_hash: string | null;
  status: 'pending' | 'active' | 'disabled';
  locale: Generated<'id' | 'en'>;
  created_at: DefaultTimestamp;
  created_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface LoginNameTable {
  name: string;
  facility_id: string;
  user_id: string;
}

export interface AuthSessionTable {
  facility_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
}

export interface ActivationCodeTable {
  code_hash: string;
  facility_id: string;
  user_id: string;
  issued_by: string | null;
  issued_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface MotherTable {
  facility_id: string;
  id: string;
  user_id: string | null;
  pseudonym: string;
  full_name: string;
  nik: string | null;
  phone: string | null;
  village: string | null;
  address: string | null;
  date_of_birth: DateOnly | null;
  delivered_at: Timestamp | null;
  delivery_mode: 'vaginal' | 'caesarean' | null;
  parity: 'primipara' | 'multipara' | null;
  gestational_age_weeks: number | null;
  consent_care: boolean;
  consent_research: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  created_by: string | null;
  updated_at: DefaultTimestamp;
  voided_at: Timestamp | null;
  void_reason: string | null;
}

export interface BabyTable {
  facility_id: string;
  id: string;
  mother_id: string;
  name: string | null;
  sex: 'female' | 'male' | 'unknown';
  birth_weight_g: number | null;
  birth_order: Generated<number>;
  created_at: DefaultTimestamp;
  created_by: string | null;
  voided_at: Timestamp | null;
  void_reason: string | null;
}

export interface CompanionLinkTable {
  facility_id: string;
  id: string;
  mother_id: string;
  user_id: string;
  relationship: 'husband' | 'family' | 'cadre' | 'other';
  created_at: DefaultTimestamp;
  created_by: string | null;
  ended_at: Timestamp | null;
}

export type AuditAction =
  | 'read'
  | 'list'
  | 'create'
  | 'update'
  | 'export'
  | 'login'
  | 'logout'
  | 'activate'
  | 'issue_code';
export type AuditPurpose = 'care' | 'self' | 'household' | 'administration' | 'research' | 'system';

export interface AuditEventTable {
  facility_id: string;
  id: string;
  at: DefaultTimestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: AuditAction;
  subject_type: string;
  subject_id: string | null;
  purpose: AuditPurpose;
  detail: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface FacilitySyncTable {
  facility_id: string;
  seq: number;
}

export interface CarePlanTable {
  facility_id: string;
  id: string;
  mother_id: string;
  protocol_id: string;
  extended_to_day: number | null;
  /** Migration 0006: the date the massage starts; null = from the delivery. */
  starts_on: DateOnly | null;
  assigned_by: string | null;
  assigned_at: DefaultTimestamp;
  seq: number;
}

export interface HouseholdEntryTable {
  facility_id: string;
  id: string;
  mother_id: string;
  baby_id: string | null;
  kind: string;
  occurred_at: Timestamp;
  tz_offset_min: number;
  recorded_by: string;
  recorded_at: Timestamp;
  received_at: DefaultTimestamp;
  supersedes: string | null;
  data: ColumnType<Record<string, unknown>, string, never>;
  schema_version: Generated<number>;
  seq: number;
}

export interface SyncMutationTable {
  facility_id: string;
  mutation_id: string;
  device_id: string;
  user_id: string;
  received_at: DefaultTimestamp;
  status: 'applied' | 'rejected';
  problem: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface AlertTable {
  facility_id: string;
  id: string;
  mother_id: string;
  sign_id: string;
  severity: 'immediate' | 'soon';
  entry_id: string | null;
  raised_at: DefaultTimestamp;
  seq: number;
  /** The stretch a time-based alert is about (e.g. 'since:2026-11-20'); NULL for alerts raised by one entry. */
  episode: ColumnType<string | null, string | null | undefined, never>;
  rule_version: ColumnType<number | null, number | null | undefined, never>;
}

export interface AlertActionTable {
  facility_id: string;
  id: string;
  alert_id: string;
  mother_id: string;
  kind: 'acknowledged' | 'acted' | 'closed';
  action_taken: 'phoned' | 'home_visit' | 'facility_visit' | 'referred' | 'advised' | 'other' | null;
  outcome: 'resolved' | 'referred' | 'improving' | 'no_problem_found' | 'other' | null;
  note: string | null;
  acted_by: string;
  acted_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

export interface VisitTable {
  facility_id: string;
  id: string;
  mother_id: string;
  visit_code: 'KF1' | 'KF2' | 'KF3' | 'KF4' | 'other';
  visited_at: Timestamp;
  place: 'home' | 'facility' | 'phone';
  observations: ColumnType<Record<string, unknown>, string | undefined, never>;
  notes: string | null;
  recorded_by: string;
  recorded_at: DefaultTimestamp;
  supersedes: string | null;
  voided: Generated<boolean>;
}

export interface HouseholdMessageTable {
  facility_id: string;
  id: string;
  mother_id: string;
  body: string;
  sent_by: string;
  sent_at: DefaultTimestamp;
  seq: number;
}

export interface TrainingSessionTable {
  facility_id: string;
  id: string;
  held_on: string;
  place: string;
  facilitators: string;
  notes: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface TrainingParticipantTable {
  facility_id: string;
  id: string;
  session_id: string;
  user_id: string | null;
  display_name: string;
  phone: string | null;
  attended: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface QuizAttemptTable {
  facility_id: string;
  id: string;
  user_id: string | null;
  participant_id: string | null;
  phase: 'pre' | 'post';
  item_bank_version: number;
  answers: ColumnType<Record<string, string | null>, string, never>;
  correct: number;
  answered: number;
  total: number;
  score: number | null;
  complete: boolean;
  source: 'phone' | 'paper';
  taken_at: Timestamp;
  recorded_by: string;
  received_at: DefaultTimestamp;
  supersedes: string | null;
}

export interface LessonProgressTable {
  facility_id: string;
  id: string;
  user_id: string;
  lesson_id: string;
  lessons_version: number;
  completed_at: Timestamp;
  received_at: DefaultTimestamp;
}

export interface SkillCheckTable {
  facility_id: string;
  id: string;
  user_id: string | null;
  participant_id: string | null;
  observed_by: string;
  observed_at: Timestamp;
  checklist_version: number;
  results: ColumnType<Record<string, 'pass' | 'fail' | null>, string, never>;
  passed: boolean;
  notes: string | null;
  created_at: DefaultTimestamp;
}

/** Derived from household_entry by the sync push (migration 0008); see repositories/mother-activity.ts. */
export interface MotherActivityTable {
  facility_id: string;
  mother_id: string;
  last_sync_at: Timestamp | null;
  adequacy: 'adequate' | 'not_adequate' | 'incomplete' | null;
  adequacy_day: number | null;
  weight_g: number | null;
  weight_baby_id: string | null;
  massage_done_by_day: ColumnType<Record<string, number>, string, string>;
  refreshed_at: DefaultTimestamp;
}

/** A research study (migration 0009). `allocation` is the concealed sequence: never sent to a client. */
export interface StudyTable {
  facility_id: string;
  id: string;
  title: string;
  definition: ColumnType<Record<string, unknown>, string, never>;
  status: 'draft' | 'recruiting' | 'closed';
  created_by: string;
  created_at: DefaultTimestamp;
  allocation: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface StudyEnrolmentTable {
  facility_id: string;
  id: string;
  study_id: string;
  mother_id: string;
  stratum_key: string;
  position: number;
  arm_id: string | null;
  enrolled_by: string;
  enrolled_at: DefaultTimestamp;
}

/** Literature reviews (migration 0010); see repositories/literature.ts. */
export interface LiteratureReviewTable {
  facility_id: string;
  id: string;
  title: string;
  question: string | null;
  prisma_supplied: ColumnType<Record<string, number>, string | undefined, string>;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface LiteratureSourceTable {
  facility_id: string;
  id: string;
  review_id: string;
  name: string;
  kind: 'database' | 'register';
  format: 'ris' | 'csv' | 'preloaded';
  imported_by: string;
  imported_at: DefaultTimestamp;
}

export interface LiteratureReferenceTable {
  facility_id: string;
  id: string;
  review_id: string;
  source_id: string;
  record_number: number;
  title: string;
  authors: ColumnType<string[], string, never>;
  year: number | null;
  journal: string | null;
  doi: string | null;
  abstract: string | null;
  url: string | null;
  keywords: ColumnType<string[], string, never>;
  evidence_study_id: string | null;
}

export interface ScreeningDecisionTable {
  facility_id: string;
  id: string;
  review_id: string;
  reference_id: string;
  stage: 'title_abstract' | 'full_text';
  reviewer_id: string;
  decision: 'include' | 'exclude' | 'maybe';
  reason: string | null;
  decided_at: Timestamp;
}

export interface ScreeningResolutionTable {
  facility_id: string;
  id: string;
  review_id: string;
  reference_id: string;
  stage: 'title_abstract' | 'full_text';
  resolver_id: string;
  decision: 'include' | 'exclude';
  reason: string | null;
  resolved_at: Timestamp;
}

export interface ExtractionTable {
  facility_id: string;
  id: string;
  review_id: string;
  reference_id: string;
  data: ColumnType<Record<string, unknown>, string, never>;
  recorded_by: string;
  recorded_at: Timestamp;
  supersedes: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: DefaultTimestamp;
}

export interface Schema {
  facility: FacilityTable;
  user_account: UserAccountTable;
  login_name: LoginNameTable;
  auth_session: AuthSessionTable;
  activation_code: ActivationCodeTable;
  login_throttle: LoginThrottleTable;
  mother: MotherTable;
  baby: BabyTable;
  companion_link: CompanionLinkTable;
  audit_event: AuditEventTable;
  facility_sync: FacilitySyncTable;
  care_plan: CarePlanTable;
  household_entry: HouseholdEntryTable;
  sync_mutation: SyncMutationTable;
  alert: AlertTable;
  alert_action: AlertActionTable;
  visit: VisitTable;
  household_message: HouseholdMessageTable;
  mother_activity: MotherActivityTable;
  // Studies on programme data (migration 0009): add their tables below this line.
  study: StudyTable;
  study_enrolment: StudyEnrolmentTable;
  // Literature reviews (migration 0010): add their tables below this line.
  literature_review: LiteratureReviewTable;
  literature_source: LiteratureSourceTable;
  literature_reference: LiteratureReferenceTable;
  screening_decision: ScreeningDecisionTable;
  screening_resolution: ScreeningResolutionTable;
  extraction: ExtractionTable;
  training_session: TrainingSessionTable;
  training_participant: TrainingParticipantTable;
  quiz_attempt: QuizAttemptTable;
  lesson_progress: LessonProgressTable;
  skill_check: SkillCheckTable;
  schema_migration: SchemaMigrationTable;
}

export type Facility = Selectable<FacilityTable>;
export type UserAccount = Selectable<UserAccountTable>;
export type NewUserAccount = Insertable<UserAccountTable>;
export type Mother = Selectable<MotherTable>;
export type NewMother = Insertable<MotherTable>;
export type Baby = Selectable<BabyTable>;
export type NewBaby = Insertable<BabyTable>;
export type CompanionLink = Selectable<CompanionLinkTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type CarePlan = Selectable<CarePlanTable>;
export type StoredEntry = Selectable<HouseholdEntryTable>;
export type Alert = Selectable<AlertTable>;
export type TrainingSession = Selectable<TrainingSessionTable>;
export type TrainingParticipant = Selectable<TrainingParticipantTable>;
export type QuizAttempt = Selectable<QuizAttemptTable>;
export type LessonProgress = Selectable<LessonProgressTable>;
export type AlertAction = Selectable<AlertActionTable>;
export type Visit = Selectable<VisitTable>;
export type HouseholdMessage = Selectable<HouseholdMessageTable>;
export type SkillCheck = Selectable<SkillCheckTable>;
