import { sql } from 'kysely';
import type { Alert, CarePlan, StoredEntry } from '../schema.ts';
import type { CaseloadFacts } from './caseload.ts';
import type { Executor } from './executor.ts';
import type { NewEntry } from './household.ts';
import { motherActivityColumns } from './mother-activity.ts';

/**
 * The reads and the write of a sync push, one statement each. Many phones of a facility push at once, and every
 * round trip to the database costs more than the work it carries (measured in bench/load.ts), so a push asks once
 * for everything it checks against and writes everything in one statement. Rows travel as JSON parameters, so a
 * batch of any size stays one statement under PGlite's bind-parameter limit.
 */

export interface SeenMutation {
  mutation_id: string;
  status: 'applied' | 'rejected';
  problem: Record<string, unknown> | null;
}

export interface PushState {
  /** Mutations recorded before, with their answers. */
  seen: SeenMutation[];
  /** Entries that exist already among the ids asked about (new entries' ids, and what corrections supersede). */
  known: Map<string, { mother_id: string; kind: string }>;
  /** Every entry of the mothers asked about, oldest first (as `listEntries` orders them). */
  entries: StoredEntry[];
  /** Each mother's current care plan (the newest assigned). */
  plans: Map<string, CarePlan>;
  /** The mothers' alerts so far. */
  alerts: Alert[];
}

/**
 * What a push is checked against, read in one statement. Call it after `lockMothers`, in the same transaction, so
 * a concurrent push for the same household has committed and is included.
 */
