/**
 * The tables a backup carries, in an order that satisfies foreign keys on restore, with their primary keys for a
 * stable row order. Every table of the schema is either here or in NOT_BACKED_UP (a test checks it, so a new table
 * cannot be forgotten).
 */
export const BACKUP_TABLES = [
  { name: 'facility', key: ['id'] },
  { name: 'user_account', key: ['facility_id', 'id'] },
  { name: 'login_name', key: ['name'] },
  { name: 'activation_code', key: ['code_hash'] },
  { name: 'mother', key: ['facility_id', 'id'] },
  { name: 'baby', key: ['facility_id', 'id'] },
  { name: 'companion_link', key: ['facility_id', 'id'] },
  { name: 'audit_event', key: ['facility_id', 'id'] },
  { name: 'facility_sync', key: ['facility_id'] },
  { name: 'care_plan', key: ['facility_id', 'seq'] },
  // In the order they arrived, so a correction always follows the entry it supersedes.
  { name: 'household_entry', key: ['facility_id', 'seq'] },
  { name: 'alert', key: ['facility_id', 'seq'] },
  { name: 'sync_mutation', key: ['facility_id', 'mutation_id'] },
  { name: 'training_session', key: ['facility_id', 'id'] },
  { name: 'training_participant', key: ['facility_id', 'id'] },
  // By arrival, so a corrected sheet follows the sheet it supersedes.
  { name: 'quiz_attempt', key: ['facility_id', 'received_at', 'id'] },
  { name: 'lesson_progress', key: ['facility_id', 'id'] },
  { name: 'skill_check', key: ['facility_id', 'id'] },
  { name: 'alert_action', key: ['facility_id', 'acted_at', 'id'] },
  // By recording time, so a correction follows the visit it supersedes.
  { name: 'visit', key: ['facility_id', 'recorded_at', 'id'] },
  { name: 'household_message', key: ['facility_id', 'seq', 'id'] },
  { name: 'study', key: ['facility_id', 'id'] },
  { name: 'study_enrolment', key: ['facility_id', 'study_id', 'stratum_key', 'position'] },
  { name: 'literature_review', key: ['facility_id', 'id'] },
  { name: 'literature_source', key: ['facility_id', 'id'] },
  { name: 'literature_reference', key: ['facility_id', 'id'] },
  { name: 'screening_decision', key: ['facility_id', 'decided_at', 'id'] },
  { name: 'screening_resolution', key: ['facility_id', 'resolved_at', 'id'] },
  // By recording time, so a corrected extraction follows the one it supersedes.
  { name: 'extraction', key: ['facility_id', 'recorded_at', 'id'] },
] as const;

/**
 * Left out on purpose: sessions and failed-login counters are short-lived (a restored deployment asks everyone to
 * log in again); the migration ledger is rebuilt by migrating the target first; mother_activity is derived from
 * household_entry and rebuilt on first use.
 */
export const NOT_BACKED_UP = ['auth_session', 'login_throttle', 'schema_migration', 'mother_activity'] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number]['name'];

export const BACKUP_FORMAT = 'lancar-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migrations applied in the source; a restore needs the same ones (it applies them first). */
  migrations: string[];
  source: 'pglite' | 'postgres';
}

export interface BackupRowLine {
  table: BackupTable;
  row: Record<string, unknown>;
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}
