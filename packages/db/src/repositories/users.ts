import { phoneLoginName, type Role } from '@lancar/domain';
import type { NewUserAccount, UserAccount } from '../schema.ts';
import type { Executor } from './executor.ts';

/** Thrown when a username or phone number already belongs to another account. */
export class LoginNameTakenError extends Error {
  readonly loginName: string;
  constructor(loginName: string) {
    super(`The login name ${loginName} already belongs to another account.`);
    this.name = 'LoginNameTakenError';
    this.loginName = loginName;
  }
}

function loginNamesOf(user: { username?: string | null; phone?: string | null }): string[] {
  const names: string[] = [];
  if (user.username) names.push(user.username);
  if (user.phone) names.push(phoneLoginName(user.phone));
  return names;
}

/** Creates the account and the login names that find it. Call inside a transaction. */
export async function createUser(db: Executor, user: NewUserAccount): Promise<void> {
  const names = loginNamesOf(user);
  if (names.length > 0) {
    const taken = await db.selectFrom('login_name').select('name').where('name', 'in', names).executeTakeFirst();
    if (taken) throw new LoginNameTakenError(taken.name);
  }
  await db.insertInto('user_account').values(user).execute();
  for (const name of names) {
    await db.insertInto('login_name').values({ name, facility_id: user.facility_id, user_id: user.id }).execute();
  }
}

export function findUserByLoginName(db: Executor, loginName: string): Promise<UserAccount | undefined> {
  return db
    .selectFrom('login_name')
    .innerJoin('user_account', (join) =>
      join
        .onRef('user_account.facility_id', '=', 'login_name.facility_id')
        .onRef('user_account.id', '=', 'login_name.user_id'),
    )
    .selectAll('user_account')
    .where('login_name.name', '=', loginName)
    .executeTakeFirst();
}

export function getUser(db: Executor, facilityId: string, id: string): Promise<UserAccount | undefined> {
  return db
    .selectFrom('user_account')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listUsersByRole(db: Executor, facilityId: string, roles: readonly Role[]): Promise<UserAccount[]> {
  return db
    .selectFrom('user_account')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('role', 'in', [...roles])
    .orderBy('display_name')
    .execute();
}

/** Sets a new password and makes the account active (activation, or a reset by a midwife's new code). */
export async function setPassword(db: Executor, facilityId: string, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ password_hash: passwordHash, status: 'active', updated_at: new Date() })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

export async function setUserStatus(
  db: Executor,
  facilityId: string,
  id: string,
  status: 'active' | 'disabled',
): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ status, updated_at: new Date() })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

export async function setLocale(db: Executor, facilityId: string, id: string, locale: 'id' | 'en'): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ locale, updated_at: new Date() })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

/**
 * An account that exists but cannot log in yet: the person sets a password with an activation code
 * (a mother or companion enrolled by a midwife, a staff member added by an admin).
 */
export function createPendingAccount(
  db: Executor,
  account: {
    facilityId: string;
    id: string;
    role: Role;
    displayName: string;
    username?: string | null;
    phone?: string | null;
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  return createUser(db, {
    facility_id: account.facilityId,
    id: account.id,
    role: account.role,
    display_name: account.displayName,
    username: account.username ?? null,
    phone: account.phone ?? null,
    password_hash: null,
    status: 'pending',
    created_by: account.createdBy,
    created_at: account.at,
    updated_at: account.at,
  });
}
