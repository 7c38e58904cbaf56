import { normalisePhone } from '@lancar/domain';
import { z } from 'zod';

export const Id = z.uuid();
export const Locale = z.enum(['id', 'en']);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

// Control characters (NUL above all, which PostgreSQL cannot store) never belong in what a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point of this pattern
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Half of a surrogate pair is not a character: the database would keep U+FFFD in its place, so the text read back
// would differ from the text acknowledged. Nothing a keyboard types produces one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const noControl = (value: string) => !CONTROL_CHARACTERS.test(value) && !LONE_SURROGATE.test(value);
const CONTROL_MESSAGE = { message: 'contains a control character or a broken character' };

/** Any string from outside: no control characters except tab and line breaks. */
export const plain = (max: number) => z.string().max(max).refine(noControl, CONTROL_MESSAGE);

/** Optional free text such as a note: trimmed, may be empty, no control characters. */
export const note = (max: number) => z.string().trim().max(max).refine(noControl, CONTROL_MESSAGE);

/** Trimmed text that must not be empty after trimming. */
export const text = (max: number) => z.string().trim().min(1).max(max).refine(noControl, CONTROL_MESSAGE);

/** A phone number as people write it (0812-3456-7890, +62 812...), turned into the stored digits (6281234567890). */
export const PhoneNumber = z
  .string()
  .trim()
  .max(24)
  .transform((value, context) => {
    const phone = normalisePhone(value);
    if (phone === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'nomor HP tidak valid, contoh 0812-3456-7890 / not a valid phone number',
      });
      return z.NEVER;
    }
    return phone;
  });
