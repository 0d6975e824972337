/**
 * A registry ready for classification: one automaton over all terms of the cases and the general vocabulary,
 * plus what each pattern means. Built from matcher tables (compile-tables.ts), which the built-in registry
 * ships precompiled.
 */
import type { RegistryCase } from "../registry/match-hints";
import { type Automaton, buildAutomaton } from "./automaton";
import type { Role } from "./case-terms";
import { compileTables } from "./compile-tables";
import { type MatcherTables, packedCount, ROLES, unpackAt } from "./matcher-tables";

/** The precompiled tables were generated from another case list than the one given (run classifier:compile). */
export class StaleTablesError extends Error {
  constructor() {
    super("matcher tables were compiled from another case list");
    this.name = "StaleTablesError";
  }
}

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
  /** Cases this pattern names on the plaintiff side, in order of first reference. */
  pcases: readonly number[];
  /** Plaintiff-side strength for each of pcases: 3 = named plaintiff, 2 = weak name, 1 = generic kind. */
  pstrength: readonly number[];
  /** Cases this pattern names on the defendant side (defendant or product), in order of first reference. */
  dside: readonly number[];
  /** Some case has it as a named plaintiff. */
  hasSpecific: boolean;
  /** The one case this pattern names as defendant (no other case uses it as defendant or product); -1 if none. */
  soleDefendant: number;
  /** Names a case by caption, alias or docket (an id or docket ref). */
  namesCase: boolean;
  /** Cases this pattern is a venue word of, when at most MAX_VENUE_CASES share it (else none). */
  venues: readonly number[];
}

/** A place shared by more cases ("San Francisco", "N.D. Cal.") does not tell one of them by itself. */
const MAX_VENUE_CASES = 2;

/** A registry compiled for classification; build it once and reuse it for every article. */
export interface CompiledRegistry {
  readonly cases: readonly RegistryCase[];
  readonly automaton: Automaton;
  /** What each pattern means; filled in as the automaton first can match a pattern (read it for matches). */
  readonly patterns: readonly PatternInfo[];
  /** Filing time per case (ms since epoch; Infinity when unknown), used to break exact ties. */
  readonly filed: readonly number[];
  /** Per-article counters reused across calls (classification is synchronous). */
  readonly scratch: { seen: Int32Array; epoch: number };
  /** Per pattern (set with its info): vocabulary bits, plus HAS_REFS when it refers to some case. */
  readonly flags: Int32Array;
  /** Per pattern (set with its info): AI, copyright, litigation and other-legal-subject weights. */
  readonly weights: Float64Array;
}

/** Flag of a pattern that refers to some case (above all vocabulary bits). */
export const HAS_REFS = 1 << 30;

const NO_REFS: readonly CaseRef[] = [];
const NO_CASES: readonly number[] = [];

function newInfo(display: string, vocab: number): PatternInfo {
  return {
    display,
    displayKey: display.toLowerCase(),
    vocab,
    ai: 0,
    copy: 0,
    lit: 0,
    neg: 0,
    refs: NO_REFS as CaseRef[],
    direct: NO_REFS as CaseRef[],
    support: NO_REFS as CaseRef[],
    plaintiffSide: false,
    kindOnly: false,
    pcases: NO_CASES,
    pstrength: NO_CASES,
    dside: NO_CASES,
    hasSpecific: false,
    soleDefendant: -1,
    namesCase: false,
    venues: NO_CASES,
  };
}

