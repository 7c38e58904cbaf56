import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@lancar/domain';

/**
 * Input limits shared by the server's zod schemas and the phone's forms. The phone imports this file (plain
 * constants), never the schemas, so zod stays out of the phone bundle.
 */
export const LIMITS = {
  nameMax: 120,
  villageMax: 120,
  addressMax: 500,
  loginMax: 64,
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  /**
   * Birth weights the enrolment accepts: 500-6,000 g. Below 500 g a baby is at the edge of viability and will not
   * be cared for at home on this programme; above 6,000 g is exceedingly rare (macrosomia starts at 4,000 g), so
   * both ends almost always mean a typing mistake (300 for 3000, 9000 for 3900). The database CHECK keeps the wider
   * physical bound 300-7,000 g (migration 0001), which this range sits inside. Birth weight is optional, so a real
   * exceptional baby can still be enrolled and the weight noted by the midwife.
   */
  birthWeightMinG: 500,
  birthWeightMaxG: 6000,
  /**
   * Gestational age at birth, in completed weeks: 22 (the usual threshold of viability) to 44 (beyond any
   * recorded post-term birth within dating error). The database CHECK keeps 20-45.
   */
  gestationalWeeksMin: 22,
  gestationalWeeksMax: 44,
  babiesMax: 5,
  /** Largest request body the server reads, in bytes. */
  bodyMaxBytes: 256 * 1024,
  auditPageMax: 200,
  /** A single feed, in minutes. */
  feedMinutesMax: 180,
  /** Milk expressed from one breast in one session, in millilitres. */
  expressedMlMax: 500,
  /** A newborn's weight in grams (the same range as birth weights). */
  weightMinG: 300,
  weightMaxG: 7000,
  notesMax: 500,
  sleepHoursMax: 24,
  /** How far ahead of the server's clock a phone's time may be before an entry counts as "in the future". */
  clockSkewMinutes: 10,
  /** Mutations in one push. */
  pushBatchMax: 100,
  pullLimitMax: 500,
} as const;

/** Plausibility ranges for what a midwife types at a postnatal visit (not clinical thresholds), and message length. */
export const VISIT_LIMITS = {
  temperatureMinC: 34,
  temperatureMaxC: 42,
  systolicMin: 60,
  systolicMax: 250,
  diastolicMin: 30,
  diastolicMax: 150,
  notesMax: 2000,
  messageMax: 500,
} as const;
