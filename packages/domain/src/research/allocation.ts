/**
 * Permuted-block randomisation, stratified, with block sizes drawn at random.
 *
 * Allocation concealment: the sequence is made once, stored by the server and never shown to anyone who enrols
 * mothers (nor sent to a phone). Whoever knows upcoming allocations can, knowingly or not, choose which mother to
 * enrol next or when, and the groups stop being comparable (selection bias). So these functions never hand out
 * more than one allocation: `allocateNext` returns only the arm for the mother being allocated now, never the
 * block, its size or the position in it. Call it only after the mother has been found eligible and enrolled,
 * so the allocation cannot change whether she is enrolled. Random block sizes keep the last allocation of a block
 * from being guessed by counting the earlier ones.
 *
 * Randomness comes from the caller: the server passes a cryptographic source, tests a seeded generator.
 * A source from node:crypto, for example: `() => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32`.
 */
import type { Parity, StratifyBy } from './study-design.ts';

/** A number in [0, 1), uniformly distributed. */
export type RandomSource = () => number;

/** Plain JSON for the server to store: the arms in each stratum's blocks, in order. */
export interface AllocationSequence {
  arms: string[];
  blockSizes: number[];
  /** Stratum key -> blocks; each block is a permutation with every arm equally often. */
  strata: Record<string, string[][]>;
}

export interface AllocationSequenceInput {
  /** Arm ids, e.g. ['intervention', 'control']. */
  arms: readonly string[];
  blockSizes: readonly number[];
  /** Stratum keys (see `stratumKey`, `listStratumKeys`). */
  strata: readonly string[];
  /** At least this many allocations per stratum; the last block may take it a little beyond. */
  perStratumLength: number;
  random: RandomSource;
}

/** Thrown when a stratum has no allocation left: the caller extends the sequence and asks again. */
export class AllocationExhaustedError extends Error {
  readonly stratumKey: string;
  constructor(stratumKey: string, allocated: number, known: boolean) {
    super(
      known
        ? `allocation sequence for stratum "${stratumKey}" is exhausted after ${allocated} allocations; extend it with extendAllocationSequence`
        : `stratum "${stratumKey}" is not in the allocation sequence; add it with extendAllocationSequence`,
    );
    this.name = 'AllocationExhaustedError';
    this.stratumKey = stratumKey;
  }
}

/** Key of the stratum when a study is not stratified. */
export const UNSTRATIFIED_KEY = 'all';

/** The stratum a mother falls in, e.g. 'facility:<id>|parity:primipara'; 'all' when not stratified. */
export function stratumKey(mother: { facilityId: string; parity: Parity | null }, stratifyBy: StratifyBy): string {
  const parts: string[] = [];
  if (stratifyBy === 'facility' || stratifyBy === 'facility_and_parity') {
    if (!mother.facilityId) throw new Error('cannot stratify by facility: the mother has no facility');
    parts.push(`facility:${mother.facilityId}`);
  }
  if (stratifyBy === 'parity' || stratifyBy === 'facility_and_parity') {
    if (!mother.parity) throw new Error('cannot stratify by parity: the mother has no parity recorded');
    parts.push(`parity:${mother.parity}`);
  }
  return parts.length === 0 ? UNSTRATIFIED_KEY : parts.join('|');
}

const PARITIES: readonly Parity[] = ['primipara', 'multipara'];

/** Every stratum a study can have, to create its sequence up front. */
export function listStratumKeys(facilityIds: readonly string[], stratifyBy: StratifyBy): string[] {
  const facilities = stratifyBy === 'facility' || stratifyBy === 'facility_and_parity' ? facilityIds : [''];
  const parities = stratifyBy === 'parity' || stratifyBy === 'facility_and_parity' ? PARITIES : [null];
  return facilities.flatMap((facilityId) => parities.map((parity) => stratumKey({ facilityId, parity }, stratifyBy)));
}

