/** Compiles a registry (and the general vocabulary) into one automaton plus what each pattern means. */
import type { RegistryCase } from "../registry/match-hints";
import { type Automaton, buildAutomaton, MAX_PATTERN } from "./automaton";
import { caseTermSpecs, type Role } from "./case-terms";
import { classKey, foldedKey, hasBucketClass, isCjkCanonical } from "./char-classes";
import { V, VOCABULARY } from "./vocabulary";

/** A reference from a pattern to a case it is evidence for. */
export interface CaseRef {
  c: number;
  role: Role;
}

/** What one pattern means. */
export interface PatternInfo {
  /** The term as first written in the registry or vocabulary (shown as evidence). */
  display: string;
  /** `display` in lower case (to show each term once). */
  displayKey: string;
  /** Vocabulary categories (bits of V). */
  vocab: number;
  /** Weights as AI, copyright, litigation and other-legal-subject vocabulary (0 when not in the list). */
  ai: number;
  copy: number;
  lit: number;
  neg: number;
  refs: CaseRef[];
  /** The refs that give direct evidence (ids, dockets, named plaintiffs, weak names, judges, terms). */
  direct: CaseRef[];
  /** The refs that only support other evidence (defendants, products, venue words). */
  support: CaseRef[];
  /** Names a plaintiff side (plaintiff, weak name or kind) of some case. */
  plaintiffSide: boolean;
  /** Names a plaintiff side only as a generic kind ("authors"). */
  kindOnly: boolean;
  /** Plaintiff-side strength per case: 3 = named plaintiff, 2 = weak name, 1 = generic kind. */
  pside: ReadonlyMap<number, number>;
  /** Cases this pattern names on the defendant side (defendant or product). */
  dside: ReadonlySet<number>;
  /** Some case has it as a named plaintiff. */
  hasSpecific: boolean;
  /** The one case this pattern names as defendant (no other case uses it as defendant or product); -1 if none. */
  soleDefendant: number;
}

/** A registry compiled for classification; build it once and reuse it for every article. */
export interface CompiledRegistry {
  readonly cases: readonly RegistryCase[];
  readonly automaton: Automaton;
  readonly patterns: readonly PatternInfo[];
  /** Filing time per case (ms since epoch; Infinity when unknown), used to break exact ties. */
  readonly filed: readonly number[];
  /** Per-article counters reused across calls (classification is synchronous). */
  readonly scratch: { seen: Int32Array; epoch: number };
}

interface Entry {
  text: string;
  cat?: number;
  weight?: number;
  ref?: CaseRef;
}

function variants(text: string): string[] {
  const out = [text];
  if (text.includes("&")) out.push(text.replace(/\s*&\s*/g, " and "));
  if (/\d,\d{3}/.test(text)) out.push(text.replace(/(\d),(\d{3})/g, "$1$2"));
  return out;
}

/**
 * The pattern of a term as a string of class codes (what the automaton matches), with a separator at each
 * end that needs a word boundary; null when the term is empty or too long.
 */
function patternKey(core: string, openStart: boolean, openEnd: boolean): string | null {
  if (core.length === 0) return null;
  const first = core.charCodeAt(0);
  const last = core.charCodeAt(core.length - 1);
  const sep = "\u0001";
  const key = `${openStart || isCjkCanonical(first) ? "" : sep}${core}${openEnd || isCjkCanonical(last) ? "" : sep}`;
  return key.length <= MAX_PATTERN ? key : null;
}

function collectEntries(cases: readonly RegistryCase[]): Entry[] {
  const entries: Entry[] = [];
  for (const list of VOCABULARY) {
    for (const text of list.terms) entries.push({ text, cat: list.cat, weight: list.weight });
  }
  cases.forEach((c, i) => {
    for (const spec of caseTermSpecs(c)) {
      for (const text of variants(spec.text)) entries.push({ text, ref: { c: i, role: spec.role } });
    }
  });
  return entries;
}

const NO_SIDES: ReadonlyMap<number, number> = new Map();
const NO_CASES: ReadonlySet<number> = new Set();

