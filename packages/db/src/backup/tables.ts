/**
 * The tables a backup carries, in an order that satisfies foreign keys on restore, with their primary keys for a
 * stable row order. Sessions and failed-login counters are left out: they are short-lived, and a restored
 * deployment asks everyone to log in again.
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
] as const;

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
