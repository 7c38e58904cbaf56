import { z } from 'zod';
import { Id, note } from './common.ts';

export const ALERT_ACTION_KINDS = ['acknowledged', 'acted', 'closed'] as const;
export const ALERT_ACTIONS_TAKEN = ['phoned', 'home_visit', 'facility_visit', 'referred', 'advised', 'other'] as const;
export const ALERT_OUTCOMES = ['resolved', 'referred', 'improving', 'no_problem_found', 'other'] as const;

export const AlertTaskState = z.enum(['open', 'acknowledged', 'acted', 'closed']);

export const AlertLastAction = z.object({
  kind: z.enum(ALERT_ACTION_KINDS),
  actionTaken: z.enum(ALERT_ACTIONS_TAKEN).nullable(),
  outcome: z.enum(ALERT_OUTCOMES).nullable(),
  note: z.string().nullable(),
  actedAt: z.string(),
  actedByName: z.string().nullable(),
});

/** An alert as the midwife's task. */
export const AlertTask = z.object({
  id: Id,
  motherId: Id,
  motherName: z.string(),
  village: z.string().nullable(),
  /** Day postpartum today (not when it was raised). */
  dayPostpartum: z.number().nullable(),
  signId: z.string(),
  severity: z.enum(['immediate', 'soon']),
  entryId: Id.nullable(),
  episode: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  raisedAt: z.string(),
  state: AlertTaskState,
  lastAction: AlertLastAction.nullable(),
});

export const AlertTaskQuery = z.strictObject({
  state: z.enum(['open', 'acknowledged', 'closed']).optional(),
  motherId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const AlertTaskList = z.object({ alerts: z.array(AlertTask) });

export const AlertActionBody = z
  .strictObject({
    kind: z.enum(ALERT_ACTION_KINDS),
    actionTaken: z.enum(ALERT_ACTIONS_TAKEN).optional(),
    outcome: z.enum(ALERT_OUTCOMES).optional(),
    note: note(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'acted' && !body.actionTaken) {
      ctx.addIssue({
        code: 'custom',
        path: ['actionTaken'],
        message: 'pilih tindakan yang dilakukan / choose the action taken',
      });
    }
    if (body.kind === 'closed' && !body.outcome) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'pilih hasilnya untuk menutup tugas / choose the outcome to close the task',
      });
    }
  });

export const AlertSummary = z.object({
  /** Start of today in the facility's time zone (Asia/Jakarta, WIB). */
  since: z.string(),
  newToday: z.number().int(),
  openImmediate: z.number().int(),
  openSoon: z.number().int(),
  openOver24h: z.number().int(),
  closedToday: z.number().int(),
});

export type AlertTask = z.infer<typeof AlertTask>;
export type AlertActionBody = z.infer<typeof AlertActionBody>;
export type AlertSummary = z.infer<typeof AlertSummary>;
