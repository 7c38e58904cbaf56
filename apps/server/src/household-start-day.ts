import { startDayOfLife } from '@lancar/domain';

/** Facilities keep no time zone yet: dates the midwife picks are read as Western Indonesian Time (UTC+7). */
export const WIB_OFFSET_MIN = 420;

/** The day of life a care plan's start date falls on, for the schedule; null when the plan has no start date. */
export function householdStartDay(deliveredAt: Date, startsOn: string | null | undefined): number | null {
  return startDayOfLife(deliveredAt, startsOn ?? null, WIB_OFFSET_MIN);
}
