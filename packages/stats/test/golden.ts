// Reads the golden files written by R (golden/*.R) and compares numbers with R's: relative 1e-6, or absolute
// 1e-10 for values at or near zero. CI has no R: the tests only read the committed JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** Non-finite numbers are written by the R scripts as the strings "Inf", "-Inf" and "NaN". */
export type RNumber = number | 'Inf' | '-Inf' | 'NaN' | null;

export interface GoldenEntry<Expected> {
  call: string;
  expected?: Expected;
  error?: string;
  warnings?: string[];
}

export interface GoldenFile<Case> {
  description: string;
  generatedBy: string;
  rVersion: string;
  packages: Record<string, string | null>;
  cases: Case[];
}

export function readGolden<Case>(file: string): GoldenFile<Case> {
  const url = new URL(`../golden/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as GoldenFile<Case>;
}

export function fromR(value: RNumber): number {
  if (value === 'Inf') return Number.POSITIVE_INFINITY;
  if (value === '-Inf') return Number.NEGATIVE_INFINITY;
  if (value === 'NaN' || value === null) return Number.NaN;
  return value;
}

export const RELATIVE_TOLERANCE = 1e-6;
export const ABSOLUTE_TOLERANCE = 1e-10;

export function assertCloseToR(actual: number | undefined, expected: RNumber | undefined, label: string): void {
  assert.ok(expected !== undefined, `${label}: R value missing from the golden file`);
  assert.equal(typeof actual, 'number', `${label}: no value computed (R: ${String(expected)})`);
  const want = fromR(expected);
  const got = actual as number;
  if (!Number.isFinite(want)) {
    assert.ok(
      Object.is(got, want) || (Number.isNaN(want) && Number.isNaN(got)),
      `${label}: ${got} but R gives ${want}`,
    );
    return;
  }
  const difference = Math.abs(got - want);
  assert.ok(
    difference <= RELATIVE_TOLERANCE * Math.abs(want) || difference <= ABSOLUTE_TOLERANCE,
    `${label}: ${got} but R gives ${want} (difference ${difference.toExponential(2)})`,
  );
}

/** Reads the arguments R was called with from the call text, e.g. "conf.level = 0.9" or "exact = FALSE". */
export function callArgument(call: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name.replace('.', '\\.')}\\s*=\\s*([^,)]+)`).exec(call);
  return match?.[1]?.trim();
}

export function logicalArgument(call: string, name: string): boolean | undefined {
  const value = callArgument(call, name);
  if (value === undefined) return undefined;
  if (value === 'TRUE') return true;
  if (value === 'FALSE') return false;
  throw new Error(`${name} = ${value} is not TRUE or FALSE in ${call}`);
}

export function numericArgument(call: string, name: string): number | undefined {
  const value = callArgument(call, name);
  return value === undefined ? undefined : Number(value);
}
