import { localDateTime } from '../../i18n/local-time.ts';

/** The delivery time the form offers when nothing better is known. */
const USUAL_TIME = '08:00';

/**
 * The enrolment form's first delivery date and time: today on the device's own calendar, at 08:00, or at the
 * current minute while it is not yet 08:00, so the form never starts at a moment still to come (which the server
 * refuses).
 */
export function defaultDelivery(now: Date): { date: string; time: string } {
  const local = localDateTime(now);
  const time = local.slice(11);
  return { date: local.slice(0, 10), time: time < USUAL_TIME ? time : USUAL_TIME };
}
