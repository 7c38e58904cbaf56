import { createHash } from 'node:crypto';
import { ACTIVATION_ALPHABET, ACTIVATION_CODE_LENGTH } from '@lancar/domain';

/** Demo records get the same ids every time they are loaded, so screenshots, tests and docs can name them. */
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`lancar-demo:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function demoSymbols(name: string, alphabet: string, length: number): string {
  const bytes = createHash('sha256').update(`lancar-demo-code:${name}`).digest();
  return Array.from(bytes.subarray(0, length), (b) => alphabet[b % alphabet.length]).join('');
}

export function demoPseudonym(name: string): string {
  return `P-${demoSymbols(name, '0123456789ABCDEFGHJKMNPQRSTVWXYZ', 6)}`;
}

export function demoActivationCode(name: string): string {
  return demoSymbols(name, ACTIVATION_ALPHABET, ACTIVATION_CODE_LENGTH);
}
