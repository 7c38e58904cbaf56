import { readFileSync } from 'node:fs';

/** The version in the repository's package.json, shown by /api/health and `lancar --version`. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
