import { BREAST_FINDINGS, type TrainingStatus, VISIT_CODES, VISIT_PLACES } from '@lancar/domain';
import { z } from 'zod';
import { Id, IsoDateTime, plain, text } from './common.ts';
import type { EntryOutput } from './entries.ts';
import { LIMITS, VISIT_LIMITS } from './limits.ts';

/**
 * The midwife's postnatal visits (KF1-KF4), her messages to a household, and a mother's timeline.
 * Ranges (VISIT_LIMITS) are plausibility checks on what a person types, not clinical thresholds.
 */

const { temperatureMinC, temperatureMaxC, systolicMin, systolicMax, diastolicMin, diastolicMax } = VISIT_LIMITS;

export const BabyObservationSchema = z.strictObject({
  babyId: Id,
  weightG: z
    .number()
    .int({ message: 'whole grams / gram bulat' })
    .min(LIMITS.weightMinG, {
      message: `${LIMITS.weightMinG}-${LIMITS.weightMaxG} g / ${LIMITS.weightMinG}-${LIMITS.weightMaxG} gram`,
    })
    .max(LIMITS.weightMaxG, {
      message: `${LIMITS.weightMinG}-${LIMITS.weightMaxG} g / ${LIMITS.weightMinG}-${LIMITS.weightMaxG} gram`,
    })
    .nullable(),
  jaundice: z.boolean().nullable(),
  goodLatch: z.boolean().nullable(),
});

const temperatureMessage = {
  message: `temperature must be between ${temperatureMinC} and ${temperatureMaxC} °C / suhu harus antara ${temperatureMinC} dan ${temperatureMaxC} °C`,
};

export const VisitObservationsSchema = z.strictObject({
  temperatureC: z.number().min(temperatureMinC, temperatureMessage).max(temperatureMaxC, temperatureMessage).nullable(),
  bloodPressure: z
    .strictObject({
      systolic: z
        .number()
        .int()
        .min(systolicMin, {
          message: `systolic ${systolicMin}-${systolicMax} mmHg / sistolik ${systolicMin}-${systolicMax} mmHg`,
        })
        .max(systolicMax, {
          message: `systolic ${systolicMin}-${systolicMax} mmHg / sistolik ${systolicMin}-${systolicMax} mmHg`,
        }),
      diastolic: z
        .number()
        .int()
        .min(diastolicMin, {
          message: `diastolic ${diastolicMin}-${diastolicMax} mmHg / diastolik ${diastolicMin}-${diastolicMax} mmHg`,
        })
        .max(diastolicMax, {
          message: `diastolic ${diastolicMin}-${diastolicMax} mmHg / diastolik ${diastolicMin}-${diastolicMax} mmHg`,
        }),
    })
    .refine((bp) => bp.systolic > bp.diastolic, {
      message: 'systolic must be higher than diastolic / sistolik harus lebih tinggi dari diastolik',
    })
    .nullable(),
  breasts: z.enum(BREAST_FINDINGS).nullable(),
  babies: z.array(BabyObservationSchema).max(LIMITS.babiesMax),
});

/** A visit, or a correction of one (`supersedes`), or its removal (`voided` with `supersedes`). */
export const VisitBody = z
  .strictObject({
    id: Id,
    visitCode: z.enum(VISIT_CODES),
    visitedAt: IsoDateTime,
    place: z.enum(VISIT_PLACES),
    observations: VisitObservationsSchema,
    notes: plain(VISIT_LIMITS.notesMax).nullable(),
    supersedes: Id.nullable().default(null),
    voided: z.boolean().default(false),
  })
  .refine((v) => !v.voided || v.supersedes !== null, {
    message: 'say which visit to remove / pilih kunjungan yang dihapus',
    path: ['supersedes'],
  });
export type VisitBody = z.infer<typeof VisitBody>;
export type VisitObservationsInput = z.infer<typeof VisitObservationsSchema>;

export interface VisitOutput {
  id: string;
  motherId: string;
  visitCode: (typeof VISIT_CODES)[number];
  visitedAt: string;
  place: (typeof VISIT_PLACES)[number];
  observations: VisitObservationsInput;
  notes: string | null;
  recordedBy: string;
  recordedByName: string | null;
  recordedAt: string;
  supersedes: string | null;
  voided: boolean;
}

export const MessageBody = z.strictObject({
  id: Id,
  body: text(VISIT_LIMITS.messageMax),
});
export type MessageBody = z.infer<typeof MessageBody>;

export interface MessageOutput {
  id: string;
  motherId: string;
  body: string;
  sentBy: string;
  sentByName: string | null;
  sentAt: string;
  seq: number;
}

/** One event on a mother's timeline; `kind` says which fields are there. */
export type TimelineItem =
  | {
      id: string;
      kind: Exclude<EntryOutput['kind'], 'void'>;
      at: string;
      entry: EntryOutput;
      recordedByName: string | null;
    }
  | {
      id: string;
      kind: 'alert';
      at: string;
      alert: { signId: string; severity: 'immediate' | 'soon'; entryId: string | null };
    }
  | { id: string; kind: 'visit'; at: string; visit: VisitOutput }
  | { id: string; kind: 'message'; at: string; message: MessageOutput }
  | {
      id: string;
      kind: 'training';
      at: string;
      training: {
        userId: string;
        displayName: string;
        event: 'pre_test' | 'post_test' | 'lesson' | 'skill_check';
        score: number | null;
        passed: boolean | null;
        lessonId: string | null;
      };
    };

export interface TimelineCompanion {
  userId: string;
  linkId: string;
  displayName: string;
  relationship: string;
  accountStatus: string;
  training: {
    status: TrainingStatus;
    preScore: number | null;
    postScore: number | null;
    lessonsDone: number;
    lastSkillCheck: { observedAt: string; passed: boolean } | null;
  } | null;
}

export interface TimelineOutput {
  motherId: string;
  deliveredAt: string | null;
  items: TimelineItem[];
  companions: TimelineCompanion[];
}
