/** Language of the readable output: --lang, else LANCAR_LANG, else Indonesian. */
export type Language = 'id' | 'en';

export function languageOf(option: string | undefined): Language {
  const value = (option ?? process.env.LANCAR_LANG ?? 'id').toLowerCase();
  return value.startsWith('en') ? 'en' : 'id';
}
