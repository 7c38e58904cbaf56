/**
 * What the FHIR mapping reads: plain data, not database rows, so this package stays free of I/O. Times are ISO 8601
 * strings; dates without time are 'YYYY-MM-DD'. The server fills these from the database (see
 * packages/db/src/repositories/fhir-export.ts).
 */

import type {
  AdequacyCheckData,
  DangerReportData,
  ExpressionData,
  FeedData,
  MassageSessionData,
  MotherStateData,
  NappyData,
  WeightData,
} from '@lancar/domain';

// The entry data shapes are the domain's own (what phones record and the server validates).
export type {
  AdequacyCheckData,
  DangerReportData,
  ExpressionData,
  FeedData,
  MassageSessionData,
  MotherStateData,
  NappyData,
  WeightData,
};

export interface FacilityInput {
  id: string;
  name: string;
  kind: 'puskesmas' | 'hospital' | 'clinic' | 'other';
  district: string;
  province: string;
  phone: string | null;
}

export interface MotherInput {
  id: string;
  pseudonym: string;
  fullName: string;
  /** Nomor Induk Kependudukan, 16 digits, when the midwife recorded it. */
  nik: string | null;
  phone: string | null;
  village: string | null;
  address: string | null;
  dateOfBirth: string | null;
  deliveredAt: string | null;
  deliveryMode: 'vaginal' | 'caesarean' | null;
  parity: 'primipara' | 'multipara' | null;
  gestationalAgeWeeks: number | null;
  consentCare: boolean;
  consentResearch: boolean;
  /** When the record (and the consents given at enrolment) was made, and last changed. */
  createdAt: string;
  updatedAt: string;
}

export interface BabyInput {
  id: string;
  name: string | null;
  sex: 'female' | 'male' | 'unknown';
  birthWeightG: number | null;
  birthOrder: number;
}

export interface CompanionInput {
  /** The companion link's id: the RelatedPerson is this person in relation to this mother. */
  linkId: string;
  userId: string;
  displayName: string;
  phone: string | null;
  relationship: 'husband' | 'family' | 'cadre' | 'other';
  linkedAt: string;
  endedAt: string | null;
}

export interface ProtocolInput {
  id: string;
  name: string;
  summary: string | null;
  massageMinutes: number;
  sessionsPerDay: number;
  firstDay: number;
  lastDay: number;
}

export interface CarePlanInput {
  id: string;
  protocol: ProtocolInput;
  /**
   * The days of life (1 = the first 24 hours after birth) massage is planned on, with the midwife's start date and
   * extension applied (packages/domain: firstActiveDay, lastActiveDay).
   */
  firstDay: number;
  lastDay: number;
  assignedAt: string;
}

interface EntryBase {
  id: string;
  babyId: string | null;
  occurredAt: string;
  /** The account that recorded it (the mother's or a companion's). */
  recordedBy: string;
}

/** A household entry that counts (corrections applied, voided ones left out: the caller does that). */
export type EntryInput =
  | (EntryBase & { kind: 'massage_session'; data: MassageSessionData })
  | (EntryBase & { kind: 'feed'; data: FeedData })
  | (EntryBase & { kind: 'expression'; data: ExpressionData })
  | (EntryBase & { kind: 'nappy'; data: NappyData })
  | (EntryBase & { kind: 'weight'; data: WeightData })
  | (EntryBase & { kind: 'mother_state'; data: MotherStateData })
  | (EntryBase & { kind: 'adequacy_check'; data: AdequacyCheckData })
  | (EntryBase & { kind: 'danger_report'; data: DangerReportData });

export interface VisitInput {
  id: string;
  code: 'KF1' | 'KF2' | 'KF3' | 'KF4' | 'other';
  visitedAt: string;
  place: 'home' | 'facility' | 'phone';
  /** What the midwife observed; every part may be missing in older rows. */
  observations: VisitObservationsInput;
}

export interface VisitObservationsInput {
  temperatureC?: number | null;
  bloodPressure?: { systolic: number; diastolic: number } | null;
  breasts?: 'normal' | 'engorged' | 'red_painful' | null;
  babies?: { babyId: string; weightG: number | null; jaundice: boolean | null; goodLatch: boolean | null }[];
}

export interface QuizAttemptInput {
  id: string;
  /** The companion's account; the attempt is linked to the RelatedPerson of that companion for this mother. */
  userId: string;
  phase: 'pre' | 'post';
  itemBankVersion: number;
  answers: Record<string, string | null>;
  correct: number;
  answered: number;
  total: number;
  /** Percentage correct, or null for an incomplete attempt. */
  score: number | null;
  complete: boolean;
  source: 'phone' | 'paper';
  takenAt: string;
}

/** One mother's record as the FHIR mapping needs it. */
export interface MotherRecordInput {
  facility: FacilityInput;
  mother: MotherInput;
  babies: BabyInput[];
  companions: CompanionInput[];
  /** Oldest first; the newest is the one in force. */
  carePlans: CarePlanInput[];
  entries: EntryInput[];
  visits: VisitInput[];
  quizAttempts: QuizAttemptInput[];
}

/** Labels of the content-defined codes (checklist items, danger signs, protocols) for the Lancar CodeSystem. */
export interface ContentLabels {
  adequacyItems: { id: string; display: string }[];
  dangerSigns: { id: string; display: string }[];
}