export async function readPushState(
  db: Executor,
  facilityId: string,
  ask: { mutationIds: readonly string[]; entryIds: readonly string[]; motherIds: readonly string[] },
): Promise<PushState> {
  const result = await sql<{
    seen: unknown[];
    known: unknown[];
    entries: unknown[];
    plans: unknown[];
    alerts: unknown[];
  }>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('mutation_id', m.mutation_id, 'status', m.status, 'problem', m.problem)), '[]')
       FROM sync_mutation m
       WHERE m.facility_id = ${facilityId} AND m.mutation_id = ANY(${[...ask.mutationIds]}::uuid[])) AS seen,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'mother_id', e.mother_id, 'kind', e.kind)), '[]')
       FROM household_entry e
       WHERE e.facility_id = ${facilityId} AND e.id = ANY(${[...ask.entryIds]}::uuid[])) AS known,
      (SELECT coalesce(json_agg(e ORDER BY e.occurred_at, e.seq), '[]')
       FROM household_entry e
       WHERE e.facility_id = ${facilityId} AND e.mother_id = ANY(${[...ask.motherIds]}::uuid[])) AS entries,
      (SELECT coalesce(json_agg(p), '[]')
       FROM (SELECT DISTINCT ON (c.mother_id) c.* FROM care_plan c
             WHERE c.facility_id = ${facilityId} AND c.mother_id = ANY(${[...ask.motherIds]}::uuid[])
             ORDER BY c.mother_id, c.assigned_at DESC, c.seq DESC) p) AS plans,
      (SELECT coalesce(json_agg(a), '[]')
       FROM alert a
       WHERE a.facility_id = ${facilityId} AND a.mother_id = ANY(${[...ask.motherIds]}::uuid[])) AS alerts`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the push state query returned no row');
  type Json = Record<string, unknown>;
  const entries = (row.entries as Json[]).map(
    (e): StoredEntry => ({
      ...(e as unknown as StoredEntry),
      occurred_at: new Date(e.occurred_at as string),
      recorded_at: new Date(e.recorded_at as string),
      received_at: new Date(e.received_at as string),
    }),
  );
  const plans = (row.plans as Json[]).map(
    (p): CarePlan => ({ ...(p as unknown as CarePlan), assigned_at: new Date(p.assigned_at as string) }),
  );
  const alerts = (row.alerts as Json[]).map(
    (a): Alert => ({ ...(a as unknown as Alert), raised_at: new Date(a.raised_at as string) }),
  );
  const known = row.known as { id: string; mother_id: string; kind: string }[];
  return {
    seen: row.seen as SeenMutation[],
    known: new Map(known.map((k) => [k.id, { mother_id: k.mother_id, kind: k.kind }])),
    entries,
    plans: new Map(plans.map((p) => [p.mother_id, p])),
    alerts,
  };
}

export interface PushClaim {
  mutation_id: string;
  device_id: string;
  user_id: string;
  status: 'applied' | 'rejected';
  problem: Record<string, unknown> | null;
}

/** An entry to append, before the facility's change counter numbers it, with the mutation that carries it. */
export type PushEntry = Omit<NewEntry, 'facility_id' | 'seq'> & { mutation_id: string };

/** An alert to append (raised by an entry, or once per episode), before it is numbered. */
export type PushAlert = Omit<Alert, 'facility_id' | 'seq'>;

export interface PushAudit {
  id: string;
  at: Date;
  actor_user_id: string;
  actor_role: string;
  action: 'create';
  subject_type: string;
  subject_id: string;
  purpose: string;
  detail: Record<string, unknown>;
}

export interface PushRows {
  claims: readonly PushClaim[];
  entries: readonly PushEntry[];
  alerts: readonly PushAlert[];
  audit: readonly PushAudit[];
  /** The caseload summary of the mothers written for (they are locked by `lockMothers`). */
  activity: ReadonlyMap<string, CaseloadFacts>;
}

/**
 * Writes a push in one statement: records its mutations with their answers (a mutation recorded already is left
 * alone), and, for those recorded now, the entries, the alerts they raise (an alert that exists already is
 * skipped), the audit events and the caseload summary. The entries and alerts are numbered by the facility's
 * change counter, whose row lock puts one facility's changes in commit order; taken inside this statement, it is
 * held only from here to the commit. Returns the mutation ids recorded now.
 */
export async function writePushRows(db: Executor, facilityId: string, rows: PushRows): Promise<Set<string>> {
  if (rows.claims.length === 0) return new Set();
  const numbered = rows.entries.length + rows.alerts.length;
  const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
  const activity = [...rows.activity].map(([motherId, fact]) => motherActivityColumns(motherId, fact));
  const counted =
    numbered === 0
      ? sql``
      : sql`,
    counter AS (
      INSERT INTO facility_sync AS s (facility_id, seq) VALUES (${facilityId}, ${numbered})
      ON CONFLICT (facility_id) DO UPDATE SET seq = s.seq + ${numbered}
      RETURNING seq - ${numbered} AS base
    ),
    entries AS (
      INSERT INTO household_entry (facility_id, id, mother_id, baby_id, kind, occurred_at, tz_offset_min, recorded_by,
                                   recorded_at, supersedes, data, schema_version, seq)
      SELECT ${facilityId}, r.id, r.mother_id, r.baby_id, r.kind, r.occurred_at, r.tz_offset_min, r.recorded_by,
             r.recorded_at, r.supersedes, r.data, r.schema_version, counter.base + r.n
      FROM counter, jsonb_to_recordset(${json(rows.entries.map((e, i) => ({ ...e, n: i + 1 })))}) AS r(
        n int, mutation_id uuid, id uuid, mother_id uuid, baby_id uuid, kind text, occurred_at timestamptz,
        tz_offset_min smallint, recorded_by uuid, recorded_at timestamptz, supersedes uuid, data jsonb,
        schema_version smallint)
      WHERE r.mutation_id IN (SELECT mutation_id FROM claims)
      ORDER BY r.n
    ),
    alerts AS (
      INSERT INTO alert (facility_id, id, mother_id, sign_id, severity, entry_id, episode, rule_version, raised_at, seq)
      SELECT ${facilityId}, a.id, a.mother_id, a.sign_id, a.severity, a.entry_id, a.episode, a.rule_version,
             a.raised_at, counter.base + a.n
      FROM counter, jsonb_to_recordset(${json(rows.alerts.map((a, i) => ({ ...a, n: rows.entries.length + i + 1 })))}) AS a(
        n int, id uuid, mother_id uuid, sign_id text, severity text, entry_id uuid, episode text, rule_version int,
        raised_at timestamptz)
      ORDER BY a.n
      ON CONFLICT DO NOTHING
    )`;
  const result = await sql<{ mutation_id: string }>`
    WITH claims AS (
      INSERT INTO sync_mutation (facility_id, mutation_id, device_id, user_id, status, problem)
      SELECT ${facilityId}, c.mutation_id, c.device_id, c.user_id, c.status, c.problem
      FROM jsonb_to_recordset(${json(rows.claims)}) AS c(
        mutation_id uuid, device_id text, user_id uuid, status text, problem jsonb)
      ORDER BY c.mutation_id
      ON CONFLICT (facility_id, mutation_id) DO NOTHING
      RETURNING mutation_id
    ),
    audit AS (
      INSERT INTO audit_event (facility_id, id, at, actor_user_id, actor_role, action, subject_type, subject_id, purpose,
                               detail)
      SELECT ${facilityId}, a.id, a.at, a.actor_user_id, a.actor_role, a.action, a.subject_type, a.subject_id,
             a.purpose, a.detail
      FROM jsonb_to_recordset(${json(rows.audit)}) AS a(
        id uuid, at timestamptz, actor_user_id uuid, actor_role text, action text, subject_type text, subject_id uuid,
        purpose text, detail jsonb)
    ),
    activity AS (
      INSERT INTO mother_activity AS m (facility_id, mother_id, last_sync_at, adequacy, adequacy_day, weight_g,
                                        weight_baby_id, massage_done_by_day, refreshed_at)
      SELECT ${facilityId}, a.mother_id, a.last_sync_at, a.adequacy, a.adequacy_day, a.weight_g, a.weight_baby_id,
             a.massage_done_by_day, now()
      FROM jsonb_to_recordset(${json(activity)}) AS a(
        mother_id uuid, last_sync_at timestamptz, adequacy text, adequacy_day int, weight_g int, weight_baby_id uuid,
        massage_done_by_day jsonb)
      ORDER BY a.mother_id
      ON CONFLICT (facility_id, mother_id) DO UPDATE SET
        last_sync_at = excluded.last_sync_at, adequacy = excluded.adequacy, adequacy_day = excluded.adequacy_day,
        weight_g = excluded.weight_g, weight_baby_id = excluded.weight_baby_id,
        massage_done_by_day = excluded.massage_done_by_day, refreshed_at = excluded.refreshed_at
    )${counted}
    SELECT mutation_id FROM claims`.execute(db);
  return new Set(result.rows.map((r) => r.mutation_id));
}
