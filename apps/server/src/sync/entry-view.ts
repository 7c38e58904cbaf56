import type { CarePlanOutput, EntryOutput } from '@lancar/contracts';
import type { CarePlan, StoredEntry } from '@lancar/db';
import type { EntryKind, HouseholdEntry } from '@lancar/domain';

/** Shows a stored entry with the offset it was recorded in (the phone's local time), as the phone sent it. */
export function entryView(entry: StoredEntry): EntryOutput {
  return {
    id: entry.id,
    motherId: entry.mother_id,
    babyId: entry.baby_id,
    kind: entry.kind as EntryKind,
    occurredAt: withOffset(entry.occurred_at, entry.tz_offset_min),
    tzOffsetMin: entry.tz_offset_min,
    supersedes: entry.supersedes,
    data: entry.data,
    recordedBy: entry.recorded_by,
    seq: Number(entry.seq),
  };
}

/** The domain's view of a stored entry (rules read `data` by kind). */
export function domainEntry(entry: StoredEntry): HouseholdEntry {
  const { tzOffsetMin: _offset, seq: _seq, ...view } = entryView(entry);
  return { ...view, data: view.data as unknown as HouseholdEntry['data'] };
}

export function carePlanView(plan: CarePlan): CarePlanOutput {
  return {
    id: plan.id,
    motherId: plan.mother_id,
    protocolId: plan.protocol_id,
    extendedToDay: plan.extended_to_day,
    startsOn: plan.starts_on,
    assignedAt: plan.assigned_at.toISOString(),
    seq: Number(plan.seq),
  };
}

/** 2026-11-23T08:15:00+07:00 for a moment and an offset in minutes. */
export function withOffset(moment: Date, offsetMinutes: number): string {
  const local = new Date(moment.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
