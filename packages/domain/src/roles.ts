/** Every role an account can hold. A person has one role per account. */
export const ROLES = [
  'companion',
  'mother',
  'midwife',
  'cadre',
  'facility_admin',
  'researcher',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles a facility admin may create as staff accounts (mothers and companions are onboarded by a midwife). */
export const STAFF_ROLES = ['midwife', 'cadre', 'facility_admin', 'researcher'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles onboarded by a midwife with an activation code on their own phone. */
export const HOUSEHOLD_ROLES = ['mother', 'companion'] as const satisfies readonly Role[];
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
