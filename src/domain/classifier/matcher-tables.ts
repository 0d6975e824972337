/**
 * A compiled registry as plain data: the pattern keys of the automaton and what each pattern means, with case
 * references by index. Compiling (compile-tables.ts) is the costly step; loading these tables
 * (compile-registry.ts) is cheap, so the built-in registry ships them precompiled
 * (compiled-registry.generated.ts) and a Worker isolate skips compiling at cold start. Per-pattern data is
 * packed into ASCII strings read like typed arrays (unpackAt), so loading decodes nothing up front.
 */
import type { Role } from "./case-terms";

/** Case reference roles, by index in the tables. */
export const ROLES: readonly Role[] = [
  "id",
  "docket",
  "plaintiff",
  "weak",
  "kind",
  "defendant",
  "product",
  "judge",
  "term",
  "key",
  "venue",
];

/**
 * A compiled registry as data. Patterns are numbered by the sorted order of their keys; "packed" fields
 * hold numbers written by packNumbers.
 */
export interface MatcherTables {
  /** Ids of the compiled cases, in registry order (case indices refer to them). */
  caseIds: string[];
  /** Filing time per case (ms since epoch), null when unknown. */
  filed: (number | null)[];
  /** Pattern keys (canonical class characters, a space where a word boundary is needed), concatenated in order. */
  keys: string;
  /** Packed: where each key starts in `keys`, then the end (patterns + 1 numbers). */
  keyAt: string;
  /** The term of each pattern as first written (shown as evidence), concatenated. */
  display: string;
  /** Packed: where each display text starts, then the end. */
  displayAt: string;
  /** Packed per pattern: vocabulary categories (bits of V). */
  vocab: string;
  /** Packed per pattern: index into weightSets. */
  weight: string;
  /** Distinct AI, copyright, litigation and other-legal-subject weights; the first is all zeros. */
  weightSets: [number, number, number, number][];
  /** Packed: where each pattern's case references start in refList, then the end. */
  refAt: string;
  /** Packed pairs of case index and role index (into ROLES). */
  refList: string;
  /** Pairs of pattern index and the folded text its matches must have (patterns using letter buckets). */
  verify: (number | string)[];
  /**
   * Pairs of a shadow pattern and the pattern owning its key: terms whose letters share buckets (two CJK names)
   * have one key in the automaton, and a match is reported as the one whose folded text it has. Shadows are
   * numbered after all key owners (they have per-pattern data but no key).
   */
  shadowOf: number[];
}

/** Packed digits: 32 consecutive printable ASCII characters (";" to "Z") that JSON and JS strings keep as is. */
const DIGIT_0 = 59;
const DIGIT_BITS = 5;
/** Most digits per number (30 bits). */
const MAX_WIDTH = 6;

/**
 * Writes non-negative integers below 2^30 in fixed width: one character giving the width ("1".."6"), then
 * that many base-32 digits per number. Plain ASCII keeps the generated module small after bundling.
 */
export function packNumbers(xs: readonly number[]): string {
  let max = 0;
  for (const x of xs) {
    if (!Number.isInteger(x) || x < 0 || x >= 2 ** (DIGIT_BITS * MAX_WIDTH))
      throw new Error(`cannot pack ${x}`);
    max = Math.max(max, x);
  }
  let width = 1;
  while (max >= 2 ** (DIGIT_BITS * width)) width++;
  const chars: string[] = [String(width)];
  for (const x of xs) {
    for (let j = width - 1; j >= 0; j--) {
      chars.push(String.fromCharCode(DIGIT_0 + (Math.floor(x / 2 ** (DIGIT_BITS * j)) % 32)));
    }
  }
  return chars.join("");
}

/** The i-th number of a packed string. */
export function unpackAt(packed: string, i: number): number {
  const width = packed.charCodeAt(0) - 48;
  let x = 0;
  for (let j = 1 + i * width, end = j + width; j < end; j++) x = x * 32 + packed.charCodeAt(j) - DIGIT_0;
  return x;
}

/** How many numbers a packed string holds. */
export function packedCount(packed: string): number {
  return (packed.length - 1) / (packed.charCodeAt(0) - 48);
}