function newInfo(display: string): PatternInfo {
  return {
    display,
    displayKey: display.toLowerCase(),
    vocab: 0,
    ai: 0,
    copy: 0,
    lit: 0,
    neg: 0,
    refs: [],
    direct: [],
    support: [],
    plaintiffSide: false,
    kindOnly: false,
    pside: NO_SIDES,
    dside: NO_CASES,
    hasSpecific: false,
    soleDefendant: -1,
  };
}

function addVocab(info: PatternInfo, cat: number, w: number): void {
  info.vocab |= cat;
  if (cat === V.AI) info.ai = Math.max(info.ai, w);
  if (cat === V.COPY) info.copy = Math.max(info.copy, w);
  if (cat === V.LIT) info.lit = Math.max(info.lit, w);
  if (cat === V.NEG) info.neg = Math.max(info.neg, w);
}

/** Derived per-pattern facts: plaintiff-side strengths, defendant-side cases, sole defendant. */
function finishInfo(info: PatternInfo): void {
  if (info.vocab & (V.AI | V.COPY | V.LIT))
    info.refs = info.refs.filter((r) => r.role !== "key" && r.role !== "venue");
  if (info.refs.length === 0) return;
  info.direct = info.refs.filter(
    (r) => r.role !== "defendant" && r.role !== "product" && r.role !== "venue" && r.role !== "kind",
  );
  info.support = info.refs.filter(
    (r) => r.role === "defendant" || r.role === "product" || r.role === "venue",
  );
  const pside = new Map<number, number>();
  const dside = new Set<number>();
  let defs = 0;
  let defCase = -1;
  let onlyKinds = true;
  for (const r of info.refs) {
    const st = r.role === "plaintiff" ? 3 : r.role === "weak" ? 2 : r.role === "kind" ? 1 : 0;
    if (st > 0) {
      pside.set(r.c, Math.max(pside.get(r.c) ?? 0, st));
      if (st === 3) info.hasSpecific = true;
      if (st > 1) onlyKinds = false;
    }
    if (r.role === "defendant" || r.role === "product") dside.add(r.c);
    if (r.role === "defendant") {
      defs++;
      defCase = r.c;
    }
  }
  if (dside.size === 1 && defs === 1) info.soleDefendant = defCase;
  info.plaintiffSide = pside.size > 0;
  info.kindOnly = info.plaintiffSide && onlyKinds;
  if (pside.size > 0) info.pside = pside;
  if (dside.size > 0) info.dside = dside;
}

/** Compiles cases into one matcher: a single automaton over all their terms and the general vocabulary. */
export function compileRegistry(cases: readonly RegistryCase[]): CompiledRegistry {
  const entries = collectEntries(cases);
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const verify: (string | undefined)[] = [];
  const patterns: PatternInfo[] = [];
  for (const e of entries) {
    const openStart = e.text.charCodeAt(0) === 42;
    const openEnd = e.text.charCodeAt(e.text.length - 1) === 42;
    const bare = openStart || openEnd ? e.text.slice(openStart ? 1 : 0, openEnd ? -1 : undefined) : e.text;
    const core = classKey(bare);
    const key = patternKey(core, openStart, openEnd);
    if (key === null) continue;
    let p = byKey.get(key);
    if (p === undefined) {
      p = keys.length;
      byKey.set(key, p);
      keys.push(key);
      verify.push(hasBucketClass(core) ? foldedKey(bare, 0, bare.length) : undefined);
      patterns.push(newInfo(bare));
    }
    const info = patterns[p]!;
    if (e.cat !== undefined) addVocab(info, e.cat, e.weight ?? 1);
    const ref = e.ref;
    if (ref && !info.refs.some((r) => r.c === ref.c && r.role === ref.role)) info.refs.push(ref);
  }
  for (const info of patterns) finishInfo(info);
  const filed = cases.map((c) => {
    const t = Date.parse(
      /^\d{4}$/.test(c.filed) ? `${c.filed}-12-31` : c.filed.length === 7 ? `${c.filed}-28` : c.filed,
    );
    return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
  });
  const scratch = { seen: new Int32Array(patterns.length * 2), epoch: 0 };
  return { cases, automaton: buildAutomaton(keys, verify), patterns, filed, scratch };
}
