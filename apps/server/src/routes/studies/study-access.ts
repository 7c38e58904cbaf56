import { type Executor, getStudy, recordAudit, type StudyRow } from '@lancar/db';
import type { Action, Actor, AllocationSequence, StudyDefinition } from '@lancar/domain';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';

export type Study = StudyRow<StudyDefinition, AllocationSequence>;

/**
 * The actor, allowed this action on studies of her own facility, and the study: 404 when it is not in her facility
 * (a study of another facility is indistinguishable from none).
 */
export async function requireStudy(
  db: Executor,
  request: FastifyRequest,
  action: Action,
  studyId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ actor: Actor; study: Study }> {
  const actor = authorize(request, action, { kind: 'study', facilityId: request.actor?.facilityId ?? '' });
  const study = await getStudy<StudyDefinition, AllocationSequence>(db, actor.facilityId, studyId, options);
  if (!study) throw new Problem('not-found');
  return { actor, study };
}

/** Every read or write of research data is in the audit log, as research use. */
export function auditStudy(
  db: Executor,
  actor: Actor,
  action: 'read' | 'list' | 'create' | 'update' | 'export',
  studyId: string | null,
  at: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(db, {
    facilityId: actor.facilityId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    subjectType: 'study',
    subjectId: studyId,
    purpose: 'research',
    detail,
    at,
  });
}

/** A StudyText in the caller's language. */
export const inLocale = (text: { id: string; en: string }, locale: 'id' | 'en') => text[locale];
