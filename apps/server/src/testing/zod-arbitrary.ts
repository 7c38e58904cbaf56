import fc from 'fast-check';
import { z } from 'zod';
import { INVALID_TEXT, VALID_HOSTILE_TEXT } from './hostile-text.ts';

/**
 * fast-check arbitraries derived from zod 4 schemas, for fuzzing the API with bodies shaped by its own contracts
 * (docs/decisions/0015-fuzzing-from-zod-contracts.md says why this is ours rather than a library).
 *
 * - `validArbitrary(schema)`: values that pass the schema's types, lengths, ranges and formats (refinements aside),
 *   with hostile-but-valid text (markup, SQL, unicode, spreadsheet formulas) mixed into the strings.
 * - `hostileArbitrary(schema)`: a valid value with one thing wrong (a field of the wrong type, missing, extra, too
 *   long, out of range, with NUL...), or arbitrary JSON in place of the body.
 *
 * A schema the walker does not understand throws `UnsupportedSchema` when the arbitrary is built, so a new route
 * whose body cannot be fuzzed fails the fuzzing test instead of silently escaping it.
 */

type Schema = z.core.$ZodType;

export class UnsupportedSchema extends Error {}

export interface ArbitraryOptions {
  /** Arbitraries for particular schema instances (a transform the walker cannot invert, a loose envelope). */
  overrides?: ReadonlyMap<Schema, fc.Arbitrary<unknown>>;
  /**
   * Real values for string fields of this name (motherId, babyId, a pseudonym...), mixed with generated ones, so that
   * a valid body can get past the lookups and reach the database.
   */
  knownByKey?: Readonly<Record<string, readonly string[]>>;
  /** The clock dates are generated around (most fall within two months before it). */
  now?: Date;
}

interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  discriminator?: string;
  keyType?: Schema;
  valueType?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;
const checksOf = (schema: Schema): Check[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);

function bounds(schema: Schema): { min: number | undefined; max: number | undefined } {
  let min: number | undefined;
  let max: number | undefined;
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') min = check.minimum;
    if (check.check === 'max_length') max = check.maximum;
    if (check.check === 'length_equals') min = max = check.length;
  }
  return { min, max };
}

function numberBounds(schema: Schema) {
  let min: number | undefined;
  let max: number | undefined;
  let minExcluded = false;
  let maxExcluded = false;
  let integer = false;
  for (const check of checksOf(schema)) {
    if (check.check === 'greater_than') [min, minExcluded] = [check.value, !check.inclusive];
    if (check.check === 'less_than') [max, maxExcluded] = [check.value, !check.inclusive];
    if (check.check === 'number_format') integer = true;
    if (check.check === 'multiple_of') throw new UnsupportedSchema('multipleOf is not supported');
  }
  return { min, max, minExcluded, maxExcluded, integer };
}

/** Optional in an object: the key may be left out of the input. */
const mayBeOmitted = (schema: Schema): boolean => ['optional', 'default', 'prefault'].includes(defOf(schema).type);

const DAY = 24 * 3600 * 1000;
/** Longer strings than this cannot arrive anyway: the server reads at most 256 KB of body. */
const LONGEST_STRING = 64 * 1024;

function instant(now: Date): fc.Arbitrary<number> {
  const t = now.getTime();
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: t - 60 * DAY, max: t + DAY }) },
    // Far past and far future, inside what both JavaScript and PostgreSQL can hold.
    { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }) },
  );
}

function isoDateTime(now: Date): fc.Arbitrary<string> {
  const offsets = [0, 420, 480, 540, -300, 330];
  return fc.tuple(instant(now), fc.constantFrom(...offsets), fc.boolean()).map(([ms, offset, millis]) => {
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, millis ? 23 : 19);
    if (offset === 0) return `${local}Z`;
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });
}

const isoDate = (now: Date) => instant(now).map((ms) => new Date(ms).toISOString().slice(0, 10));

