import type { ActivationCode } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { formatDate } from '../i18n/i18n.ts';

/**
 * The code a midwife hands over: large enough to read aloud, with a QR code that opens the activation page on the
 * person's phone, and printable as a card.
 */
export function ActivationCard({ activation, name }: { activation: ActivationCode; name: string }) {
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(activation.qrSvg)}`;
  return (
    <section class="card activation-card" aria-label={t`Kode aktivasi`}>
      <h3>{t`Kode aktivasi untuk ${name}`}</h3>
      <p class="activation-code" data-testid="activation-code">
        {activation.formatted}
      </p>
      <img class="qr" src={qr} alt={t`Kode QR untuk aktivasi`} width={180} height={180} />
      <p class="muted">
        {t`Pindai kode QR dengan kamera HP, atau buka halaman Aktivasi di aplikasi Lancar dan ketik kodenya.`}{' '}
        {t`Berlaku sampai ${formatDate(activation.expiresAt)}. Kode hanya bisa dipakai sekali.`}
      </p>
      <button type="button" class="button secondary no-print" onClick={() => window.print()}>
        {t`Cetak kartu`}
      </button>
    </section>
  );
}
