import { t } from '@lingui/core/macro';

/** "yyyy-MM-ddTHH:mm" in the phone's local time, for a datetime-local input. */
export function toLocalInput(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** When it happened: now unless changed; never in the future. */
export function TimeField({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  return (
    <label>
      {label ?? t`Waktu`}
      <input
        name="occurredAt"
        type="datetime-local"
        required
        max={toLocalInput(new Date())}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}

/** Reads the field back, or explains why it cannot be used. */
export function readTime(value: string, now: Date = new Date()): Date | string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return t`Isi waktunya.`;
  if (at.getTime() > now.getTime() + 60_000)
    return t`Waktunya belum terjadi. Pilih waktu sekarang atau yang sudah lewat.`;
  return at;
}