/** Derived per-pattern facts: direct and supporting refs, plaintiff-side strengths, defendant-side cases. */
function setRefs(info: PatternInfo, refs: CaseRef[]): void {
  info.refs = refs;
  const direct: CaseRef[] = [];
  const support: CaseRef[] = [];
  const pcases: number[] = [];
  const pstrength: number[] = [];
  const dside: number[] = [];
  let defs = 0;
  let defCase = -1;
  let onlyKinds = true;
  for (const r of refs) {
    const role = r.role;
    if (role === "defendant" || role === "product" || role === "venue") support.push(r);
    else if (role !== "kind") direct.push(r);
    const st = role === "plaintiff" ? 3 : role === "weak" ? 2 : role === "kind" ? 1 : 0;
    if (st > 0) {
      const i = pcases.indexOf(r.c);
      if (i < 0) {
        pcases.push(r.c);
        pstrength.push(st);
      } else pstrength[i] = Math.max(pstrength[i]!, st);
      if (st === 3) info.hasSpecific = true;
      if (st > 1) onlyKinds = false;
    }
    if ((role === "defendant" || role === "product") && !dside.includes(r.c)) dside.push(r.c);
    if (role === "defendant") {
      defs++;
      defCase = r.c;
    }
  }
  info.direct = direct;
  info.support = support;
  if (dside.length === 1 && defs === 1) info.soleDefendant = defCase;
  info.namesCase = direct.some((r) => r.role === "id" || r.role === "docket");
  const venues = support.filter((r) => r.role === "venue").map((r) => r.c);
  if (venues.length > 0 && venues.length <= MAX_VENUE_CASES) info.venues = venues;
  info.plaintiffSide = pcases.length > 0;
  info.kindOnly = info.plaintiffSide && onlyKinds;
  if (pcases.length > 0) {
    info.pcases = pcases;
    info.pstrength = pstrength;
  }
  if (dside.length > 0) info.dside = dside;
}

/** Builds the PatternInfo of pattern `p` from the tables. */
function patternInfo(t: MatcherTables, p: number): PatternInfo {
  const info = newInfo(
    t.display.slice(unpackAt(t.displayAt, p), unpackAt(t.displayAt, p + 1)),
    unpackAt(t.vocab, p),
  );
  const w = unpackAt(t.weight, p);
  if (w > 0) [info.ai, info.copy, info.lit, info.neg] = t.weightSets[w]!;
  const from = unpackAt(t.refAt, p);
  const to = unpackAt(t.refAt, p + 1);
  if (to > from) {
    const refs: CaseRef[] = [];
    for (let r = from; r < to; r++)
      refs.push({ c: unpackAt(t.refList, 2 * r), role: ROLES[unpackAt(t.refList, 2 * r + 1)]! });
    setRefs(info, refs);
  }
  return info;
}

/**
 * Builds the matcher from compiled tables; `cases` must be the case list the tables were compiled from (their
 * ids are checked). Cheap: the PatternInfo of a pattern is built when the automaton first can match it.
 */
export function loadRegistry(cases: readonly RegistryCase[], t: MatcherTables): CompiledRegistry {
  if (cases.length !== t.caseIds.length || cases.some((c, i) => c.id !== t.caseIds[i])) {
    throw new StaleTablesError();
  }
  const n = packedCount(t.displayAt) - 1;
  const verify: (string | undefined)[] = new Array(n);
  for (let i = 0; i < t.verify.length; i += 2) verify[t.verify[i] as number] = t.verify[i + 1] as string;
  const shadows: (number[] | undefined)[] = new Array(packedCount(t.keyAt) - 1);
  for (let i = 0; i < t.shadowOf.length; i += 2) {
    const owner = t.shadowOf[i + 1]!;
    shadows[owner] = [...(shadows[owner] ?? []), t.shadowOf[i]!];
  }
  // filled in as the automaton first can match each pattern, so every matched pattern has its info
  const patterns: PatternInfo[] = new Array(n);
  const flags = new Int32Array(n);
  const weights = new Float64Array(4 * n);
  const ready = (p: number) => {
    if (patterns[p] !== undefined) return;
    const info = patternInfo(t, p);
    patterns[p] = info;
    flags[p] = info.vocab | (info.refs.length > 0 ? HAS_REFS : 0);
    weights.set([info.ai, info.copy, info.lit, info.neg], 4 * p);
  };
  const automaton = buildAutomaton(t.keys, t.keyAt, verify, ready, shadows);
  const filed = t.filed.map((f) => f ?? Number.POSITIVE_INFINITY);
  const scratch = { seen: new Int32Array(n * 2), epoch: 0 };
  return { cases, automaton, patterns, filed, scratch, flags, weights };
}

/** Compiles cases into one matcher: a single automaton over all their terms and the general vocabulary. */
export function compileRegistry(cases: readonly RegistryCase[]): CompiledRegistry {
  return loadRegistry(cases, compileTables(cases));
}
