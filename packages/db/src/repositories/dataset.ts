import type {
  Alert,
  AlertAction,
  Baby,
  CarePlan,
  Mother,
  QuizAttempt,
  SkillCheck,
  StoredEntry,
  Visit,
} from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * Everything a facility dataset export holds, read in one go for a set of mothers. Identifiers are read here
 * because midwives and facility admins may export them; the export route leaves them out for researchers
 * (packages/reports dataset.ts decides which columns an audience gets).
 */
export interface DatasetSelection {
  /** Deliveries at or after this instant (inclusive); undefined: from the first. */
  deliveredFrom?: Date | undefined;
  /** Deliveries before this instant (exclusive); undefined: to the last. */
  deliveredBefore?: Date | undefined;
  /** Only mothers who consented to research use (what researchers get). */
  onlyResearchConsent: boolean;
}

export interface DatasetCompanion {
  mother_id: string;
  user_id: string;
  display_name: string;
  phone: string | null;
  relationship: string;
  linked_at: Date;
  lessons_completed: number;
}

export interface DatasetRecords {
  mothers: Mother[];
  babies: Baby[];
  carePlans: Map<string, CarePlan>;
  entries: StoredEntry[];
  /** Roles of the accounts that recorded entries or acted on alerts, by user id. */
  roles: Map<string, string>;
  alerts: Alert[];
  alertActions: AlertAction[];
  visits: Visit[];
  companions: DatasetCompanion[];
  /** Quiz attempts (pre/post tests) of those companions, on the phone or on paper, oldest first. */
  quizAttempts: (QuizAttempt & { person_user_id: string })[];
  skillChecks: (SkillCheck & { person_user_id: string })[];
}

export async function readDataset(
  db: Executor,
  facilityId: string,
  selection: DatasetSelection,
): Promise<DatasetRecords> {
  let motherQuery = db
    .selectFrom('mother')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('voided_at', 'is', null);
  if (selection.onlyResearchConsent) motherQuery = motherQuery.where('consent_research', '=', true);
  if (selection.deliveredFrom) motherQuery = motherQuery.where('delivered_at', '>=', selection.deliveredFrom);
  if (selection.deliveredBefore) motherQuery = motherQuery.where('delivered_at', '<', selection.deliveredBefore);
  const mothers = await motherQuery.orderBy('delivered_at').orderBy('id').execute();
  const ids = mothers.map((m) => m.id);
  const empty: DatasetRecords = {
    mothers,
    babies: [],
    carePlans: new Map(),
    entries: [],
    roles: new Map(),
    alerts: [],
    alertActions: [],
    visits: [],
    companions: [],
    quizAttempts: [],
    skillChecks: [],
  };
  if (ids.length === 0) return empty;

  const babies = await db
    .selectFrom('baby')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .where('voided_at', 'is', null)
    .orderBy('mother_id')
    .orderBy('birth_order')
    .execute();
  const plans = await db
    .selectFrom('care_plan')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .orderBy('assigned_at')
    .orderBy('seq')
    .execute();
  const carePlans = new Map<string, CarePlan>();
  for (const plan of plans) carePlans.set(plan.mother_id, plan);
  const entries = await db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .orderBy('mother_id')
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  const alerts = await db
    .selectFrom('alert')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .orderBy('mother_id')
    .orderBy('raised_at')
    .execute();
  const alertActions = await db
    .selectFrom('alert_action')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .orderBy('alert_id')
    .orderBy('acted_at')
    .execute();
  const visits = await db
    .selectFrom('visit')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .orderBy('mother_id')
    .orderBy('visited_at')
    .execute();
  const companions = await db
    .selectFrom('companion_link as l')
    .innerJoin('user_account as u', (join) =>
      join.onRef('u.facility_id', '=', 'l.facility_id').onRef('u.id', '=', 'l.user_id'),
    )
    .select((eb) => [
      'l.mother_id',
      'l.user_id',
      'u.display_name',
      'u.phone',
      'l.relationship',
      'l.created_at as linked_at',
      eb
        .selectFrom('lesson_progress as p')
        .select((e) => e.fn.count<string>('p.lesson_id').distinct().as('n'))
        .whereRef('p.facility_id', '=', 'l.facility_id')
        .whereRef('p.user_id', '=', 'l.user_id')
        .as('lessons_completed'),
    ])
    .where('l.facility_id', '=', facilityId)
    .where('l.mother_id', 'in', ids)
    .where('l.ended_at', 'is', null)
    .orderBy('l.mother_id')
    .orderBy('l.created_at')
    .execute();
  const userIds = [...new Set(companions.map((c) => c.user_id))];

  // A companion's tests and skill checks: on the phone (user_id), or on paper at a group session (a participant
  // row linked to the account).
  const quizAttempts =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('quiz_attempt as q')
          .leftJoin('training_participant as tp', (join) =>
            join.onRef('tp.facility_id', '=', 'q.facility_id').onRef('tp.id', '=', 'q.participant_id'),
          )
          .selectAll('q')
          .select((eb) => eb.fn.coalesce('q.user_id', 'tp.user_id').as('person_user_id'))
          .where('q.facility_id', '=', facilityId)
          .where((eb) => eb.or([eb('q.user_id', 'in', userIds), eb('tp.user_id', 'in', userIds)]))
          .orderBy('q.taken_at')
          .execute();
  const skillChecks =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('skill_check as s')
          .leftJoin('training_participant as tp', (join) =>
            join.onRef('tp.facility_id', '=', 's.facility_id').onRef('tp.id', '=', 's.participant_id'),
          )
          .selectAll('s')
          .select((eb) => eb.fn.coalesce('s.user_id', 'tp.user_id').as('person_user_id'))
          .where('s.facility_id', '=', facilityId)
          .where((eb) => eb.or([eb('s.user_id', 'in', userIds), eb('tp.user_id', 'in', userIds)]))
          .orderBy('s.observed_at')
          .execute();

  const actorIds = [...new Set([...entries.map((e) => e.recorded_by), ...alertActions.map((a) => a.acted_by)])];
  const roles = new Map<string, string>();
  if (actorIds.length > 0) {
    const accounts = await db
      .selectFrom('user_account')
      .select(['id', 'role'])
      .where('facility_id', '=', facilityId)
      .where('id', 'in', actorIds)
      .execute();
    for (const a of accounts) roles.set(a.id, a.role);
  }

  return {
    mothers,
    babies,
    carePlans,
    entries,
    roles,
    alerts,
    alertActions,
    visits,
    companions: companions.map((c) => ({ ...c, lessons_completed: Number(c.lessons_completed ?? 0) })),
    quizAttempts: quizAttempts.map((q) => ({ ...q, person_user_id: q.person_user_id ?? '' })),
    skillChecks: skillChecks.map((s) => ({ ...s, person_user_id: s.person_user_id ?? '' })),
  };
}
