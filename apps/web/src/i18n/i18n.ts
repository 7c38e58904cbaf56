import { i18n } from '@lingui/core';
import { signal } from '@preact/signals';

export type Locale = 'id' | 'en';
const STORAGE_KEY = 'lancar.locale';

/** The interface language. Bahasa Indonesia unless the person chose English (on this phone or in their account). */
export const locale = signal<Locale>('id');

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** Loads a catalog (each is its own small chunk) and switches every screen to it. */
export async function activateLocale(next: Locale, remember = true): Promise<void> {
  const { messages } = next === 'en' ? await import('../locales/en.po') : await import('../locales/id.po');
  i18n.loadAndActivate({ locale: next, messages });
  document.documentElement.lang = next;
  try {
    if (remember) localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts until the page closes.
  }
  locale.value = next;
}

export function initialLocale(): Locale {
  return storedLocale();
}

/** Whether someone chose a language on this device (otherwise the account's saved choice applies at login). */
export function chosenOnThisDevice(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

const intlLocale = () => (locale.value === 'en' ? 'en-GB' : 'id-ID');

/** A calendar date ('YYYY-MM-DD', as for a date of birth) or the date part of a moment. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  // A bare date is no moment in time: read and print it in UTC so no time zone can move it a day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** +62 812-3456-7890 from the stored digits. */
export function formatPhone(digits: string | null | undefined): string {
  if (!digits) return '–';
  if (!digits.startsWith('62')) return `+${digits}`;
  const rest = digits.slice(2);
  return `+62 ${[rest.slice(0, 3), rest.slice(3, 7), rest.slice(7)].filter(Boolean).join('-')}`;
}
