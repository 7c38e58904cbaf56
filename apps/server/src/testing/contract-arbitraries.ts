import { Mutation, PhoneNumber, PushBody, ReferenceImportBody } from '@lancar/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import { VALID_HOSTILE_TEXT } from './hostile-text.ts';
import { type ArbitraryOptions, validArbitrary } from './zod-arbitrary.ts';

/**
 * What the zod walker cannot work out from the contracts alone:
 * - a phone number is a transform of the text people type, which cannot be inverted;
 * - a push carries each mutation as a loose object that the server checks on its own (sync.ts), so the fuzzing
 *   sends real mutations there;
 * - an import's text is a RIS or CSV file, so the fuzzing sends RIS records with hostile titles, authors and
 *   abstracts as well as arbitrary text.
 */
export function contractOverrides(options: ArbitraryOptions = {}): Map<z.core.$ZodType, fc.Arbitrary<unknown>> {
  const overrides = new Map<z.core.$ZodType, fc.Arbitrary<unknown>>();
  overrides.set(
    PhoneNumber,
    fc
      .tuple(fc.constantFrom('08', '+62 8', '628', '8'), fc.stringMatching(/^[1-9][0-9]{7,9}$/), fc.boolean())
      .map(([prefix, digits, dashed]) => `${prefix}${dashed ? digits.replace(/(\d{3})(\d{4})/, '$1-$2-') : digits}`),
  );
  const mutations = (PushBody.shape.mutations as unknown as { element: z.core.$ZodType }).element;
  overrides.set(mutations, validArbitrary(Mutation, { ...options, overrides }));
  overrides.set(ReferenceImportBody.shape.text, fc.oneof(risText(), fc.string({ maxLength: 2000, unit: 'grapheme' })));
  return overrides;
}

/** One line of a RIS field: any text without line breaks, hostile text often. */
const risLine = fc
  .oneof(fc.constantFrom(...VALID_HOSTILE_TEXT), fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }))
  .map((text) => text.replace(/[\r\n]+/g, ' '));

export function risText(): fc.Arbitrary<string> {
  const record = fc.record({
    title: risLine,
    authors: fc.array(risLine, { maxLength: 3 }),
    abstract: fc.option(risLine, { nil: undefined }),
    journal: fc.option(risLine, { nil: undefined }),
    year: fc.integer({ min: 1900, max: 2100 }),
  });
  return fc
    .array(record, { minLength: 1, maxLength: 4 })
    .map((records) =>
      records
        .map((r) =>
          [
            'TY  - JOUR',
            `TI  - ${r.title}`,
            ...r.authors.map((a) => `AU  - ${a}`),
            `PY  - ${r.year}`,
            ...(r.journal ? [`JO  - ${r.journal}`] : []),
            ...(r.abstract ? [`AB  - ${r.abstract}`] : []),
            'ER  - ',
            '',
          ].join('\n'),
        )
        .join('\n'),
    );
}
