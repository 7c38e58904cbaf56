/**
 * Indonesian mobile numbers are written many ways (0812-3456-7890, +62 812 3456 7890, 62812...).
 * We store one canonical form, E.164 without the plus for +62 numbers: "6281234567890".
 * Returns undefined when the text cannot be a phone number.
 */
export function normalisePhone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith('8')) digits = `62${digits}`;
  // Indonesian numbers are 8 to 13 digits after the country code; other countries 7 to 15 digits in all.
  if (digits.startsWith('62')) return digits.length >= 10 && digits.length <= 15 ? digits : undefined;
  return digits.length >= 7 && digits.length <= 15 ? digits : undefined;
}

/** A readable form for screens: +62 812-3456-7890. */
export function formatPhone(canonical: string): string {
  if (!canonical.startsWith('62')) return `+${canonical}`;
  const rest = canonical.slice(2);
  const groups = [rest.slice(0, 3), rest.slice(3, 7), rest.slice(7)].filter((g) => g.length > 0);
  return `+62 ${groups.join('-')}`;
}
