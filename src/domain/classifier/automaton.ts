/**
 * One Aho-Corasick automaton over character classes for all patterns of a registry. Building it only takes
 * the sorted pattern keys; trie states, failure links, DFA transitions and output lists are created the first
 * time a scan needs them and cached (automaton-states.ts), so scanning is one table lookup per character,
 * linear in the text length, and only the part of the automaton that texts actually visit is ever built.
 */
import { outputsOf, ROOT, stepCode } from "./automaton-states";
import { CJK, CLASSES, classTable, foldedKey, IGNORE, SEP, SEP_END } from "./char-classes";
import { packedCount } from "./matcher-tables";

/** Longest pattern, in classes (start positions come from a ring buffer of this size). */
export const MAX_PATTERN = 255;
const RING = 256;
const INITIAL_STATES = 1024;

/** The automaton; its state tables grow as scans discover states. */
export interface Automaton {
  /**
   * Pattern keys (canonical class characters) concatenated in sorted order; a pattern's index is its rank,
   * and a state is a range of patterns sharing a prefix.
   */
  readonly keyText: string;
  /** Packed (see packNumbers): where each key starts in keyText, then the end. */
  readonly keyAt: string;
  /** keyAt decoded as needed; -1 = not yet. */
  readonly keyStart: Int32Array;
  /** Number of patterns with a key (shadow patterns, which share a key, are numbered after them). */
  readonly patterns: number;
  /** Number of states created so far (they are numbered 1..states; ROOT = 1). */
  states: number;
  /**
   * (state * CLASSES + class) -> transition code (see stepCode); 0 = not computed yet. 16 bits wide while the
   * states fit, 32 bits beyond.
   */
  delta: Uint16Array | Int32Array;
  /** Per state: the range [lo, hi) of sorted keys with this prefix, and the prefix length. */
  lo: Int32Array;
  hi: Int32Array;
  depth: Int32Array;
  parent: Int32Array;
  label: Int32Array;
  /** Failure state; 0 = not computed yet. */
  fail: Int32Array;
  /** Pattern ending exactly at a state, + 1; 0 = none. */
  own: Int32Array;
  /** Nearest state with an own pattern along the failure chain; -1 = none; 0 = not computed. */
  out: Int32Array;
  /** Per state: start of its output run in outList, + 1; 0 = not computed. */
  outHead: Int32Array;
  /** Runs of pattern indices, each closed by -1 (see outputsOf). */
  outList: Int32Array;
  outCount: number;
  /** Pattern length in classes (0 until the pattern is an output), and whether it starts / ends with a separator. */
  readonly patLen: Int32Array;
  readonly patLead: Uint8Array;
  readonly patTrail: Uint8Array;
  /**
   * For patterns with bucketed characters: the folded text a match must have (see foldedKey); indexed like
   * pattern data, shadows included.
   */
  readonly verify: readonly (string | undefined)[];
  /** Per key owner: the shadow patterns sharing its key (reported instead when their folded text matches). */
  readonly shadows: readonly (readonly number[] | undefined)[];
  /** Called for a pattern before its first match can be reported. */
  readonly ready: ((p: number) => void) | undefined;
}

/**
 * Prepares the automaton for distinct patterns, given as keys of canonical class characters (already wrapped
 * with separators where needed) concatenated in sorted order, with their packed offsets (see packNumbers):
 * pattern p is keyText from unpackAt(keyAt, p) to unpackAt(keyAt, p + 1). `verify` holds, per pattern, the
 * folded text for patterns that use buckets; `shadows`, per key owner, the patterns numbered after all keys
 * that share its key and differ in folded text. `ready` is called for a pattern before its first match can be
 * reported.
 */
export function buildAutomaton(
  keyText: string,
  keyAt: string,
  verify: readonly (string | undefined)[],
  ready?: (p: number) => void,
  shadows: readonly (readonly number[] | undefined)[] = [],
): Automaton {
  const n = packedCount(keyAt) - 1;
  const cap = INITIAL_STATES;
  const a: Automaton = {
    keyText,
    keyAt,
    keyStart: new Int32Array(n + 1).fill(-1),
    patterns: n,
    states: 1,
    delta: new Uint16Array(cap * CLASSES),
    lo: new Int32Array(cap),
    hi: new Int32Array(cap),
    depth: new Int32Array(cap),
    parent: new Int32Array(cap),
    label: new Int32Array(cap),
    fail: new Int32Array(cap),
    own: new Int32Array(cap),
    out: new Int32Array(cap),
    outHead: new Int32Array(cap),
    outList: new Int32Array(256),
    outCount: 0,
    patLen: new Int32Array(n),
    patLead: new Uint8Array(n),
    patTrail: new Uint8Array(n),
    verify,
    shadows,
    ready,
  };
  a.hi[ROOT] = n;
  return a;
}