/** A random v4-shaped uuid without fast-check's bias towards a few small values (which would collide). */
const freshUuid = () => fc.noBias(fc.uuid({ version: 4 }));

function stringArbitrary(schema: Schema, key: string | undefined, options: ArbitraryOptions): fc.Arbitrary<string> {
  const known = key ? options.knownByKey?.[key] : undefined;
  const generated = generatedString(schema, options);
  return known?.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated })
    : generated;
}

function generatedString(schema: Schema, options: ArbitraryOptions): fc.Arbitrary<string> {
  const def = defOf(schema);
  const now = options.now ?? new Date();
  if (def.format === 'uuid' || def.format === 'guid') return freshUuid();
  if (def.format === 'datetime') return isoDateTime(now);
  if (def.format === 'date') return isoDate(now);
  if (def.format) throw new UnsupportedSchema(`string format "${def.format}"`);
  const regex = checksOf(schema).find((c) => c.check === 'string_format');
  if (regex && regex.format !== 'regex') throw new UnsupportedSchema(`string format "${regex.format}"`);
  const { min = 0, max = 10_000 } = bounds(schema);
  const accepts = (value: string) => ok(schema, value);
  if (regex?.pattern) return fc.stringMatching(regex.pattern, { size: 'small' }).filter(accepts);
  const hostile = VALID_HOSTILE_TEXT.filter(accepts);
  const candidates: fc.Arbitrary<string>[] = [
    fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme-ascii' }),
    // Exactly as long as allowed (counted in UTF-16 code units, as zod counts), up to what a body can carry.
    fc.constantFrom('a', 'é', '🤱').map((unit) => unit.repeat(Math.floor(Math.min(max, LONGEST_STRING) / unit.length))),
  ];
  if (hostile.length > 0) candidates.push(fc.constantFrom(...hostile));
  return fc.oneof(...candidates).filter(accepts);
}

function ok(schema: Schema, value: unknown): boolean {
  return z.safeParse(schema, value).success;
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const b = numberBounds(schema);
  if (b.integer) {
    const min = b.min === undefined ? -(2 ** 31) : Math.ceil(b.minExcluded ? b.min + 1 : b.min);
    const max = b.max === undefined ? 2 ** 31 : Math.floor(b.maxExcluded ? b.max - 1 : b.max);
    return fc.integer({ min, max });
  }
  return fc.double({
    min: b.min ?? -1e9,
    max: b.max ?? 1e9,
    minExcluded: b.minExcluded,
    maxExcluded: b.maxExcluded,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values that pass `schema` (up to its refinements), shaped as the schema's input. */
export function validArbitrary(schema: Schema, options: ArbitraryOptions = {}, key?: string): fc.Arbitrary<unknown> {
  const override = options.overrides?.get(schema);
  if (override) return override;
  const def = defOf(schema);
  const inner = (child: Schema | undefined, childKey = key) => {
    if (!child) throw new UnsupportedSchema(`${def.type} without an inner schema`);
    return validArbitrary(child, options, childKey);
  };
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, key, options);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'object': {
      const shape = def.shape ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(shape)) model[name] = validArbitrary(child, options, name);
      const requiredKeys = Object.keys(shape).filter((name) => !mayBeOmitted(shape[name] as Schema));
      return fc.record(model, { requiredKeys });
    }
    case 'array': {
      const { min = 0, max = 20 } = bounds(schema);
      const element = inner(def.element);
      return fc.oneof(
        { weight: 12, arbitrary: fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) }) },
        // As many elements as allowed: a push of 100 mutations, a review extraction with 50 results.
        { weight: 1, arbitrary: fc.array(element, { minLength: max, maxLength: max }) },
      );
    }
    case 'record':
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 6 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'pipe': {
      // Generate what the pipe's output side accepts and keep what the whole pipe accepts (a NIK: 16 digits); a
      // pipe into a transform (a phone number) cannot be inverted and needs an override.
      const side = def.out && defOf(def.out).type !== 'transform' ? def.out : def.in;
      if (!side || defOf(side).type === 'transform') throw new UnsupportedSchema('pipe into a transform');
      const candidates = inner(side);
      const sample = fc.sample(candidates, { numRuns: 50, seed: 1 });
      if (sample.filter((value) => ok(schema, value)).length < 10) {
        throw new UnsupportedSchema('pipe whose input cannot be generated: give it an override');
      }
      return candidates.filter((value) => ok(schema, value));
    }
    default:
      throw new UnsupportedSchema(`zod type "${def.type}"`);
  }
}

