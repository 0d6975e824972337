/**
 * Compiles a registry (and the general vocabulary) into matcher tables: one pattern per distinct key with its
 * display text, vocabulary weights and case references.
 */

import { figureVariants } from "../registry/figure-variants";
import type { RegistryCase } from "../registry/match-hints";
import { isCaptionLike } from "../registry/party-names";
import { MAX_PATTERN } from "./automaton";
import { caseTermSpecs, type Role } from "./case-terms";
import { classKey, foldedKey, hasBucketClass, isCjkCanonical, SEP_CHAR } from "./char-classes";
import { type MatcherTables, packNumbers, ROLES } from "./matcher-tables";
import { V, VOCABULARY } from "./vocabulary";

interface Entry {
  text: string;
  cat?: number;
  weight?: number;
  c?: number;
  role?: Role;
}

function variants(text: string): string[] {
  const out = [text];
  if (text.includes("&")) out.push(text.replace(/\s*&\s*/g, " and "));
  if (/\d,\d{3}/.test(text)) out.push(text.replace(/(\d),(\d{3})/g, "$1$2"));
  out.push(...figureVariants(text));
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
  const sep = SEP_CHAR;
  const key = `${openStart || isCjkCanonical(first) ? "" : sep}${core}${openEnd || isCjkCanonical(last) ? "" : sep}`;
  return key.length <= MAX_PATTERN ? key : null;
}

/**
 * Registry terms that speak of litigation by themselves, like the litigation vocabulary: captions, dockets and
 * judges' names (a short text naming "Kadrey v. Meta" or "Judge Alsup" is about a lawsuit).
 */
function litigious(role: Role, text: string): boolean {
  return role === "docket" || role === "judge" || (role === "id" && isCaptionLike(text));
}

function collectEntries(cases: readonly RegistryCase[]): Entry[] {
  const entries: Entry[] = [];
  for (const list of VOCABULARY) {
    for (const text of list.terms) entries.push({ text, cat: list.cat, weight: list.weight });
  }
  cases.forEach((c, i) => {
    for (const spec of caseTermSpecs(c)) {
      for (const text of variants(spec.text)) {
        entries.push({ text, c: i, role: spec.role });
        if (litigious(spec.role, text)) entries.push({ text, cat: V.LIT, weight: 1 });
      }
    }
  });
  return entries;
}

/** One distinct pattern while compiling. */
interface Draft {
  key: string;
  /** The term as first written. */
  display: string;
  /** The folded text matches must have, for patterns using letter buckets. */
  verify?: string;
  vocab: number;
  /** AI, copyright, litigation, other-legal-subject weights. */
  w: [number, number, number, number];
  refs: { c: number; role: Role }[];
}

const WEIGHT_SLOT: Record<number, number> = { [V.AI]: 0, [V.COPY]: 1, [V.LIT]: 2, [V.NEG]: 3 };

function filedTime(filed: string): number | null {
  const t = Date.parse(/^\d{4}$/.test(filed) ? `${filed}-12-31` : filed.length === 7 ? `${filed}-28` : filed);
  return Number.isFinite(t) ? t : null;
}

/** Offsets of the concatenation of `texts` (one more than texts). */
function offsets(texts: readonly string[]): number[] {
  const at = [0];
  for (const t of texts) at.push(at[at.length - 1]! + t.length);
  return at;
}

/**
 * The draft of a term: one per key, except that terms whose letters share buckets but differ (two CJK names)
 * get a draft each, found by key and folded text; the first one of a key owns it in the automaton, the others
 * are its shadows.
 */
function draftOf(
  byKey: Map<string, Draft>,
  shadows: Map<string, Draft>,
  key: string,
  bare: string,
  folded: string | undefined,
): Draft {
  const owner = byKey.get(key);
  if (owner !== undefined && (folded === undefined || owner.verify === folded)) return owner;
  const shadowKey = `${key}\u0000${folded}`;
  const shadow = shadows.get(shadowKey);
  if (shadow !== undefined) return shadow;
  const d: Draft = { key, display: bare, vocab: 0, w: [0, 0, 0, 0], refs: [] };
  if (folded !== undefined) d.verify = folded;
  if (owner === undefined) byKey.set(key, d);
  else shadows.set(shadowKey, d);
  return d;
}

