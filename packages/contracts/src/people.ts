import { STAFF_ROLES } from '@lancar/domain';
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PhoneNumber, text } from './common.ts';
import { LIMITS } from './limits.ts';

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'huruf kecil, angka, titik, garis; 3-32 karakter; diawali huruf');

export const ActivationCode = z.object({
  code: z.string(),
  formatted: z.string(),
  expiresAt: z.string(),
  /** Where the QR code leads: the activation page with the code filled in. */
  url: z.string(),
  qrSvg: z.string(),
});

const BIRTH_WEIGHT_MESSAGE =
  `berat lahir harus antara ${LIMITS.birthWeightMinG} dan ${LIMITS.birthWeightMaxG} gram; periksa angkanya (misalnya 3000, bukan 300)` +
  ` / birth weight must be between ${LIMITS.birthWeightMinG} and ${LIMITS.birthWeightMaxG} grams; check the number`;

/**
 * A NIK as people type it (spaces, dots or dashes between groups are dropped), then exactly 16 digits. Whether its
 * date part fits the date of birth is checked by the route (packages/domain enrolment.ts), which can warn.
 */
export const Nik = z
  .string()
  .trim()
  .max(32)
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[0-9]{16}$/, { error: 'NIK harus tepat 16 angka (lihat KTP atau KK) / NIK must be exactly 16 digits' }),
  );

export const BabyInput = z.strictObject({
  id: Id,
  name: text(LIMITS.nameMax).optional(),
  sex: z.enum(['female', 'male', 'unknown']),
  birthWeightG: z
    .number()
    .int({ error: 'berat lahir dalam gram, bilangan bulat / birth weight in whole grams' })
    .min(LIMITS.birthWeightMinG, { error: BIRTH_WEIGHT_MESSAGE })
    .max(LIMITS.birthWeightMaxG, { error: BIRTH_WEIGHT_MESSAGE })
    .optional(),
});

const GESTATION_MESSAGE = `usia kehamilan ${LIMITS.gestationalWeeksMin}-${LIMITS.gestationalWeeksMax} minggu / gestational age ${LIMITS.gestationalWeeksMin}-${LIMITS.gestationalWeeksMax} weeks`;

export const MotherCreateBody = z.strictObject({
  id: Id,
  fullName: text(LIMITS.nameMax),
  nik: Nik.optional(),
  phone: PhoneNumber.optional(),
  village: text(LIMITS.villageMax).optional(),
  address: text(LIMITS.addressMax).optional(),
  dateOfBirth: IsoDate.optional(),
  deliveredAt: IsoDateTime,
  deliveryMode: z.enum(['vaginal', 'caesarean']).optional(),
  parity: z.enum(['primipara', 'multipara']).optional(),
  gestationalAgeWeeks: z
    .number()
    .int()
    .min(LIMITS.gestationalWeeksMin, { error: GESTATION_MESSAGE })
    .max(LIMITS.gestationalWeeksMax, { error: GESTATION_MESSAGE })
    .optional(),
  consentCare: z.literal(true, { error: 'persetujuan perawatan diperlukan / consent to care is required' }),
  consentResearch: z.boolean(),
  babies: z.array(BabyInput).min(1).max(LIMITS.babiesMax),
  /** The midwife checked the KTP: keep the NIK even though it warns (a man's NIK, or its date differs). */
  confirmNikWarnings: z.boolean().optional(),
  /**
   * The midwife checked the possible duplicates the server listed (same name and date of birth) and this is
   * another person. Never overrides a NIK already enrolled in the facility.
   */
  confirmNotDuplicate: z.boolean().optional(),
});

/** A record that may be the same mother, as a duplicate check lists it (problem types nik-exists, possible-duplicate). */
export const DuplicateCandidate = z.object({
  id: Id,
  fullName: z.string(),
  village: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  /** Why it was listed. */
  match: z.enum(['nik', 'name-and-birth-date']),
});

export const Baby = z.object({
  id: Id,
  name: z.string().nullable(),
  sex: z.enum(['female', 'male', 'unknown']),
  birthWeightG: z.number().nullable(),
  birthOrder: z.number(),
});

export const Companion = z.object({
  linkId: Id,
  userId: Id,
  displayName: z.string(),
  phone: z.string().nullable(),
  relationship: z.enum(['husband', 'family', 'cadre', 'other']),
  accountStatus: z.enum(['pending', 'active', 'disabled']),
});

export const MotherSummary = z.object({
  id: Id,
  userId: Id.nullable(),
  fullName: z.string(),
  phone: z.string().nullable(),
  village: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  dayPostpartum: z.number().nullable(),
  deliveryMode: z.string().nullable(),
  parity: z.string().nullable(),
  accountStatus: z.enum(['pending', 'active', 'disabled', 'none']),
  babies: z.array(Baby),
  /** Danger signs found in the household's records (alerts for the midwife). */
  alertCount: z.number().int(),
  /** The most urgent alert's severity, if any. */
  alertSeverity: z.enum(['immediate', 'soon']).nullable(),
});

export const AlertView = z.object({
  id: Id,
  signId: z.string(),
  severity: z.enum(['immediate', 'soon']),
  entryId: Id.nullable(),
  raisedAt: z.string(),
});

