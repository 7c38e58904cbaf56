import type { Role } from './roles.ts';

/**
 * Authorisation as data: which role may do which action on which kind of resource, and in what scope.
 * `can()` is the only place the rules live; routes and repositories ask it and never re-implement it.
 *
 * Scopes:
 *  - `own`       the actor's own account (sessions, profile)
 *  - `household` records of a mother the actor belongs to (she herself, or a linked companion)
 *  - `facility`  anything owned by the actor's facility
 *  - `any`       any facility (system administrators only)
 */
export const ACTIONS = ['list', 'read', 'create', 'update'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCE_KINDS = [
  'facility',
  'staff',
  'mother',
  'companion',
  'activation_code',
  'research_record',
  'audit_event',
  'session',
  'household_entry',
  'care_plan',
  'training',
  // A danger-sign alert and the task it becomes (acknowledge, act, record the outcome).
  'alert',
  // A midwife's postnatal visit (KF1-KF4) with what she observed.
  'visit',
  // A short message from the midwife to a household, shown in their app after sync.
  'household_message',
  // Aggregate reports (facility, district): counts and distributions, no identities.
  'report',
  // A facility's dataset as CSV, XLSX or FHIR; the route decides which identifiers a role may see.
  'dataset_export',
  // A research study on the programme's records: its definition, enrolled (pseudonymised) mothers and their
  // concealed allocation, its dataset and analysis.
  'study',
  // A literature review: references, screening, extraction, meta-analysis and the PRISMA flow.
  'literature_review',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type Scope = 'own' | 'household' | 'facility' | 'any';

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly facilityId: string;
  /** Mothers whose household this actor belongs to: herself for a mother, the linked mothers for a companion. */
  readonly householdMotherIds: readonly string[];
}

export interface Resource {
  readonly kind: ResourceKind;
  readonly facilityId: string;
  /** The mother a household-scoped record belongs to, when it belongs to one. */
  readonly motherId?: string | undefined;
  /** The account a personal record (a session) belongs to. */
  readonly ownerUserId?: string | undefined;
}

type Grants = Partial<Record<ResourceKind, Partial<Record<Action, Scope>>>>;

const OWN_SESSIONS: Grants = { session: { list: 'own', read: 'own', update: 'own' } };

/** The policy table. A missing entry means "refused". */
export const POLICY: Readonly<Record<Role, Grants>> = {
  companion: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    mother: { list: 'household', read: 'household' },
    companion: { list: 'household', read: 'household' },
    household_entry: { list: 'household', read: 'household', create: 'household' },
    care_plan: { list: 'household', read: 'household' },
    household_message: { list: 'household', read: 'household' },
    training: { read: 'own' },
  },
  mother: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    mother: { list: 'household', read: 'household' },
    companion: { list: 'household', read: 'household' },
    household_entry: { list: 'household', read: 'household', create: 'household' },
    care_plan: { list: 'household', read: 'household' },
    household_message: { list: 'household', read: 'household' },
    training: { read: 'own' },
  },
  cadre: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    mother: { list: 'household', read: 'household' },
    companion: { list: 'household', read: 'household' },
    household_entry: { list: 'household', read: 'household', create: 'household' },
    care_plan: { list: 'household', read: 'household' },
    household_message: { list: 'household', read: 'household' },
    // Cadres run group trainings and observe skill checks at their posyandu.
    training: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
  },
  midwife: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    mother: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    companion: { list: 'facility', read: 'facility', create: 'facility' },
    activation_code: { create: 'facility' },
    household_entry: { list: 'facility', read: 'facility' },
    care_plan: { list: 'facility', read: 'facility', create: 'facility' },
    training: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    alert: { list: 'facility', read: 'facility', update: 'facility' },
    visit: { list: 'facility', read: 'facility', create: 'facility' },
    household_message: { list: 'facility', read: 'facility', create: 'facility' },
    report: { read: 'facility' },
    dataset_export: { read: 'facility' },
  },
  facility_admin: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    staff: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    mother: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    companion: { list: 'facility', read: 'facility', create: 'facility' },
    activation_code: { create: 'facility' },
    research_record: { list: 'facility' },
    audit_event: { list: 'facility' },
    household_entry: { list: 'facility', read: 'facility' },
    care_plan: { list: 'facility', read: 'facility', create: 'facility' },
    training: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    alert: { list: 'facility', read: 'facility', update: 'facility' },
    visit: { list: 'facility', read: 'facility' },
    household_message: { list: 'facility', read: 'facility' },
    report: { read: 'facility' },
    dataset_export: { read: 'facility' },
  },
  researcher: {
    ...OWN_SESSIONS,
    facility: { read: 'facility' },
    research_record: { list: 'facility' },
    // Pseudonymised only: the CSV/XLSX export leaves out names, NIK, phone and address for researchers; FHIR is refused.
    dataset_export: { read: 'facility' },
    study: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
    literature_review: { list: 'facility', read: 'facility', create: 'facility', update: 'facility' },
  },
  system_admin: {
    ...OWN_SESSIONS,
    facility: { list: 'any', read: 'any', create: 'any' },
    staff: { list: 'any', read: 'any', create: 'any', update: 'any' },
    activation_code: { create: 'any' },
    audit_event: { list: 'any' },
    // The district view: aggregates over facilities, no identities.
    report: { read: 'any' },
  },
};

/** The scope in which `role` may do `action` on `kind`, or undefined when it may not at all. */
export function scopeOf(role: Role, action: Action, kind: ResourceKind): Scope | undefined {
  return POLICY[role][kind]?.[action];
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const scope = scopeOf(actor.role, action, resource.kind);
  switch (scope) {
    case undefined:
      return false;
    case 'any':
      return true;
    case 'facility':
      return resource.facilityId === actor.facilityId;
    case 'household':
      // A list request is asked before its rows are known: it is allowed, and the rows are filtered to the household.
      if (resource.facilityId !== actor.facilityId) return false;
      if (action === 'list' && resource.motherId === undefined) return true;
      return resource.motherId !== undefined && actor.householdMotherIds.includes(resource.motherId);
    case 'own':
      if (resource.facilityId !== actor.facilityId) return false;
      // A list of one's own records is filtered to the actor by the query that serves it.
      if (action === 'list' && resource.ownerUserId === undefined) return true;
      return resource.ownerUserId === actor.userId;
  }
}