/** One hostile request body and what was done to make it so (printed when a property fails). */
export interface HostileCase {
  how: string;
  body: unknown;
}

/** A place in a value where something can go wrong, with the schema that describes it. */
interface Spot {
  path: (string | number)[];
  schema: Schema;
  value: unknown;
}

/** Every place in `value` that `schema` describes, from the root down. */
function spotsOf(schema: Schema, value: unknown, path: (string | number)[] = []): Spot[] {
  const def = defOf(schema);
  const here: Spot = { path, schema, value };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return value === undefined || value === null || !def.innerType
        ? [here]
        : [here, ...spotsOf(def.innerType, value, path).slice(1)];
    case 'object': {
      if (!isObject(value)) return [here];
      const children = Object.entries(def.shape ?? {}).flatMap(([name, child]) =>
        name in value ? spotsOf(child, value[name], [...path, name]) : [],
      );
      return [here, ...children];
    }
    case 'array':
      return Array.isArray(value) && def.element
        ? [here, ...value.flatMap((item, i) => spotsOf(def.element as Schema, item, [...path, i]))]
        : [here];
    case 'record':
      return isObject(value) && def.valueType
        ? [here, ...Object.entries(value).flatMap(([k, v]) => spotsOf(def.valueType as Schema, v, [...path, k]))]
        : [here];
    case 'union': {
      const option = (def.options ?? []).find((o) => ok(o, value));
      return option ? [here, ...spotsOf(option, value, path).slice(1)] : [here];
    }
    default:
      return [here];
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The wrong values worth trying at one spot, by what the schema expects there. */
function wrongValuesFor(spot: Spot): { how: string; value: unknown }[] {
  const def = defOf(spot.schema);
  const base = innerMost(spot.schema);
  const baseDef = defOf(base);
  const wrongTypes: { how: string; value: unknown }[] = [
    { how: 'null', value: null },
    { how: 'a number', value: 7 },
    { how: 'a boolean', value: true },
    { how: 'a string', value: 'x' },
    { how: 'an empty object', value: {} },
    { how: 'an array', value: [1, 'a'] },
  ];
  const out = [...wrongTypes];
  if (baseDef.type === 'string') {
    const { max = 1000 } = bounds(base);
    out.push(
      { how: 'an empty string', value: '' },
      { how: 'only spaces', value: '   ' },
      { how: 'one character too long', value: 'x'.repeat(max + 1) },
      { how: 'very long (64 KB)', value: 'é'.repeat(32 * 1024) },
      { how: 'a lone surrogate', value: 'ab\ud800cd' },
      ...INVALID_TEXT.map((text) => ({ how: `a control character (${JSON.stringify(text)})`, value: text })),
      ...VALID_HOSTILE_TEXT.map((text) => ({ how: `hostile text ${JSON.stringify(text)}`, value: text })),
      { how: 'an impossible date', value: '2026-02-30' },
      { how: 'year zero', value: '0000-01-01T00:00:00Z' },
      { how: 'a far-future date', value: '9999-12-31T23:59:59Z' },
      { how: 'not a uuid', value: '1; DROP TABLE mother' },
    );
  }
  if (baseDef.type === 'number') {
    const b = numberBounds(base);
    if (b.min !== undefined) out.push({ how: 'below the minimum', value: b.min - 1 });
    if (b.max !== undefined) out.push({ how: 'above the maximum', value: b.max + 1 });
    out.push(
      { how: 'a fraction', value: 1.5 },
      { how: 'negative', value: -1 },
      { how: 'huge', value: 1e308 },
      { how: 'beyond a safe integer', value: 2 ** 63 },
      { how: 'a numeric string', value: '12' },
    );
  }
  if (baseDef.type === 'array') {
    const { min = 0, max = 100 } = bounds(base);
    const element = Array.isArray(spot.value) && spot.value.length > 0 ? spot.value[0] : 'x';
    out.push(
      { how: 'an empty array', value: [] },
      { how: 'one element too many', value: Array.from({ length: max + 1 }, () => element) },
      { how: 'many small elements (within the body limit)', value: Array.from({ length: 20_000 }, () => 0) },
    );
    if (min > 1) out.push({ how: 'one element too few', value: Array.from({ length: min - 1 }, () => element) });
  }
  if (baseDef.type === 'enum' || baseDef.type === 'literal') {
    out.push({ how: 'a value not in the list', value: 'not-a-choice' });
    const first = String((baseDef.values ?? Object.values(baseDef.entries ?? {}))[0] ?? '');
    out.push({ how: 'the first choice in capitals', value: first.toUpperCase() });
  }
  if (baseDef.type === 'object' || baseDef.type === 'record') {
    out.push({
      how: 'a wide object (5,000 keys)',
      value: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])),
    });
  }
  if (def.type === 'optional' || def.type === 'nullable') out.push({ how: 'undefined', value: undefined });
  return out;
}