export const CarePlanView = z.object({
  id: Id,
  protocolId: z.string(),
  extendedToDay: z.number().nullable(),
  /** The date the massage starts; null: from the delivery. */
  startsOn: z.string().nullable(),
  assignedAt: z.string(),
});

export const MotherDetail = MotherSummary.extend({
  nik: z.string().nullable(),
  address: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  gestationalAgeWeeks: z.number().nullable(),
  consentResearch: z.boolean(),
  pseudonym: z.string(),
  companions: z.array(Companion),
  carePlan: CarePlanView.nullable(),
  alerts: z.array(AlertView),
});

/** A mother in the caseload: her summary and how the household is doing (GET /api/mothers). */
export const CaseloadMother = MotherSummary.extend({
  /** The massage protocol in her care plan (the default protocol when none was assigned). */
  protocolId: z.string().nullable(),
  /** Massage sessions done and due so far under the protocol (adherence = done / due). */
  massageDone: z.number().int(),
  massageDue: z.number().int(),
  adherence: z.number().nullable(),
  /** The newest daily milk-adequacy checklist. */
  adequacy: z.enum(['adequate', 'not_adequate', 'incomplete']).nullable(),
  adequacyDay: z.number().nullable(),
  /** The newest weight against birth weight, in % (-7.3 = 7.3% below birth weight). */
  weightChangePercent: z.number().nullable(),
  /** Alerts not closed yet, and the most urgent of them. */
  openAlertCount: z.number().int(),
  openAlertSeverity: z.enum(['immediate', 'soon']).nullable(),
  /** When anything last arrived from the household's phones. */
  lastSyncAt: z.string().nullable(),
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Mothers on one caseload page by default, and at most. */
export const CASELOAD_PAGE = 50;
export const CASELOAD_PAGE_MAX = 200;

/** Filters, search and sort of the caseload; all optional, so plain GET /api/mothers lists everyone. */
export const MotherListQuery = z.strictObject({
  village: z.string().trim().max(120).optional(),
  hasOpenAlert: flag.optional(),
  dayMin: z.coerce.number().int().min(0).max(400).optional(),
  dayMax: z.coerce.number().int().min(0).max(400).optional(),
  protocol: z.string().trim().max(80).optional(),
  /** Part of the name, village or phone number. */
  q: z.string().trim().max(120).optional(),
  /** day: newest deliveries first; alerts: most urgent first; adherence: lowest first; lastSync: longest ago first. */
  sort: z.enum(['day', 'alerts', 'adherence', 'lastSync']).optional(),
  /** A page of the caseload: at most `limit` mothers from `offset` (the page after is at `nextOffset`). */
  limit: z.coerce.number().int().min(1).max(CASELOAD_PAGE_MAX).default(CASELOAD_PAGE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const MotherList = z.object({
  mothers: z.array(CaseloadMother),
  /** How many mothers match the filters in all; where the next page starts, or null after the last. */
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
  /** The villages of the facility's mothers, for the village filter (empty for a household). */
  villages: z.array(z.string()),
});
export const MotherCreated = z.object({ mother: MotherDetail, activation: ActivationCode.nullable() });

export const CompanionCreateBody = z.strictObject({
  displayName: text(LIMITS.nameMax),
  phone: PhoneNumber,
  relationship: z.enum(['husband', 'family', 'cadre', 'other']),
});
export const CompanionCreated = z.object({ companion: Companion, activation: ActivationCode.nullable() });

export const StaffMember = z.object({
  id: Id,
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string(),
  status: z.enum(['pending', 'active', 'disabled']),
});
export const StaffList = z.object({ staff: z.array(StaffMember) });
export const StaffCreateBody = z.strictObject({
  displayName: text(LIMITS.nameMax),
  username: Username,
  phone: PhoneNumber.optional(),
  role: z.enum(STAFF_ROLES),
  facilityId: Id.optional(),
});
export const StaffCreated = z.object({ member: StaffMember, activation: ActivationCode });
export const StaffStatusBody = z.strictObject({ status: z.enum(['active', 'disabled']) });

export type ActivationCode = z.infer<typeof ActivationCode>;
export type MotherCreateBody = z.infer<typeof MotherCreateBody>;
export type MotherSummary = z.infer<typeof MotherSummary>;
export type CaseloadMother = z.infer<typeof CaseloadMother>;
export type MotherList = z.infer<typeof MotherList>;
export type MotherListQuery = z.input<typeof MotherListQuery>;
export type MotherDetail = z.infer<typeof MotherDetail>;
export type Companion = z.infer<typeof Companion>;
export type CompanionCreateBody = z.infer<typeof CompanionCreateBody>;
export type StaffMember = z.infer<typeof StaffMember>;
export type StaffCreateBody = z.infer<typeof StaffCreateBody>;
export type Baby = z.infer<typeof Baby>;
export type MotherCreated = z.infer<typeof MotherCreated>;
export type CompanionCreated = z.infer<typeof CompanionCreated>;
export type StaffCreated = z.infer<typeof StaffCreated>;
export type AlertView = z.infer<typeof AlertView>;
export type CarePlanView = z.infer<typeof CarePlanView>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
