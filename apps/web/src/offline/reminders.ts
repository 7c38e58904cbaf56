import { signal } from '@preact/signals';

/**
 * Reminders for planned massage sessions, shown by the phone itself (no server push). Browsers only run the timer
 * while Lancar is open or in the background, so a reminder can be missed when the app is closed; the home screen
 * always shows what is due. Lancar never reminds a mother when to feed: feeding follows the baby, not the clock.
 */
const KEY = 'lancar.reminders';

export const remindersOn = signal<boolean>(readSetting());

function readSetting(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on' && 'Notification' in window && Notification.permission === 'granted';
  } catch {
    return false;
  }
}

export function remindersSupported(): boolean {
  return 'Notification' in window && 'serviceWorker' in navigator;
}

export async function turnRemindersOn(): Promise<boolean> {
  if (!remindersSupported()) return false;
  const permission = await Notification.requestPermission();
  remindersOn.value = permission === 'granted';
  localStorage.setItem(KEY, remindersOn.value ? 'on' : 'off');
  return remindersOn.value;
}

export function turnRemindersOff(): void {
  remindersOn.value = false;
  localStorage.setItem(KEY, 'off');
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Arms one timer for the next planned session that is not done yet; called whenever the plan or the log changes. */
export function armReminder(next: { at: Date; title: string; body: string } | undefined): void {
  clearTimeout(timer);
  timer = undefined;
  if (!next || !remindersOn.value) return;
  const wait = next.at.getTime() - Date.now();
  if (wait < 0 || wait > 24 * 3600_000) return;
  timer = setTimeout(() => {
    void navigator.serviceWorker.ready
      .then((registration) =>
        registration.showNotification(next.title, { body: next.body, tag: 'lancar-massage', icon: '/icon-192.png' }),
      )
      .catch(() => {});
  }, wait);
}
