/**
 * Text an attacker (or an unlucky keyboard) puts into free-text fields. The fuzzing of request bodies mixes these
 * into every string it generates, and the browser journey in e2e/hostile-text.test.ts stores the script payloads in
 * every free-text field and checks that no page runs them.
 */

/** The global a payload sets when it runs; a page that shows the text inertly never sets it. */
export const XSS_FLAG = '__xss';

/** Script payloads: each sets window.__xss (or throws "xss-ran") if a page ever treats the text as markup or code. */
export const XSS_PAYLOADS = [
  `<img src=x onerror="window.${XSS_FLAG}=1">`,
  `<script>window.${XSS_FLAG}=1</script>`,
  `"><svg onload="window.${XSS_FLAG}=1">`,
  `javascript:window.${XSS_FLAG}=1`,
  `'"><iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>"></iframe>`,
  `<a href="javascript:window.${XSS_FLAG}=1">klik</a>`,
  `</textarea></title><img src=x onerror=window.${XSS_FLAG}=1>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.${XSS_FLAG}=1>`,
] as const;

/** SQL and pattern metacharacters: stored and found again as text, never run. */
export const SQL_PAYLOADS = [
  "Robert'); DROP TABLE mother; --",
  "' OR '1'='1",
  '%_\\ LIKE',
  '$1 $$ $body$',
  "'; SELECT pg_sleep(0); --",
] as const;

/** Spreadsheet formulas (CSV injection): a cell starting with one of these must not be taken as a formula. */
export const FORMULA_PAYLOADS = ['=HYPERLINK("http://x.example","klik")', '+1+1', '-2+3', '@SUM(1,2)'] as const;

/** Scripts, directions and joiners that break naive length, trimming or rendering code. */
export const UNICODE_SAMPLES = [
  'Siti Ñurhayati Ā',
  'نور الهدى',
  '\u202Eabc\u202C',
  'a\u200Bb\u200Dc',
  '👩‍🍼🤱🏽',
  'A\u0301\u0302\u0303',
  '\uFEFFbom',
  '𝕏𝕐ℤ',
  '宁静',
] as const;

/**
 * Strings the contracts refuse (control characters, NUL, a lone surrogate): a request carrying one must get a 4xx,
 * never a 500 from the database.
 */
export const INVALID_TEXT = ['Nul\u0000Name', 'bell\u0007', 'esc\u001b[31m', 'del\u007f'] as const;

/** Strings that are valid everywhere a plain text of that length is valid (the fuzzing picks ones that fit). */
export const VALID_HOSTILE_TEXT: readonly string[] = [
  ...XSS_PAYLOADS,
  ...SQL_PAYLOADS,
  ...FORMULA_PAYLOADS,
  ...UNICODE_SAMPLES,
];
