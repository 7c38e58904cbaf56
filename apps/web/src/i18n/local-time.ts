/**
 * Dates and times as the browser's date and datetime-local inputs want them: in the device's own time zone (a
 * posyandu in Jakarta enters 09:00 and means 09:00 Western Indonesia Time), sent to the server as an instant.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-12" for the local calendar day of a moment. */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** "2026-11-12T09:05" for a datetime-local input. */
export function localDateTime(moment: Date): string {
  return `${localDate(moment)}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/** The instant a datetime-local value names, as ISO 8601 in UTC; null when the value is empty or not a time. */
export function instantOfLocal(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const moment = new Date(y, mo - 1, d, h, mi);
  // new Date rolls 2026-02-31 over into March: such a value names no real time.
  if (moment.getMonth() !== mo - 1 || moment.getDate() !== d) return null;
  return moment.toISOString();
}
