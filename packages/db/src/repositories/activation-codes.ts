import type { Executor } from './executor.ts';

export interface StoredActivationCode {
  code_hash: string;
  facility_id: string;
  user_id: string;
  issued_by: string | null;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Stores a new code for the user and retires any earlier unused one, so only the newest printed card works. */
export async function issueActivationCode(
  db: Executor,
  code: {
    codeHash: string;
    facilityId: string;
    userId: string;
    issuedBy: string | null;
    issuedAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .updateTable('activation_code')
    .set({ revoked_at: code.issuedAt })
    .where('facility_id', '=', code.facilityId)
    .where('user_id', '=', code.userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .insertInto('activation_code')
    .values({
      code_hash: code.codeHash,
      facility_id: code.facilityId,
      user_id: code.userId,
      issued_by: code.issuedBy,
      issued_at: code.issuedAt,
      expires_at: code.expiresAt,
    })
    .execute();
}

export function findActivationCode(db: Executor, codeHash: string): Promise<StoredActivationCode | undefined> {
  return db.selectFrom('activation_code').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/** Marks the code used; returns false when another request used it first. */
export async function useActivationCode(db: Executor, codeHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('activation_code')
    .set({ used_at: at })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
