import type { MotherDetail } from '@lancar/contracts';
import { signal } from '@preact/signals';
import { get } from '../api/client.ts';
import { cachedGet } from '../api/offline-cache.ts';
import { offline } from '../session.ts';

/**
 * The mothers of this household with their babies, companions and plan, as last fetched (kept on the phone, so the
 * forms know the babies and the birth weight without a connection).
 */
export const householdMothers = signal<MotherDetail[] | undefined>(undefined);

export async function loadHouseholdProfile(userId: string, motherIds: readonly string[]): Promise<void> {
  const loaded = await Promise.all(
    motherIds.map((id) => cachedGet(userId, `/api/mothers/${id}`, () => get<MotherDetail>(`/api/mothers/${id}`))),
  );
  if (loaded.some((l) => l.stale)) offline.value = true;
  householdMothers.value = loaded.map((l) => l.value);
}
