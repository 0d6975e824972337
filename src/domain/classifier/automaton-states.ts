/**
 * Lazy construction of the automaton's states: trie children, failure links, DFA transitions and output
 * lists are computed the first time a scan needs them and cached in the automaton's typed arrays. States
 * are numbered from 1 (ROOT), so 0 can mean "not computed yet" in the transition table.
 */
import type { Automaton } from "./automaton";
import { CLASSES, canonicalOf, SEP_CODE } from "./char-classes";
import { unpackAt } from "./matcher-tables";

/** The start state. */
export const ROOT = 1;

/** Most states a 16-bit transition table can address (codes are (state << 1) | output). */
const MAX_STATES_16 = 0x8000;

function grown(arr: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(arr);
  return b;
}

function ensureCapacity(a: Automaton): void {
  const cap = a.lo.length;
  if (a.states + 1 < cap) return;
  const n = cap * 2;
  // 16-bit transitions keep the hot part of the table in cache; very large registries switch to 32 bits
  const d = n <= MAX_STATES_16 ? new Uint16Array(n * CLASSES) : new Int32Array(n * CLASSES);
  d.set(a.delta);
  a.delta = d;
  a.lo = grown(a.lo, n);
  a.hi = grown(a.hi, n);
  a.depth = grown(a.depth, n);
  a.parent = grown(a.parent, n);
  a.label = grown(a.label, n);
  a.fail = grown(a.fail, n);
  a.own = grown(a.own, n);
  a.out = grown(a.out, n);
  a.outHead = grown(a.outHead, n);
}

/** Where key m starts in keyText (decoded from keyAt once, on first need). */
function keyStart(a: Automaton, m: number): number {
  let v = a.keyStart[m]!;
  if (v < 0) {
    v = unpackAt(a.keyAt, m);
    a.keyStart[m] = v;
  }
  return v;
}

/** The trie child of `s` on class `c` (created now), or 0 when no pattern continues that way. */
function trieChild(a: Automaton, s: number, cls: number): number {
  const text = a.keyText;
  const c = canonicalOf(cls);
  const d = a.depth[s]!;
  let lo = a.lo[s]!;
  const hi = a.hi[s]!;
  if (lo < hi && keyStart(a, lo + 1) - keyStart(a, lo) === d) lo++; // the pattern ending here sorts first
  // keys in [lo, hi) share their first d characters and are longer than d
  let l = lo;
  let h = hi;
  while (l < h) {
    const m = (l + h) >> 1;
    if (text.charCodeAt(keyStart(a, m) + d) < c) l = m + 1;
    else h = m;
  }
  if (l >= hi || text.charCodeAt(keyStart(a, l) + d) !== c) return 0;
  const first = l;
  h = hi;
  while (l < h) {
    const m = (l + h) >> 1;
    if (text.charCodeAt(keyStart(a, m) + d) <= c) l = m + 1;
    else h = m;
  }
  ensureCapacity(a);
  const t = ++a.states;
  a.lo[t] = first;
  a.hi[t] = l;
  a.depth[t] = d + 1;
  a.parent[t] = s;
  a.label[t] = cls;
  a.own[t] = keyStart(a, first + 1) - keyStart(a, first) === d + 1 ? first + 1 : 0;
  return t;
}

/**
 * The transition from state `s` on class `c`, computed and cached on first use, as a code:
 * (next state << 1) | (1 when some pattern ends at the next state); never 0.
 */
export function stepCode(a: Automaton, s: number, c: number): number {
  const v = a.delta[s * CLASSES + c]!;
  if (v !== 0) return v;
  const child = trieChild(a, s, c);
  const r = child !== 0 ? child : s === ROOT ? ROOT : step(a, failOf(a, s), c);
  const code = (r << 1) | (outOf(a, r) > 0 ? 1 : 0);
  a.delta[s * CLASSES + c] = code; // a.delta may have grown during the recursion
  return code;
}

/** The state reached from `s` on class `c`. */
export function step(a: Automaton, s: number, c: number): number {
  return stepCode(a, s, c) >> 1;
}

function failOf(a: Automaton, s: number): number {
  const f = a.fail[s]!;
  if (f !== 0) return f;
  const p = a.parent[s]!;
  const r = p === ROOT ? ROOT : step(a, failOf(a, p), a.label[s]!);
  a.fail[s] = r;
  return r;
}

/** The nearest state along the failure chain where a pattern ends (`s` itself included), or -1. */
function outOf(a: Automaton, s: number): number {
  const v = a.out[s]!;
  if (v !== 0) return v;
  let r: number;
  if (a.own[s] !== 0) r = s;
  else if (s === ROOT) r = -1;
  else r = outOf(a, failOf(a, s));
  a.out[s] = r;
  return r;
}

/**
 * Where the patterns ending at state `s` start in `a.outList` (a run of pattern indices closed by -1, longest
 * first along the failure chain), computed on first use.
 */
export function outputsOf(a: Automaton, s: number): number {
  const head = a.outHead[s]!;
  if (head !== 0) return head - 1;
  const at = a.outCount;
  let t = outOf(a, s);
  while (t > 0) {
    const p = a.own[t]! - 1;
    if (a.patLen[p] === 0) notePattern(a, p);
    pushOutput(a, p);
    t = t === ROOT ? -1 : outOf(a, failOf(a, t));
  }
  pushOutput(a, -1);
  a.outHead[s] = at + 1;
  return at;
}

/** Records a pattern's shape the first time it becomes an output. */
function notePattern(a: Automaton, p: number): void {
  const from = keyStart(a, p);
  const to = keyStart(a, p + 1);
  a.patLen[p] = to - from;
  a.patLead[p] = a.keyText.charCodeAt(from) === SEP_CODE ? 1 : 0;
  a.patTrail[p] = a.keyText.charCodeAt(to - 1) === SEP_CODE ? 1 : 0;
  a.ready?.(p);
}

function pushOutput(a: Automaton, p: number): void {
  if (a.outCount === a.outList.length) a.outList = grown(a.outList, a.outList.length * 2);
  a.outList[a.outCount++] = p;
}