/** Compiles cases and the general vocabulary into matcher tables (the costly step; see matcher-tables.ts). */
export function compileTables(cases: readonly RegistryCase[]): MatcherTables {
  const byKey = new Map<string, Draft>();
  const shadowDrafts = new Map<string, Draft>();
  for (const e of collectEntries(cases)) {
    const openStart = e.text.charCodeAt(0) === 42;
    const openEnd = e.text.charCodeAt(e.text.length - 1) === 42;
    const bare = openStart || openEnd ? e.text.slice(openStart ? 1 : 0, openEnd ? -1 : undefined) : e.text;
    const core = classKey(bare);
    const key = patternKey(core, openStart, openEnd);
    if (key === null) continue;
    const folded = hasBucketClass(core) ? foldedKey(bare, 0, bare.length) : undefined;
    const d = draftOf(byKey, shadowDrafts, key, bare, folded);
    if (e.cat !== undefined) {
      d.vocab |= e.cat;
      const slot = WEIGHT_SLOT[e.cat];
      if (slot !== undefined) d.w[slot] = Math.max(d.w[slot]!, e.weight ?? 1);
    }
    const { c, role } = e;
    if (c !== undefined && role !== undefined && !d.refs.some((r) => r.c === c && r.role === role)) {
      d.refs.push({ c, role });
    }
  }
  // patterns are numbered in key order, so the automaton needs no separate order; shadows follow
  const owners = [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : 1));
  const ownerIndex = new Map(owners.map((d, p) => [d.key, p]));
  const shadowList = [...shadowDrafts.values()].sort((x, y) =>
    x.key < y.key ? -1 : x.key > y.key ? 1 : x.verify! < y.verify! ? -1 : 1,
  );
  const drafts = [...owners, ...shadowList];
  const shadowOf: number[] = [];
  for (let i = 0; i < shadowList.length; i++)
    shadowOf.push(owners.length + i, ownerIndex.get(shadowList[i]!.key)!);
  const weightSets: [number, number, number, number][] = [[0, 0, 0, 0]];
  const weightIndex = new Map<string, number>([["0,0,0,0", 0]]);
  const weight: number[] = [];
  const refAt: number[] = [];
  const refList: number[] = [];
  const verify: (number | string)[] = [];
  drafts.forEach((d, p) => {
    const wk = d.w.join();
    if (!weightIndex.has(wk)) {
      weightIndex.set(wk, weightSets.length);
      weightSets.push(d.w);
    }
    weight.push(weightIndex.get(wk)!);
    refAt.push(refList.length / 2);
    // general vocabulary outweighs a case's key terms and venue words
    const kept =
      d.vocab & (V.AI | V.COPY | V.LIT)
        ? d.refs.filter((r) => r.role !== "key" && r.role !== "venue")
        : d.refs;
    for (const r of kept) refList.push(r.c, ROLES.indexOf(r.role));
    if (d.verify !== undefined) verify.push(p, d.verify);
  });
  refAt.push(refList.length / 2);
  const keys = owners.map((d) => d.key);
  const display = drafts.map((d) => d.display);
  return {
    caseIds: cases.map((c) => c.id),
    filed: cases.map((c) => filedTime(c.filed)),
    keys: keys.join(""),
    keyAt: packNumbers(offsets(keys)),
    display: display.join(""),
    displayAt: packNumbers(offsets(display)),
    vocab: packNumbers(drafts.map((d) => d.vocab)),
    weight: packNumbers(weight),
    weightSets,
    refAt: packNumbers(refAt),
    refList: packNumbers(refList),
    verify,
    shadowOf,
  };
}
