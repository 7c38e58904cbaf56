import type { ActivationCode } from '@lancar/contracts';
import { createActivationCode, type Executor } from '@lancar/db';
import { formatActivationCode } from '@lancar/domain';
import QRCode from 'qrcode';

/** The page a scanned card opens: the activation form with the code filled in. */
export function activationUrl(publicBaseUrl: string, code: string): string {
  const url = new URL('/aktivasi', publicBaseUrl);
  url.searchParams.set('kode', formatActivationCode(code));
  return url.toString();
}

/**
 * Issues a new activation code for an account and returns it with the QR code that a midwife shows on screen or
 * prints on a card. The plain code is returned once and never stored.
 */
export async function issueCode(
  db: Executor,
  target: { facilityId: string; userId: string },
  issuedBy: string | null,
  publicBaseUrl: string,
  now: Date,
): Promise<ActivationCode> {
  const { code, expiresAt } = await createActivationCode(db, target, issuedBy, now);
  const url = activationUrl(publicBaseUrl, code);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { code, formatted: formatActivationCode(code), expiresAt: expiresAt.toISOString(), url, qrSvg };
}
