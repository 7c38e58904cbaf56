import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// The seeded generator for tests only; the server passes a cryptographic source.
import { mulberry32 } from '../training/quiz.ts';
import {
  AllocationExhaustedError,
  type AllocationSequence,
  allocateNext,
  createAllocationSequence,
  extendAllocationSequence,
  listStratumKeys,
  stratumCapacity,
  stratumKey,
} from './allocation.ts';
import { FACILITY_A, FACILITY_B } from './test-studies.ts';

const ARMS = ['intervention', 'control'];
const STRATA = listStratumKeys([FACILITY_A, FACILITY_B], 'facility_and_parity');

function sequence(seed: number, perStratumLength = 60): AllocationSequence {
  return createAllocationSequence({
    arms: ARMS,
    blockSizes: [4, 6],
    strata: STRATA,
    perStratumLength,
    random: mulberry32(seed),
  });
}

const countOf = (arms: readonly string[], arm: string) => arms.filter((a) => a === arm).length;

describe('stratumKey and listStratumKeys', () => {
  const mother = { facilityId: FACILITY_A, parity: 'primipara' as const };

  it('builds the key from the chosen factors, facility first', () => {
    assert.equal(stratumKey(mother, 'facility_and_parity'), `facility:${FACILITY_A}|parity:primipara`);
    assert.equal(stratumKey(mother, 'facility'), `facility:${FACILITY_A}`);
    assert.equal(stratumKey({ ...mother, parity: 'multipara' }, 'parity'), 'parity:multipara');
    assert.equal(stratumKey(mother, 'none'), 'all');
  });

  it('does not need parity unless stratifying by it', () => {
    assert.equal(stratumKey({ facilityId: FACILITY_B, parity: null }, 'facility'), `facility:${FACILITY_B}`);
    assert.throws(
      () => stratumKey({ facilityId: FACILITY_B, parity: null }, 'facility_and_parity'),
      /cannot stratify by parity: the mother has no parity recorded/,
    );
  });

  it('lists every stratum of a study', () => {
    assert.deepEqual(STRATA, [
      `facility:${FACILITY_A}|parity:primipara`,
      `facility:${FACILITY_A}|parity:multipara`,
      `facility:${FACILITY_B}|parity:primipara`,
      `facility:${FACILITY_B}|parity:multipara`,
    ]);
    assert.deepEqual(listStratumKeys([FACILITY_A, FACILITY_B], 'facility'), [
      `facility:${FACILITY_A}`,
      `facility:${FACILITY_B}`,
    ]);
    assert.deepEqual(listStratumKeys([FACILITY_A, FACILITY_B], 'parity'), ['parity:primipara', 'parity:multipara']);
    assert.deepEqual(listStratumKeys([FACILITY_A, FACILITY_B], 'none'), ['all']);
  });
});

