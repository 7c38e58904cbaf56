import type { EntryDataByKind, EntryKind, HouseholdEntry } from './entries.ts';

/** Builds entries for the household rule tests. Times carry WIB (+07:00) unless a test says otherwise. */
export function entry<K extends EntryKind>(
  kind: K,
  id: string,
  occurredAt: string,
  data: EntryDataByKind[K],
  babyId: string | null = 'b1',
  supersedes: string | null = null,
): HouseholdEntry<K> {
  return { id, motherId: 'm1', babyId, kind, occurredAt, recordedBy: 'u1', supersedes, data };
}

export function feed(id: string, at: string, minutes = 10, side: 'left' | 'right' | 'both' = 'left', babyId = 'b1') {
  return entry('feed', id, at, { side, durationMinutes: minutes }, babyId);
}

export function nappy(
  id: string,
  at: string,
  wet: boolean,
  dirty: boolean,
  stoolColour: EntryDataByKind['nappy']['stoolColour'] = null,
  babyId = 'b1',
) {
  return entry('nappy', id, at, { wet, dirty, stoolColour }, babyId);
}

export function weight(id: string, at: string, grams: number, babyId = 'b1') {
  return entry('weight', id, at, { grams }, babyId);
}

export function session(
  id: string,
  at: string,
  outcome: EntryDataByKind['massage_session']['outcome'] = 'completed',
  safetyStops: string[] = [],
) {
  return entry(
    'massage_session',
    id,
    at,
    {
      protocolId: 'standard-3min-2x-day1-3',
      endedAt: at,
      outcome,
      stepsCompleted: [],
      stepsTotal: 8,
      massageSeconds: outcome === 'stopped_safety' ? 0 : 180,
      comfort: null,
      pain: null,
      letDown: null,
      notes: null,
      safetyStops,
    },
    null,
  );
}

export function motherState(
  id: string,
  at: string,
  state: Partial<EntryDataByKind['mother_state']>,
): HouseholdEntry<'mother_state'> {
  return entry(
    'mother_state',
    id,
    at,
    { stress: null, sleepHours: null, breastComfort: null, fever: null, ...state },
    null,
  );
}

export function voidOf(id: string, target: string, at = '2026-11-30T00:00:00+07:00') {
  return entry('void', id, at, { reason: 'entered twice' }, null, target);
}
