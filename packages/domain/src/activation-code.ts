/**
 * Activation codes are typed by hand on a phone, read aloud, or scanned from a printed card, so the alphabet
 * leaves out characters people confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B) and ignores case, spaces and dashes.
 * 8 characters from 25 symbols is about 1.5e11 codes; with expiry and rate limiting guessing is hopeless.
 */
export const ACTIVATION_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const ACTIVATION_CODE_LENGTH = 8;
/** Codes are valid for this long after a midwife issues them. */
export const ACTIVATION_CODE_TTL_DAYS = 14;

/** Turns random bytes into a code; rejection sampling keeps every symbol equally likely. */
export function activationCodeFromBytes(bytes: Uint8Array): string | undefined {
  const limit = 256 - (256 % ACTIVATION_ALPHABET.length);
  let code = '';
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += ACTIVATION_ALPHABET[byte % ACTIVATION_ALPHABET.length];
    if (code.length === ACTIVATION_CODE_LENGTH) return code;
  }
  return undefined;
}

/** Accepts what a person typed ("acd4-7fgh", "ACD4 7FGH") and returns the canonical code, or undefined. */
export function normaliseActivationCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length < 6 || code.length > 8) return undefined;
  for (const ch of code) if (!ACTIVATION_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** Shown as two groups of four so it can be read aloud: "ACD4-7FGH". */
export function formatActivationCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
