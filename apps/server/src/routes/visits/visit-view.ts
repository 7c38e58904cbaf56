import type { MessageOutput, VisitObservationsInput, VisitOutput } from '@lancar/contracts';
import {
  type Executor,
  getMother,
  type HouseholdMessage,
  type MotherWithBabies,
  recordAudit,
  type Visit,
} from '@lancar/db';
import type { Actor } from '@lancar/domain';
import { Problem } from '../../problem.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';

export function visitView(visit: Visit, names: ReadonlyMap<string, string>): VisitOutput {
  return {
    id: visit.id,
    motherId: visit.mother_id,
    visitCode: visit.visit_code,
    visitedAt: visit.visited_at.toISOString(),
    place: visit.place,
    observations: visit.observations as unknown as VisitObservationsInput,
    notes: visit.notes,
    recordedBy: visit.recorded_by,
    recordedByName: names.get(visit.recorded_by) ?? null,
    recordedAt: visit.recorded_at.toISOString(),
    supersedes: visit.supersedes,
    voided: visit.voided,
  };
}

export function messageView(message: HouseholdMessage, names: ReadonlyMap<string, string>): MessageOutput {
  return {
    id: message.id,
    motherId: message.mother_id,
    body: message.body,
    sentBy: message.sent_by,
    sentByName: names.get(message.sent_by) ?? null,
    sentAt: message.sent_at.toISOString(),
    seq: Number(message.seq),
  };
}

/**
 * The mother a request names, in the actor's facility. A mother the facility does not hold is answered 404, and the
 * attempt is written to the audit log (who asked for which id, and what for): opening another facility's mother by
 * URL leaves a trace. Call it outside the request's transaction, so a failing request keeps the trace.
 */
export async function requireMother(
  db: Executor,
  actor: Actor,
  motherId: string,
  at: Date,
  what: string,
): Promise<MotherWithBabies> {
  const mother = await getMother(db, actor.facilityId, motherId);
  if (mother) return mother;
  await recordAudit(db, {
    facilityId: actor.facilityId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'read',
    subjectType: 'mother',
    subjectId: motherId,
    purpose: auditPurpose(actor, motherId),
    detail: { found: false, what },
    at,
  });
  throw new Problem('not-found');
}

/** A 400 naming one field, with a message in both languages ('english / indonesia'), like the sync refusals. */
export function invalidField(field: string, message: string): Problem {
  return new Problem('invalid-input', { params: { fields: field }, extra: { errors: [{ path: field, message }] } });
}
