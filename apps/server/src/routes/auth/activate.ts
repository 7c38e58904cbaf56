import { ActivationBody, Me } from '@lancar/contracts';
import { hashPassword, revokeOtherSessions, setPassword, useActivationCode } from '@lancar/db';
import { passwordProblem } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { findValidCode } from '../../auth/activation-lookup.ts';
import { setSessionCookie } from '../../auth/cookie.ts';
import { Problem } from '../../problem.ts';
import { beginSession, replacedSession } from './begin-session.ts';

export function registerActivate(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/auth/activation',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Set a password with an activation code from the midwife, and log in',
        body: ActivationBody,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const at = now();
      if (passwordProblem(request.body.password)) throw new Problem('weak-password');
      const { code, user } = await findValidCode(database.db, request.body.code, request.ip, at, request.locale);
      const passwordHash = await hashPassword(request.body.password);
      const result = await database.db.transaction().execute(async (tx) => {
        // Two phones racing with one code: only the first wins.
        if (!(await useActivationCode(tx, code.code_hash, at))) throw new Problem('activation-invalid');
        await setPassword(tx, user.facility_id, user.id, passwordHash);
        // A new code is also how a forgotten password is reset: sessions made with the old password end.
        await revokeOtherSessions(tx, user.facility_id, user.id, undefined, at);
        const activeUser = { ...user, status: 'active' as const, password_hash: passwordHash };
        return beginSession(tx, activeUser, 'activate', request.headers['user-agent'], at, replacedSession(request));
      });
      setSessionCookie(reply, config.secureCookies, result.session.cookieValue, result.session.expiresAt);
      return result.me;
    },
  );
}