describe('createAllocationSequence', () => {
  it('makes blocks of the allowed sizes, each with the arms equally often', () => {
    const seq = sequence(1);
    assert.deepEqual(Object.keys(seq.strata), STRATA);
    const sizes = new Set<number>();
    for (const blocks of Object.values(seq.strata)) {
      for (const block of blocks) {
        sizes.add(block.length);
        assert.ok([4, 6].includes(block.length), `block size ${block.length}`);
        assert.equal(countOf(block, 'intervention'), block.length / 2);
        assert.equal(countOf(block, 'control'), block.length / 2);
      }
    }
    assert.deepEqual([...sizes].sort(), [4, 6], 'both block sizes are drawn');
  });

  it('holds at least the length asked for, and less than one block more', () => {
    for (const key of STRATA) {
      const capacity = stratumCapacity(sequence(2, 61), key);
      assert.ok(capacity >= 61 && capacity < 61 + 6, `capacity ${capacity}`);
    }
    assert.equal(stratumCapacity(sequence(2), 'facility:elsewhere'), 0);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    assert.deepEqual(sequence(42), sequence(42));
    assert.notDeepEqual(sequence(42), sequence(43));
    assert.notDeepEqual(sequence(42).strata[STRATA[0]!], sequence(42).strata[STRATA[1]!], 'strata differ');
  });

  it('is plain data that survives storage as JSON', () => {
    const seq = sequence(7);
    assert.deepEqual(JSON.parse(JSON.stringify(seq)), seq);
  });

  it('shuffles without bias: each order of a block of 4 about equally often', () => {
    const seq = createAllocationSequence({
      arms: ['a', 'b'],
      blockSizes: [4],
      strata: ['all'],
      perStratumLength: 4 * 6000,
      random: mulberry32(2024),
    });
    const orders = new Map<string, number>();
    for (const block of seq.strata.all ?? []) orders.set(block.join(''), (orders.get(block.join('')) ?? 0) + 1);
    assert.deepEqual([...orders.keys()].sort(), ['aabb', 'abab', 'abba', 'baab', 'baba', 'bbaa']);
    for (const [order, n] of orders) assert.ok(n > 850 && n < 1150, `${order} drawn ${n} times of 6000`);
  });

  it('refuses settings that cannot give balanced blocks', () => {
    const base = { arms: ARMS, blockSizes: [4, 6], strata: ['all'], perStratumLength: 10, random: mulberry32(1) };
    assert.throws(() => createAllocationSequence({ ...base, blockSizes: [4, 5] }), {
      name: 'RangeError',
      message: 'block size 5 is not a positive multiple of the number of arms (2)',
    });
    assert.throws(() => createAllocationSequence({ ...base, blockSizes: [] }), /at least one block size/);
    assert.throws(() => createAllocationSequence({ ...base, arms: ['only'] }), /at least two arms, got 1/);
    assert.throws(() => createAllocationSequence({ ...base, arms: ['a', 'a'] }), /arm ids must differ/);
    assert.throws(() => createAllocationSequence({ ...base, strata: [] }), /at least one stratum/);
    assert.throws(() => createAllocationSequence({ ...base, strata: ['all', 'all'] }), /stratum keys must differ/);
    assert.throws(() => createAllocationSequence({ ...base, perStratumLength: 0 }), /positive whole number, got 0/);
  });

  it('refuses a random source outside [0, 1)', () => {
    for (const bad of [1, -0.1, Number.NaN, 4294967295]) {
      assert.throws(
        () =>
          createAllocationSequence({
            arms: ARMS,
            blockSizes: [4],
            strata: ['all'],
            perStratumLength: 4,
            random: () => bad,
          }),
        {
          name: 'RangeError',
          message: `random source must return a number in [0, 1), got ${bad}`,
        },
      );
    }
  });
});

describe('allocateNext', () => {
  it('returns the sequence in order, one arm at a time', () => {
    const seq = sequence(5);
    const key = STRATA[2]!;
    const flat = (seq.strata[key] ?? []).flat();
    flat.forEach((arm, i) => {
      assert.equal(allocateNext(seq, key, i), arm);
    });
  });

  it('throws a clear error when the stratum is exhausted, and works again once extended', () => {
    const seq = sequence(5, 10);
    const key = STRATA[0]!;
    const capacity = stratumCapacity(seq, key);
    assert.throws(
      () => allocateNext(seq, key, capacity),
      (error: unknown) =>
        error instanceof AllocationExhaustedError &&
        error.stratumKey === key &&
        error.message ===
          `allocation sequence for stratum "${key}" is exhausted after ${capacity} allocations; extend it with extendAllocationSequence`,
    );
    const extended = extendAllocationSequence(seq, key, 10, mulberry32(99));
    assert.ok(ARMS.includes(allocateNext(extended, key, capacity)));
  });

  it('says plainly when a stratum is not in the sequence', () => {
    assert.throws(() => allocateNext(sequence(5), 'facility:new', 0), {
      name: 'AllocationExhaustedError',
      message: 'stratum "facility:new" is not in the allocation sequence; add it with extendAllocationSequence',
    });
  });

  it('refuses a count that is not a whole number of at least 0', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      assert.throws(() => allocateNext(sequence(5), STRATA[0]!, bad), { name: 'RangeError' });
    }
  });
});

