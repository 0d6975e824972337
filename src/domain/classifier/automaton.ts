/**
 * One Aho-Corasick automaton over character classes for all patterns of a registry. Compiling only sorts the
 * patterns; trie states, failure links and DFA transitions are created the first time a scan needs them and
 * cached, so scanning is one table lookup per character, linear in the text length, and only the part of
 * the automaton that texts actually visit is ever built.
 */
import { CJK, CLASSES, canonicalOf, classTable, foldedKey, IGNORE, SEP, SEP_END } from "./char-classes";

/** Longest pattern, in classes (start positions come from a ring buffer of this size). */
export const MAX_PATTERN = 255;
const RING = 256;
const INITIAL_STATES = 1024;

/** The automaton; its state tables grow as scans discover states. */
export interface Automaton {
  /** Pattern keys (canonical class characters), sorted: a state is a range of them sharing a prefix. */
  readonly keys: readonly string[];
  /** Pattern index of each sorted key. */
  readonly order: Int32Array;
  /** Number of patterns. */
  readonly patterns: number;
  /** Number of states created so far. */
  states: number;
  /**
   * (state * CLASSES + class) -> ((next state + 1) << 1) | (1 when the next state has output); 0 = not
   * computed yet.
   */
  delta: Int32Array;
  /** Per state: the range [lo, hi) of sorted keys with this prefix, and the prefix length. */
  lo: Int32Array;
  hi: Int32Array;
  depth: Int32Array;
  parent: Int32Array;
  label: Int32Array;
  /** Failure state + 1; 0 = not computed yet. */
  fail: Int32Array;
  /** Pattern ending exactly at a state, + 1; 0 = none. */
  own: Int32Array;
  /** Nearest state with an own pattern along the failure chain, + 1; -1 = none; 0 = not computed. */
  out: Int32Array;
  /** Pattern length in classes, and whether it starts / ends with a separator. */
  readonly patLen: Int32Array;
  readonly patLead: Uint8Array;
  readonly patTrail: Uint8Array;
  /** For patterns with bucketed characters: the folded text a match must have (see foldedKey). */
  readonly verify: readonly (string | undefined)[];
}

/**
 * Prepares the automaton for the given distinct patterns (keys of canonical class characters, already
 * wrapped with separators where needed); `verify` holds the folded text for patterns that use buckets.
 */
export function buildAutomaton(
  patterns: readonly string[],
  verify: readonly (string | undefined)[],
): Automaton {
  const raw = patterns.map((key, p) => ({ key, p }));
  raw.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const patLen = new Int32Array(patterns.length);
  const patLead = new Uint8Array(patterns.length);
  const patTrail = new Uint8Array(patterns.length);
  patterns.forEach((key, p) => {
    patLen[p] = key.length;
    patLead[p] = key.charCodeAt(0) === 1 ? 1 : 0;
    patTrail[p] = key.charCodeAt(key.length - 1) === 1 ? 1 : 0;
  });
  const cap = INITIAL_STATES;
  const a: Automaton = {
    keys: raw.map((r) => r.key),
    order: Int32Array.from(raw, (r) => r.p),
    patterns: patterns.length,
    states: 1,
    delta: new Int32Array(cap * CLASSES),
    lo: new Int32Array(cap),
    hi: new Int32Array(cap),
    depth: new Int32Array(cap),
    parent: new Int32Array(cap),
    label: new Int32Array(cap),
    fail: new Int32Array(cap),
    own: new Int32Array(cap),
    out: new Int32Array(cap),
    patLen,
    patLead,
    patTrail,
    verify,
  };
  a.hi[0] = patterns.length;
  return a;
}

function grown<T extends Int32Array>(arr: T, n: number): T {
  const b = new Int32Array(n);
  b.set(arr);
  return b as T;
}

function ensureCapacity(a: Automaton): void {
  const cap = a.lo.length;
  if (a.states < cap) return;
  const n = cap * 2;
  a.delta = grown(a.delta, n * CLASSES);
  a.lo = grown(a.lo, n);
  a.hi = grown(a.hi, n);
  a.depth = grown(a.depth, n);
  a.parent = grown(a.parent, n);
  a.label = grown(a.label, n);
  a.fail = grown(a.fail, n);
  a.own = grown(a.own, n);
  a.out = grown(a.out, n);
}

