import type { MassageSessionData } from '@lancar/domain';

/** What a guided session hands back when it ends: the entry's data plus when it started. */
export interface MassageSessionResult extends MassageSessionData {
  /** ISO time the companion started the session (after the safety check). */
  startedAt: string;
}
