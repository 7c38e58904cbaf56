import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as contracts from '@lancar/contracts';
import fc from 'fast-check';
import { z } from 'zod';
import { contractOverrides } from './contract-arbitraries.ts';
import { acceptsAsJson, hostileArbitrary, UnsupportedSchema, validArbitrary } from './zod-arbitrary.ts';

/**
 * The fuzzing is only as good as its generators: valid values must really pass the contracts (or the fuzzing would
 * only ever test the validator), and hostile ones must mostly be refused.
 */
/** The request inputs: bodies, queries and the household records inside a push. */
const schemas = Object.entries(contracts as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] =>
    entry[1] instanceof z.ZodType && /(Body|Query|Input|Schema|Mutation)$/.test(entry[0]),
);
const options = { overrides: contractOverrides() };

describe('fast-check arbitraries from the zod contracts', () => {
  it('finds the contract schemas', () => {
    assert.ok(schemas.length > 30, `${schemas.length} schemas`);
  });

  it('generates values every contract accepts (refinements aside, most of them)', () => {
    for (const [name, schema] of schemas) {
      const values = fc.sample(validArbitrary(schema, options), { numRuns: 40, seed: 7 });
      const accepted = values.filter((value) => acceptsAsJson(schema, value)).length;
      // Refinements (a nappy is wet or dirty, systolic above diastolic, from before to...) refuse some values.
      assert.ok(accepted >= values.length * 0.25, `${name}: ${accepted}/${values.length} accepted`);
    }
  });

  it('generates hostile variants that the contracts mostly refuse', () => {
    for (const [name, schema] of schemas) {
      const cases = fc.sample(hostileArbitrary(schema, options), { numRuns: 40, seed: 11 });
      const refused = cases.filter((c) => !acceptsAsJson(schema, c.body)).length;
      // Loose schemas (z.unknown(), a record of anything) accept much of it; strict request bodies refuse most.
      if (name.endsWith('Body'))
        assert.ok(refused >= cases.length * 0.5, `${name}: ${refused}/${cases.length} refused`);
      for (const c of cases) assert.ok(c.how.length > 0);
    }
  });

  it('refuses to build an arbitrary for a schema it cannot fuzz, rather than skipping it', () => {
    assert.throws(() => validArbitrary(z.lazy(() => z.string())), UnsupportedSchema);
    assert.throws(() => validArbitrary(z.email()), UnsupportedSchema);
    // A phone number is a transform of what people type: without its override the walker says so.
    assert.throws(() => validArbitrary(contracts.PhoneNumber), UnsupportedSchema);
  });

  it('uses real ids for fields the caller names, and fresh random ones otherwise', () => {
    const schema = z.strictObject({ motherId: contracts.Id, id: contracts.Id });
    const known = '0190a0c4-1111-7000-8000-000000000001';
    const values = fc.sample(validArbitrary(schema, { knownByKey: { motherId: [known] } }), { numRuns: 50, seed: 3 });
    assert.ok(values.some((v) => (v as { motherId: string }).motherId === known));
    assert.equal(new Set(values.map((v) => (v as { id: string }).id)).size, values.length, 'no repeated fresh ids');
  });
});
