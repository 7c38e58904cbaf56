import { ActivationCheckBody, ActivationPreview } from '@lancar/contracts';
import type { App, AppContext } from '../../app-types.ts';
import { findValidCode } from '../../auth/activation-lookup.ts';

export function registerCheckActivation(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/auth/activation/check',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whose account an activation code opens, shown before the person sets a password',
        body: ActivationCheckBody,
        response: { 200: ActivationPreview },
      },
    },
    async (request) => {
      const { user, facility } = await findValidCode(database.db, request.body.code, request.ip, now(), request.locale);
      return { displayName: user.display_name, role: user.role, facilityName: facility.name };
    },
  );
}
