import { type Action, type Actor, can, type Resource } from '@lancar/domain';
import type { FastifyRequest } from 'fastify';
import { Problem } from '../problem.ts';

/** The actor of a request that passed the route's access rule (the preHandler guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Problem('not-authenticated');
  return request.actor;
}

/** Throws 403 unless the policy allows this actor the action on this very record. */
export function authorize(request: FastifyRequest, action: Action, resource: Resource): Actor {
  const actor = actorOf(request);
  if (!can(actor, action, resource)) throw new Problem('forbidden');
  return actor;
}

/**
 * The facility a request works in: the actor's own, or for a system administrator the one named in the request.
 * The policy decides whether that is allowed.
 */
export function targetFacility(request: FastifyRequest, requested: string | undefined): string {
  return requested ?? actorOf(request).facilityId;
}

/** The address that links in QR codes and e-mails point to. */
export function publicBaseUrl(request: FastifyRequest, configured: string | undefined): string {
  return configured ?? `${request.protocol}://${request.host}`;
}
