import type { FastifyReply } from 'fastify';

/**
 * `__Host-` cookies are only accepted over HTTPS (or http://localhost), with Path=/ and no Domain, which stops a
 * sibling subdomain from planting or reading them. Plain-HTTP trials on a local network need the ordinary name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-lancar' : 'lancar_session';
}

export function setSessionCookie(reply: FastifyReply, secure: boolean, value: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName(secure), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