/** The trie child of `s` on class `c` (created now), or -1 when no pattern continues that way. */
function trieChild(a: Automaton, s: number, cls: number): number {
  const keys = a.keys;
  const c = canonicalOf(cls);
  const d = a.depth[s]!;
  let lo = a.lo[s]!;
  const hi = a.hi[s]!;
  if (lo < hi && keys[lo]!.length === d) lo++; // the pattern ending here sorts first
  let l = lo;
  let h = hi;
  while (l < h) {
    const m = (l + h) >> 1;
    if (keys[m]!.charCodeAt(d) < c) l = m + 1;
    else h = m;
  }
  if (l >= hi || keys[l]!.charCodeAt(d) !== c) return -1;
  const first = l;
  h = hi;
  while (l < h) {
    const m = (l + h) >> 1;
    if (keys[m]!.charCodeAt(d) <= c) l = m + 1;
    else h = m;
  }
  ensureCapacity(a);
  const t = a.states++;
  a.lo[t] = first;
  a.hi[t] = l;
  a.depth[t] = d + 1;
  a.parent[t] = s;
  a.label[t] = cls;
  a.own[t] = keys[first]!.length === d + 1 ? a.order[first]! + 1 : 0;
  return t;
}

/** The encoded transition from state `s` on class `c`, computed and cached on first use. */
function stepCode(a: Automaton, s: number, c: number): number {
  const v = a.delta[s * CLASSES + c]!;
  if (v > 0) return v;
  const child = trieChild(a, s, c);
  const r = child >= 0 ? child : s === 0 ? 0 : step(a, failOf(a, s), c);
  const code = ((r + 1) << 1) | (outOf(a, r) >= 0 ? 1 : 0);
  a.delta[s * CLASSES + c] = code; // a.delta may have grown during the recursion
  return code;
}

function step(a: Automaton, s: number, c: number): number {
  return (stepCode(a, s, c) >> 1) - 1;
}

function failOf(a: Automaton, s: number): number {
  const f = a.fail[s]!;
  if (f !== 0) return f - 1;
  const p = a.parent[s]!;
  const r = p === 0 ? 0 : step(a, failOf(a, p), a.label[s]!);
  a.fail[s] = r + 1;
  return r;
}

function outOf(a: Automaton, s: number): number {
  const v = a.out[s]!;
  if (v !== 0) return v > 0 ? v - 1 : -1;
  let r: number;
  if (a.own[s] !== 0) r = s;
  else if (s === 0) r = -1;
  else r = outOf(a, failOf(a, s));
  a.out[s] = r >= 0 ? r + 1 : -1;
  return r;
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

const ring = new Int32Array(RING);

function emit(a: Automaton, s: number, n: number, pos: number, text: string, sink: ScanSink): void {
  let t = outOf(a, s);
  while (t >= 0) {
    const p = a.own[t]! - 1;
    const first = n - a.patLen[p]! + a.patLead[p]!;
    const start = ring[first & (RING - 1)]!;
    const end = a.patTrail[p] ? ring[(n - 2) & (RING - 1)]! + 1 : pos + 1;
    const expected = a.verify[p];
    if (expected === undefined || foldedKey(text, start, end) === expected) sink.add(p, start, end);
    t = t === 0 ? -1 : outOf(a, failOf(a, t));
  }
}

/**
 * Scans `text` and adds every pattern occurrence (pattern index, start, end exclusive, in UTF-16 units) to the
 * sink; word boundaries come from the separators the patterns carry. Linear in the text length.
 */
export function scanText(a: Automaton, text: string, sink: ScanSink): void {
  const table = classTable();
  const w = CLASSES;
  let delta = a.delta;
  let n = 0;
  ring[n++ & (RING - 1)] = -1;
  let s = step(a, 0, SEP);
  let prevSep = true;
  let prevCjk = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    let c = table[text.charCodeAt(i)]!;
    if (c <= SEP_END) {
      if (c === IGNORE) continue;
      if (c === SEP_END) sink.stop(i);
      if (prevSep) continue;
      prevSep = true;
      c = SEP;
    } else {
      const cjk = c >= CJK;
      if (cjk !== prevCjk) {
        prevCjk = cjk;
        if (!prevSep) {
          let v = delta[s * w + SEP]!;
          if (v === 0) {
            v = stepCode(a, s, SEP);
            delta = a.delta;
          }
          s = (v >> 1) - 1;
          ring[n++ & (RING - 1)] = i;
          if (v & 1) emit(a, s, n, i - 1, text, sink);
        }
      }
      prevSep = false;
    }
    let v = delta[s * w + c]!;
    if (v === 0) {
      v = stepCode(a, s, c);
      delta = a.delta;
    }
    s = (v >> 1) - 1;
    ring[n++ & (RING - 1)] = i;
    if (v & 1) emit(a, s, n, i, text, sink);
  }
  if (!prevSep) {
    const v = stepCode(a, s, SEP);
    s = (v >> 1) - 1;
    ring[n++ & (RING - 1)] = len;
    if (v & 1) emit(a, s, n, len - 1, text, sink);
  }
}
