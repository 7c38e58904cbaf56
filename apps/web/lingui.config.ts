import type { LinguiConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/** Bahasa Indonesia is the source language: messages are written in Indonesian and translated to English. */
const config: LinguiConfig = {
  sourceLocale: 'id',
  locales: ['id', 'en'],
  catalogs: [{ path: '<rootDir>/src/locales/{locale}', include: ['<rootDir>/src'] }],
  // File names without line numbers, and no creation date, so catalogs change only when messages do.
  format: formatter({ lineNumbers: false, printLinguiId: false }),
};

export default config;