/** Where scan results go: matches (pattern, start, end exclusive) and possible sentence ends, in typed arrays. */
export class ScanSink {
  count = 0;
  pat: Int32Array<ArrayBuffer> = new Int32Array(256);
  start: Int32Array<ArrayBuffer> = new Int32Array(256);
  end: Int32Array<ArrayBuffer> = new Int32Array(256);
  stopCount = 0;
  stops: Int32Array<ArrayBuffer> = new Int32Array(256);

  /** @param maxMatches matches are no longer recorded past this many (bounds memory on huge inputs). */
  constructor(readonly maxMatches = 200_000) {}

  /** Empties the sink for reuse. */
  reset(): void {
    this.count = 0;
    this.stopCount = 0;
  }

  add(p: number, start: number, end: number): void {
    if (this.count >= this.maxMatches) return;
    if (this.count === this.pat.length) {
      const n = this.pat.length * 2;
      this.pat = grow(this.pat, n);
      this.start = grow(this.start, n);
      this.end = grow(this.end, n);
    }
    this.pat[this.count] = p;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }

  stop(i: number): void {
    if (this.stopCount === this.stops.length) this.stops = grow(this.stops, this.stops.length * 2);
    this.stops[this.stopCount++] = i;
  }
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Text position of each class read, by class count modulo RING (match starts are read back from it). */
const ring = new Int32Array(RING);
const MASK = RING - 1;

/** Adds the patterns ending at state `s` (the n-th class read, at text position `pos`) to the sink. */
function emit(a: Automaton, s: number, n: number, pos: number, text: string, sink: ScanSink): void {
  let j = outputsOf(a, s);
  const list = a.outList;
  for (let p = list[j]!; p >= 0; p = list[++j]!) {
    const start = ring[(n - a.patLen[p]! + a.patLead[p]!) & MASK]!;
    const end = a.patTrail[p] ? ring[(n - 2) & MASK]! + 1 : pos + 1;
    const expected = a.verify[p];
    if (expected === undefined) {
      sink.add(p, start, end);
      continue;
    }
    const folded = foldedKey(text, start, end);
    if (folded === expected) sink.add(p, start, end);
    else {
      for (const q of a.shadows[p] ?? []) {
        if (a.verify[q] !== folded) continue;
        a.ready?.(q);
        sink.add(q, start, end);
        break;
      }
    }
  }
}

/**
 * Scans `text` and adds every pattern occurrence (pattern index, start, end exclusive, in UTF-16 units) to the
 * sink; word boundaries come from the separators the patterns carry. Linear in the text length.
 */
export function scanText(a: Automaton, text: string, sink: ScanSink): void {
  const table = classTable();
  const r = ring;
  const w = CLASSES;
  let delta = a.delta;
  let n = 0;
  r[n++ & MASK] = -1;
  let s = stepCode(a, ROOT, SEP) >> 1;
  let prevSep = true;
  let prevCjk = false;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = table[text.charCodeAt(i)]!;
    if (c > SEP_END && c < CJK && !prevCjk) {
      // the common case, a run of word characters outside CJK: one transition each
      prevSep = false;
      do {
        let v = delta[s * w + c]!;
        if (v === 0) {
          v = stepCode(a, s, c);
          delta = a.delta;
        }
        s = v >> 1;
        r[n++ & MASK] = i;
        if (v & 1) emit(a, s, n, i, text, sink);
        if (++i === len) break;
        c = table[text.charCodeAt(i)]!;
      } while (c > SEP_END && c < CJK);
      continue;
    }
    if (c > SEP_END) {
      if (c >= CJK !== prevCjk) {
        prevCjk = !prevCjk;
        if (!prevSep) {
          // a separator between CJK and other word characters
          let v = delta[s * w + SEP]!;
          if (v === 0) {
            v = stepCode(a, s, SEP);
            delta = a.delta;
          }
          s = v >> 1;
          r[n++ & MASK] = i;
          if (v & 1) emit(a, s, n, i - 1, text, sink);
        }
      }
      prevSep = false;
    } else {
      if (c === SEP_END) sink.stop(i);
      if (c === IGNORE || prevSep) {
        i++;
        continue;
      }
      prevSep = true;
      c = SEP;
    }
    let v = delta[s * w + c]!;
    if (v === 0) {
      v = stepCode(a, s, c);
      delta = a.delta;
    }
    s = v >> 1;
    r[n++ & MASK] = i;
    if (v & 1) emit(a, s, n, i, text, sink);
    i++;
  }
  if (!prevSep) {
    const v = stepCode(a, s, SEP);
    s = v >> 1;
    r[n++ & MASK] = len;
    if (v & 1) emit(a, s, n, len - 1, text, sink);
  }
}
