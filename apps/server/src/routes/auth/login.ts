import { LoginBody, Me } from '@lancar/contracts';
import {
  clearFailures,
  findUserByLoginName,
  recordFailure,
  throttleState,
  verifyAgainstNothing,
  verifyPassword,
} from '@lancar/db';
import { loginNameFromInput } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { setSessionCookie } from '../../auth/cookie.ts';
import { lockedProblem } from '../../auth/locked-problem.ts';
import { CLIENT_ADDRESS_RULE, LOGIN_NAME_RULE, throttleKeys } from '../../auth/login-throttle-rules.ts';
import { Problem } from '../../problem.ts';
import { beginSession, replacedSession } from './begin-session.ts';

export function registerLogin(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a phone number or username and a password; sets the session cookie',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const at = now();
      const loginName = loginNameFromInput(request.body.login) ?? `invalid:${request.body.login.toLowerCase()}`;
      const nameKey = throttleKeys.loginName(loginName);
      const addressKey = throttleKeys.address(request.ip);
      for (const key of [nameKey, addressKey]) {
        const { lockedUntil } = await throttleState(database.db, key, at);
        if (lockedUntil) throw lockedProblem(lockedUntil, request.locale, at);
      }

      const user = loginName.startsWith('invalid:') ? undefined : await findUserByLoginName(database.db, loginName);
      const passwordOk = user?.password_hash
        ? await verifyPassword(request.body.password, user.password_hash)
        : await verifyAgainstNothing(request.body.password);

      if (!user || !passwordOk) {
        const byName = await recordFailure(database.db, nameKey, at, LOGIN_NAME_RULE);
        const byAddress = await recordFailure(database.db, addressKey, at, CLIENT_ADDRESS_RULE);
        const lockedUntil = byName.lockedUntil ?? byAddress.lockedUntil;
        if (lockedUntil) throw lockedProblem(lockedUntil, request.locale, at);
        throw new Problem('login-failed');
      }
      if (user.status === 'disabled') throw new Problem('account-disabled');

      const result = await database.db.transaction().execute(async (tx) => {
        await clearFailures(tx, nameKey);
        return beginSession(tx, user, 'login', request.headers['user-agent'], at, replacedSession(request));
      });
      setSessionCookie(reply, config.secureCookies, result.session.cookieValue, result.session.expiresAt);
      return result.me;
    },
  );
}