function draw(random: RandomSource, n: number): number {
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random source must return a number in [0, 1), got ${r}`);
  return Math.floor(r * n);
}

/** A block of `size` with every arm size/arms times, in random order (Fisher-Yates). */
function randomBlock(arms: readonly string[], size: number, random: RandomSource): string[] {
  const block = Array.from({ length: size }, (_, i) => arms[i % arms.length] as string);
  for (let i = block.length - 1; i > 0; i--) {
    const j = draw(random, i + 1);
    [block[i], block[j]] = [block[j] as string, block[i] as string];
  }
  return block;
}

function checkSettings(arms: readonly string[], blockSizes: readonly number[]): void {
  if (arms.length < 2) throw new RangeError(`need at least two arms, got ${arms.length}`);
  if (new Set(arms).size !== arms.length) throw new RangeError(`arm ids must differ, got ${arms.join(', ')}`);
  if (blockSizes.length === 0) throw new RangeError('need at least one block size');
  for (const size of blockSizes) {
    if (!Number.isInteger(size) || size <= 0 || size % arms.length !== 0)
      throw new RangeError(`block size ${size} is not a positive multiple of the number of arms (${arms.length})`);
  }
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length <= 0)
    throw new RangeError(`length per stratum must be a positive whole number, got ${length}`);
}

/** Blocks for one stratum, drawn until they hold at least `length` allocations. */
function blocksFor(arms: readonly string[], blockSizes: readonly number[], length: number, random: RandomSource) {
  const blocks: string[][] = [];
  let total = 0;
  while (total < length) {
    const size = blockSizes[draw(random, blockSizes.length)] as number;
    blocks.push(randomBlock(arms, size, random));
    total += size;
  }
  return blocks;
}

/** A new sequence: for each stratum, in the order given, random-size blocks of random permutations. */
export function createAllocationSequence(input: AllocationSequenceInput): AllocationSequence {
  checkSettings(input.arms, input.blockSizes);
  checkLength(input.perStratumLength);
  if (input.strata.length === 0) throw new RangeError('need at least one stratum');
  if (new Set(input.strata).size !== input.strata.length) throw new RangeError('stratum keys must differ');
  const strata: Record<string, string[][]> = {};
  for (const key of input.strata) {
    strata[key] = blocksFor(input.arms, input.blockSizes, input.perStratumLength, input.random);
  }
  return { arms: [...input.arms], blockSizes: [...input.blockSizes], strata };
}

/**
 * A copy of the sequence with at least `additionalLength` more allocations in one stratum (a stratum not yet in
 * the sequence, such as a facility that joined later, is added). Existing blocks are kept as they are, so
 * allocations already made still match the sequence.
 */
export function extendAllocationSequence(
  sequence: AllocationSequence,
  key: string,
  additionalLength: number,
  random: RandomSource,
): AllocationSequence {
  checkSettings(sequence.arms, sequence.blockSizes);
  checkLength(additionalLength);
  const existing = Object.hasOwn(sequence.strata, key) ? (sequence.strata[key] ?? []) : [];
  return {
    ...sequence,
    strata: {
      ...sequence.strata,
      [key]: [...existing, ...blocksFor(sequence.arms, sequence.blockSizes, additionalLength, random)],
    },
  };
}

/** How many allocations a stratum holds in all (0 for a stratum not in the sequence). For extending in time. */
export function stratumCapacity(sequence: AllocationSequence, key: string): number {
  if (!Object.hasOwn(sequence.strata, key)) return 0;
  return (sequence.strata[key] ?? []).reduce((sum, block) => sum + block.length, 0);
}

/**
 * The arm of the next mother in a stratum, given how many were already allocated in it. Reveals that one arm and
 * nothing else (see the module comment). Throws AllocationExhaustedError when the stratum's blocks are used up or
 * the stratum is not in the sequence.
 */
export function allocateNext(sequence: AllocationSequence, key: string, alreadyAllocatedInStratum: number): string {
  if (!Number.isInteger(alreadyAllocatedInStratum) || alreadyAllocatedInStratum < 0)
    throw new RangeError(
      `already allocated in stratum must be a whole number of at least 0, got ${alreadyAllocatedInStratum}`,
    );
  const known = Object.hasOwn(sequence.strata, key);
  const blocks = known ? (sequence.strata[key] ?? []) : [];
  let position = alreadyAllocatedInStratum;
  for (const block of blocks) {
    if (position < block.length) return block[position] as string;
    position -= block.length;
  }
  throw new AllocationExhaustedError(key, alreadyAllocatedInStratum, known);
}