function innerMost(schema: Schema): Schema {
  const def = defOf(schema);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
    return def.innerType ? innerMost(def.innerType) : schema;
  }
  if (def.type === 'pipe' && def.in) return innerMost(def.in);
  return schema;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

const EXTRA_KEYS = ['isAdmin', 'facilityId', 'role', 'status', 'createdBy', 'constructor'];

/** Hostile variants of a valid `value`: one spot changed, removed, or an object given an extra key. */
function mutate(schema: Schema, value: unknown): fc.Arbitrary<HostileCase> {
  const spots = spotsOf(schema, value);
  return fc.constantFrom(...spots).chain((spot) => {
    const at = spot.path.length ? spot.path.join('.') : '(root)';
    const choices: fc.Arbitrary<HostileCase>[] = [
      fc
        .constantFrom(...wrongValuesFor(spot))
        .map(({ how, value: wrong }) => ({ how: `${at} is ${how}`, body: setAt(value, spot.path, wrong) })),
    ];
    if (spot.path.length > 0) {
      choices.push(fc.constant({ how: `${at} is missing`, body: setAt(value, spot.path, undefined, true) }));
    }
    if (isObject(spot.value)) {
      choices.push(
        fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([extra, extraValue]) => ({
          how: `${at} has an extra field "${extra}"`,
          body: setAt(value, [...spot.path, extra], extraValue),
        })),
      );
    }
    return fc.oneof(...choices);
  });
}

/** Bodies that are wrong in one place, or wrong altogether. */
export function hostileArbitrary(schema: Schema, options: ArbitraryOptions = {}): fc.Arbitrary<HostileCase> {
  return fc.oneof(
    { weight: 6, arbitrary: validArbitrary(schema, options).chain((value) => mutate(schema, value)) },
    { weight: 1, arbitrary: fc.jsonValue().map((body) => ({ how: 'arbitrary JSON', body })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>([], 'text', 0, true, null, {}, [{}])
        .map((body) => ({ how: `the body is ${JSON.stringify(body)}`, body })),
    },
  );
}

/** Whether `schema` accepts `value` as it arrives over HTTP (after a JSON round trip). */
export function acceptsAsJson(schema: Schema, value: unknown): boolean {
  const text = JSON.stringify(value);
  return text !== undefined && ok(schema, JSON.parse(text));
}
