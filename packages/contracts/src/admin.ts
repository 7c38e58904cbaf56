import { z } from 'zod';
import { Id, PhoneNumber, text } from './common.ts';

export const Facility = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['puskesmas', 'hospital', 'clinic', 'other']),
  district: z.string(),
  province: z.string(),
  phone: z.string().nullable(),
  isDemo: z.boolean(),
});
export const FacilityList = z.object({ facilities: z.array(Facility) });
export const FacilityCreateBody = z.strictObject({
  id: Id,
  name: text(200),
  kind: z.enum(['puskesmas', 'hospital', 'clinic', 'other']),
  district: text(120),
  province: text(120),
  phone: PhoneNumber.optional(),
});

export const AuditEvent = z.object({
  id: Id,
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  purpose: z.string(),
});
export const AuditQuery = z.strictObject({
  before: Id.optional(),
  subjectId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  facilityId: Id.optional(),
});
export const AuditPage = z.object({ events: z.array(AuditEvent), nextBefore: z.string().nullable() });

export const ResearchRecord = z.object({
  pseudonym: z.string(),
  ageYears: z.number().nullable(),
  deliveryMode: z.string().nullable(),
  parity: z.string().nullable(),
  gestationalAgeWeeks: z.number().nullable(),
  dayPostpartum: z.number().nullable(),
  babies: z.number(),
  birthWeightsG: z.array(z.number()),
});
export const ResearchRecordList = z.object({ records: z.array(ResearchRecord) });

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export type Facility = z.infer<typeof Facility>;
export type AuditEvent = z.infer<typeof AuditEvent>;
export type ResearchRecord = z.infer<typeof ResearchRecord>;
