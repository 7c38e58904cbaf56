import { ROLES } from '@lancar/domain';
import { z } from 'zod';
import { Id, Locale, plain, text } from './common.ts';
import { LIMITS } from './limits.ts';

export const LoginBody = z.strictObject({
  login: text(LIMITS.loginMax),
  password: plain(LIMITS.passwordMax).min(1),
});

export const ActivationCheckBody = z.strictObject({ code: z.string().trim().min(1).max(16) });

export const ActivationBody = z.strictObject({
  code: z.string().trim().min(1).max(16),
  password: plain(LIMITS.passwordMax).min(LIMITS.passwordMin),
});

export const MeUpdateBody = z.strictObject({ locale: Locale });

export const Me = z.object({
  userId: Id,
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: Locale,
  facility: z.object({
    id: Id,
    name: z.string(),
    kind: z.string(),
    district: z.string(),
    phone: z.string().nullable(),
    isDemo: z.boolean(),
  }),
  householdMotherIds: z.array(Id),
});

export const ActivationPreview = z.object({
  displayName: z.string(),
  role: z.enum(ROLES),
  facilityName: z.string(),
});

export const SessionInfo = z.object({
  id: Id,
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  device: z.string().nullable(),
});
export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export const LogoutOthersResult = z.object({ ended: z.number().int() });

export type LoginBody = z.infer<typeof LoginBody>;
export type ActivationBody = z.infer<typeof ActivationBody>;
export type Me = z.infer<typeof Me>;
export type ActivationPreview = z.infer<typeof ActivationPreview>;
export type SessionInfo = z.infer<typeof SessionInfo>;
