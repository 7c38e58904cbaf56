/**
 * What a household records on its phones. Every entry is append-only: a correction is a new entry that
 * `supersedes` the old one, and removal is a `void` entry that supersedes it. `currentEntries` gives the view
 * that counts. Times are ISO 8601 strings with the phone's offset (WIB +07:00, WITA +08:00, WIT +09:00).
 */
export const ENTRY_KINDS = [
  'massage_session',
  'feed',
  'expression',
  'nappy',
  'weight',
  'mother_state',
  'adequacy_check',
  'danger_report',
  'void',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface MassageSessionData {
  protocolId: string;
  endedAt: string;
  /** completed: every step done; stopped_early: the companion ended it; stopped_safety: the safety check stopped it. */
  outcome: 'completed' | 'stopped_early' | 'stopped_safety';
  stepsCompleted: string[];
  stepsTotal: number;
  /** Seconds actually spent on the massage step (pauses excluded). */
  massageSeconds: number;
  /** Mother's comfort 1 (very uncomfortable) to 5 (very comfortable). */
  comfort: number | null;
  /** Pain 0 (none) to 10 (worst). */
  pain: number | null;
  letDown: boolean | null;
  notes: string | null;
  /** Safety questions whose answer stopped the session. */
  safetyStops: string[];
}

export interface FeedData {
  side: 'left' | 'right' | 'both';
  durationMinutes: number;
}

export interface ExpressionData {
  leftMl: number;
  rightMl: number;
}

export type StoolColour = 'meconium' | 'green_brown' | 'yellow' | 'pale' | 'other';

export interface NappyData {
  wet: boolean;
  dirty: boolean;
  stoolColour: StoolColour | null;
}

export interface WeightData {
  grams: number;
}

export type BreastComfort = 'soft' | 'full' | 'engorged' | 'red_painful';

export interface MotherStateData {
  stress: number | null;
  sleepHours: number | null;
  breastComfort: BreastComfort | null;
  fever: boolean | null;
}

export interface AdequacyCheckData {
  /** Day of life the checklist is about (1 = the first 24 hours). */
  dayOfLife: number;
  /** Checklist item id → yes/no, or null when not answered. */
  answers: Record<string, boolean | null>;
  result: 'adequate' | 'not_adequate' | 'incomplete';
  contentVersion: number;
}

export interface DangerReportData {
  /** Danger sign ids from content/danger-signs.json. */
  signs: string[];
}

export interface VoidData {
  reason: string;
}

export interface EntryDataByKind {
  massage_session: MassageSessionData;
  feed: FeedData;
  expression: ExpressionData;
  nappy: NappyData;
  weight: WeightData;
  mother_state: MotherStateData;
  adequacy_check: AdequacyCheckData;
  danger_report: DangerReportData;
  void: VoidData;
}

export interface HouseholdEntry<K extends EntryKind = EntryKind> {
  id: string;
  motherId: string;
  /** The baby an entry is about (feeds, nappies, weights of twins); null for the mother's own entries. */
  babyId: string | null;
  kind: K;
  /** When it happened (a feed's start, a massage's start), as the phone recorded it. */
  occurredAt: string;
  /** The account that recorded it. */
  recordedBy: string;
  /** The entry this one corrects or voids. */
  supersedes: string | null;
  data: EntryDataByKind[K];
}

/** The entries that count: those not superseded by a correction or a void, without the void markers themselves. */
export function currentEntries(entries: readonly HouseholdEntry[]): HouseholdEntry[] {
  const superseded = new Set(entries.map((e) => e.supersedes).filter((id): id is string => id !== null));
  return entries.filter((e) => e.kind !== 'void' && !superseded.has(e.id));
}

export function isKind<K extends EntryKind>(entry: HouseholdEntry, kind: K): entry is HouseholdEntry<K> {
  return entry.kind === kind;
}
