import type { EntryKind } from '@lancar/domain';
import { z } from 'zod';
import { Id, IsoDateTime, plain } from './common.ts';
import { LIMITS } from './limits.ts';

/** The data of each kind of household entry, with the ranges a phone form and the server both enforce. */
const score = (max: number) => z.number().int().min(0).max(max);

export const MassageSessionDataSchema = z.strictObject({
  protocolId: z.string().min(1).max(80),
  endedAt: IsoDateTime,
  outcome: z.enum(['completed', 'stopped_early', 'stopped_safety']),
  stepsCompleted: z.array(z.string().min(1).max(40)).max(20),
  stepsTotal: z.number().int().min(0).max(20),
  massageSeconds: z
    .number()
    .int()
    .min(0)
    .max(3 * 3600),
  comfort: z.number().int().min(1).max(5).nullable(),
  pain: score(10).nullable(),
  letDown: z.boolean().nullable(),
  notes: plain(LIMITS.notesMax).nullable(),
  safetyStops: z.array(z.string().min(1).max(40)).max(20),
});

export const FeedDataSchema = z.strictObject({
  side: z.enum(['left', 'right', 'both']),
  durationMinutes: z.number().int().min(1).max(LIMITS.feedMinutesMax),
});

export const ExpressionDataSchema = z
  .strictObject({
    leftMl: z.number().min(0).max(LIMITS.expressedMlMax),
    rightMl: z.number().min(0).max(LIMITS.expressedMlMax),
  })
  .refine((d) => d.leftMl + d.rightMl > 0, {
    message: 'at least one breast must have some ml / isi ml minimal satu payudara',
  });

export const NappyDataSchema = z
  .strictObject({
    wet: z.boolean(),
    dirty: z.boolean(),
    stoolColour: z.enum(['meconium', 'green_brown', 'yellow', 'pale', 'other']).nullable(),
  })
  .refine((d) => d.wet || d.dirty, { message: 'a nappy is wet, dirty or both / popok basah, kotor, atau keduanya' })
  .refine((d) => d.dirty || d.stoolColour === null, {
    message: 'stool colour only for a dirty nappy / warna BAB hanya untuk popok kotor',
  });

export const WeightDataSchema = z.strictObject({
  grams: z.number().int().min(LIMITS.weightMinG).max(LIMITS.weightMaxG),
});

export const MotherStateDataSchema = z
  .strictObject({
    stress: score(10).nullable(),
    sleepHours: z.number().min(0).max(LIMITS.sleepHoursMax).nullable(),
    breastComfort: z.enum(['soft', 'full', 'engorged', 'red_painful']).nullable(),
    fever: z.boolean().nullable(),
  })
  .refine((d) => Object.values(d).some((v) => v !== null), { message: 'fill in at least one item / isi minimal satu' });

export const AdequacyCheckDataSchema = z.strictObject({
  dayOfLife: z.number().int().min(1).max(60),
  answers: z.record(z.string().min(1).max(60), z.boolean().nullable()),
  result: z.enum(['adequate', 'not_adequate', 'incomplete']),
  contentVersion: z.number().int().min(1),
});

export const DangerReportDataSchema = z.strictObject({
  signs: z.array(z.string().min(1).max(60)).min(1).max(30),
});

export const VoidDataSchema = z.strictObject({ reason: plain(200).min(1) });

const common = {
  id: Id,
  motherId: Id,
  babyId: Id.nullable(),
  occurredAt: IsoDateTime,
  tzOffsetMin: z.number().int().min(-720).max(840),
  supersedes: Id.nullable(),
};

export const EntryInput = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('massage_session'), data: MassageSessionDataSchema }),
  z.strictObject({ ...common, kind: z.literal('feed'), data: FeedDataSchema }),
  z.strictObject({ ...common, kind: z.literal('expression'), data: ExpressionDataSchema }),
  z.strictObject({ ...common, kind: z.literal('nappy'), data: NappyDataSchema }),
  z.strictObject({ ...common, kind: z.literal('weight'), data: WeightDataSchema }),
  z.strictObject({ ...common, kind: z.literal('mother_state'), data: MotherStateDataSchema }),
  z.strictObject({ ...common, kind: z.literal('adequacy_check'), data: AdequacyCheckDataSchema }),
  z.strictObject({ ...common, kind: z.literal('danger_report'), data: DangerReportDataSchema }),
  z.strictObject({ ...common, kind: z.literal('void'), data: VoidDataSchema }),
]);
export type EntryInput = z.infer<typeof EntryInput>;

/** Kinds recorded about a baby (a babyId is required); the others are about the mother. */
export const BABY_KINDS: readonly EntryKind[] = ['feed', 'nappy', 'weight'];

export interface EntryOutput {
  id: string;
  motherId: string;
  babyId: string | null;
  kind: EntryKind;
  occurredAt: string;
  tzOffsetMin: number;
  supersedes: string | null;
  data: Record<string, unknown>;
  recordedBy: string;
  seq: number;
}
