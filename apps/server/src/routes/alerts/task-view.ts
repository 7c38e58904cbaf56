import type { AlertTask } from '@lancar/contracts';
import type { AlertTaskRow } from '@lancar/db';
import { dayPostpartum } from '@lancar/domain';

type LastAction = NonNullable<AlertTask['lastAction']>;

export function alertTaskView(row: AlertTaskRow, now: Date): AlertTask {
  return {
    id: row.id,
    motherId: row.mother_id,
    motherName: row.mother_name,
    village: row.village,
    dayPostpartum: row.delivered_at ? (dayPostpartum(row.delivered_at, now) ?? null) : null,
    signId: row.sign_id,
    severity: row.severity,
    entryId: row.entry_id,
    episode: row.episode,
    ruleVersion: row.rule_version,
    raisedAt: row.raised_at.toISOString(),
    state: row.state,
    lastAction:
      row.last_kind && row.last_acted_at
        ? {
            kind: row.last_kind,
            actionTaken: row.last_action_taken as LastAction['actionTaken'],
            outcome: row.last_outcome as LastAction['outcome'],
            note: row.last_note,
            actedAt: row.last_acted_at.toISOString(),
            actedByName: row.last_acted_by_name,
          }
        : null,
  };
}
