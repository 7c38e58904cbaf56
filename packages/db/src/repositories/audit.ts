import { newId } from '@lancar/domain';
import { sql } from 'kysely';
import type { AuditAction, AuditEvent, AuditPurpose } from '../schema.ts';
import type { Executor } from './executor.ts';

export interface AuditEntry {
  facilityId: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string | null;
  purpose: AuditPurpose;
  detail?: Record<string, unknown>;
  at?: Date;
  /** Made here when absent; the demo passes fixed ids so it loads the same every time. */
  id?: string;
}

/** Appends to the audit log. Pass the transaction that reads or writes the data, so both happen or neither. */
export async function recordAudit(db: Executor, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      list.map((entry) => ({
        facility_id: entry.facilityId,
        id: entry.id ?? newId(),
        at: entry.at ?? new Date(),
        actor_user_id: entry.actorUserId,
        actor_role: entry.actorRole,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        purpose: entry.purpose,
        detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      })),
    )
    .execute();
}

export interface AuditPage {
  events: (AuditEvent & { actor_name: string | null })[];
  nextBefore: string | null;
}

/** Newest first, paged with the id of the last event seen. */
export async function listAudit(
  db: Executor,
  facilityId: string,
  options: { limit: number; before?: string | undefined; subjectId?: string | undefined },
): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('user_account', (join) =>
      join
        .onRef('user_account.facility_id', '=', 'audit_event.facility_id')
        .onRef('user_account.id', '=', 'audit_event.actor_user_id'),
    )
    .selectAll('audit_event')
    .select('user_account.display_name as actor_name')
    .where('audit_event.facility_id', '=', facilityId);
  if (options.before) {
    // Page by (time, id): ids break ties between events of the same moment.
    const cursor = options.before;
    query = query.where(
      sql<boolean>`(audit_event.at, audit_event.id) < (SELECT c.at, c.id FROM audit_event c WHERE c.facility_id = ${facilityId} AND c.id = ${cursor})`,
    );
  }
  if (options.subjectId) query = query.where('audit_event.subject_id', '=', options.subjectId);
  const rows = await query
    .orderBy('audit_event.at', 'desc')
    .orderBy('audit_event.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const more = rows.length > options.limit;
  const events = rows.slice(0, options.limit);
  return { events, nextBefore: more ? (events.at(-1)?.id ?? null) : null };
}