describe('extendAllocationSequence', () => {
  it('keeps the blocks already made and adds new ones, without changing the original', () => {
    const seq = sequence(8, 20);
    const before = structuredClone(seq);
    const key = STRATA[1]!;
    const extended = extendAllocationSequence(seq, key, 30, mulberry32(9));
    assert.deepEqual(seq, before);
    const old = seq.strata[key] ?? [];
    assert.deepEqual((extended.strata[key] ?? []).slice(0, old.length), old);
    assert.ok(stratumCapacity(extended, key) >= stratumCapacity(seq, key) + 30);
    for (const other of STRATA.filter((k) => k !== key)) assert.deepEqual(extended.strata[other], seq.strata[other]);
  });

  it('adds a stratum the sequence did not have', () => {
    const extended = extendAllocationSequence(sequence(8), 'facility:new|parity:primipara', 12, mulberry32(3));
    assert.ok(stratumCapacity(extended, 'facility:new|parity:primipara') >= 12);
    assert.equal(
      allocateNext(extended, 'facility:new|parity:primipara', 0),
      extended.strata['facility:new|parity:primipara']?.[0]?.[0],
    );
  });
});

describe('balance over 10,000 allocations across strata', () => {
  it('is equal after every complete block and each arm gets within one block of half', () => {
    let seq = sequence(31337, 500);
    const pickStratum = mulberry32(4242);
    const extender = mulberry32(777);
    const perStratum = new Map(STRATA.map((k) => [k, { n: 0, intervention: 0, control: 0 }]));
    const total = { intervention: 0, control: 0 };
    let extensions = 0;

    for (let i = 0; i < 10_000; i++) {
      const key = STRATA[Math.floor(pickStratum() * STRATA.length)]!;
      const counts = perStratum.get(key)!;
      let next: string;
      try {
        next = allocateNext(seq, key, counts.n);
      } catch (error) {
        assert.ok(error instanceof AllocationExhaustedError);
        seq = extendAllocationSequence(seq, key, 200, extender);
        extensions++;
        next = allocateNext(seq, key, counts.n);
      }
      assert.ok(next === 'intervention' || next === 'control', `unexpected arm ${next}`);
      const arm: 'intervention' | 'control' = next;
      counts[arm]++;
      counts.n++;
      total[arm]++;
      // Within a stratum the arms never drift apart by more than half the largest block.
      assert.ok(Math.abs(counts.intervention - counts.control) <= 3, `imbalance in ${key} after ${counts.n}`);
    }

    // Every complete block ends with the arms equal: check at each block boundary of the final sequence.
    for (const [key, counts] of perStratum) {
      let boundary = 0;
      const seen = { intervention: 0, control: 0 };
      for (const block of seq.strata[key] ?? []) {
        if (boundary + block.length > counts.n) break;
        for (let j = 0; j < block.length; j++)
          seen[allocateNext(seq, key, boundary + j) as 'intervention' | 'control']++;
        boundary += block.length;
        assert.equal(seen.intervention, seen.control, `${key}: unequal after block ending at ${boundary}`);
      }
      assert.ok(counts.n - boundary < 6, `${key}: only the last, open block may be incomplete`);
    }

    assert.ok(extensions > 0, 'the run should have needed to extend some stratum');
    assert.equal(total.intervention + total.control, 10_000);
    assert.ok(Math.abs(total.intervention - 5000) <= 6, `intervention ${total.intervention} of 10000`);
    assert.ok(Math.abs(total.control - 5000) <= 6, `control ${total.control} of 10000`);
  });
});
