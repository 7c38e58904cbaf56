import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './common.ts';
import { EntryInput, type EntryOutput } from './entries.ts';
import { LIMITS } from './limits.ts';
import type { ProblemDetails } from './problem.ts';
import { LessonDoneInput, QuizAttemptInput } from './training.ts';
import type { MessageOutput } from './visits.ts';

/**
 * The sync protocol (docs/decisions/0008-offline-sync.md). A phone pushes batches of mutations it made offline; the
 * server applies each exactly once and answers per mutation; a mutation it refused is reported with a problem
 * document, not silently dropped. The phone then pulls what changed since its cursor.
 */
export const MUTATION_SCHEMA_VERSION = 1;

const envelope = {
  mutationId: Id,
  /** When the phone made the mutation (its own clock). */
  recordedAt: IsoDateTime,
  schemaVersion: z.literal(MUTATION_SCHEMA_VERSION),
};

/** A household record (feed, nappy, massage session...). */
export const EntryMutation = z.strictObject({ ...envelope, type: z.literal('entry'), entry: EntryInput });
/** A knowledge test the companion took on the phone. */
export const QuizAttemptMutation = z.strictObject({
  ...envelope,
  type: z.literal('quiz_attempt'),
  attempt: QuizAttemptInput,
});
/** A lesson the companion finished. */
export const LessonDoneMutation = z.strictObject({
  ...envelope,
  type: z.literal('lesson_done'),
  lesson: LessonDoneInput,
});

export const Mutation = z.discriminatedUnion('type', [EntryMutation, QuizAttemptMutation, LessonDoneMutation]);
export type Mutation = z.infer<typeof Mutation>;
export type EntryMutation = z.infer<typeof EntryMutation>;

/**
 * The envelope only checks what is needed to answer each mutation: its id. Each mutation is then checked on its own,
 * so one bad entry is refused without holding back the others.
 */
export const PushBody = z.strictObject({
  deviceId: z.string().trim().min(1).max(100),
  mutations: z
    .array(z.looseObject({ mutationId: Id }))
    .min(1)
    .max(LIMITS.pushBatchMax),
});

export const PushResult = z.object({
  results: z.array(
    z.object({
      mutationId: Id,
      status: z.enum(['applied', 'rejected']),
      /** True when this mutation had arrived before: acknowledged, not applied again. */
      replay: z.boolean(),
      problem: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

export const PullQuery = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.pullLimitMax).default(LIMITS.pullLimitMax),
});

export interface CarePlanOutput {
  id: string;
  motherId: string;
  protocolId: string;
  extendedToDay: number | null;
  /** The date the massage starts (YYYY-MM-DD); null or absent (plans stored before start dates): from the delivery. */
  startsOn?: string | null;
  assignedAt: string;
  seq: number;
}

export type Change =
  | { seq: number; type: 'entry'; entry: EntryOutput }
  | { seq: number; type: 'care_plan'; plan: CarePlanOutput }
  | { seq: number; type: 'message'; message: MessageOutput };

export interface PullResult {
  changes: Change[];
  /** The cursor for the next pull. */
  next: number;
  more: boolean;
}

export interface PushResultItem {
  mutationId: string;
  status: 'applied' | 'rejected';
  replay: boolean;
  problem: ProblemDetails | null;
}

export const CarePlanBody = z.strictObject({
  id: Id,
  protocolId: z.string().min(1).max(80),
  extendedToDay: z.number().int().min(1).max(42).nullable(),
  /**
   * The date the household starts the massage (YYYY-MM-DD), from the delivery date up to 42 days after it;
   * absent or null: from the delivery, as the protocol is written.
   */
  startsOn: IsoDate.nullable().optional(),
  /** The sender's UTC offset in minutes (WIB 420, WITA 480, WIT 540): which calendar date the delivery fell on. */
  tzOffsetMin: z.number().int().min(-720).max(840).optional(),
});
