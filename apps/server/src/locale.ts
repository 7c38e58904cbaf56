export type Locale = 'id' | 'en';

/**
 * The language of a response: the logged-in person's choice, else the browser's Accept-Language, else Indonesian.
 * Only Indonesian and English exist; any other language gets Indonesian.
 */
export function localeOf(acceptLanguage: string | undefined, userLocale?: Locale): Locale {
  if (userLocale) return userLocale;
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
