/**
 * Caption extraction for new-case candidates: the names around "v." / "vs." / "versus" / "gegen" and around
 * "sued" / "sues" / "sued by", normalised to "X v. Y", kept when no registry case accounts for them.
 */
import { stripCorporateSuffixes } from "../registry/party-names";
import { ScanSink, scanText } from "./automaton";
import type { CompiledRegistry } from "./compile-registry";
import type { Span } from "./party-links";
import type { ArticleHits } from "./scan-article";
import { NON_CANDIDATE_CAPTIONS } from "./vocabulary";

const LINKS = new Set([
  "of",
  "and",
  "&",
  "the",
  "de",
  "du",
  "des",
  "der",
  "la",
  "le",
  "for",
  "et",
  "al.",
  "al",
]);
const SUFFIXES = /^(?:inc|llc|ltd|limited|lp|llp|plc|pbc|corp|co|gmbh|ag|s\.?p\.?a|e\.v|al)\.?,?$/i;
const LEADING = new Set([
  "the",
  "in",
  "on",
  "at",
  "for",
  "after",
  "from",
  "under",
  "while",
  "unlike",
  "like",
  "see",
  "both",
  "case",
  "cases",
  "and",
  "but",
  "also",
  "when",
  "as",
  "since",
  "before",
  "with",
  "per",
  "its",
  "their",
  "his",
  "her",
]);
const GENERIC = new Set([
  "authors",
  "artists",
  "publishers",
  "writers",
  "musicians",
  "creators",
  "plaintiffs",
  "lawyers",
  "critics",
  "users",
  "it",
  "they",
  "he",
  "she",
  "we",
  "who",
  "which",
  "this",
  "that",
  "studios",
  "labels",
  "judge",
  "court",
  "a",
  "an",
  "ai",
  "artist",
  "author",
  "publisher",
  "writer",
  "musician",
  "creator",
  "company",
]);
const CONNECTOR_WORDS = new Set(["v", "vs", "versus", "gegen"]);
const PHRASES = new Set(["sued", "sues", "suing", "sued by", "verklagt"]);
const MAX_WORDS = 7;

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 0xc0) return false;
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase();
}

/** Up to seven capitalised words (with linking words between) ending just before `pos`. */
function nameBefore(text: string, pos: number): string {
  const words = text
    .slice(Math.max(0, pos - 160), pos)
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < MAX_WORDS; i--) {
    const w = words[i]!;
    const last = out.length === 0;
    if (/[,;:(]$/.test(w) && !(out.length > 0 && SUFFIXES.test(out[0]!))) {
      if (!last) break;
    }
    if (/[.!?"”)]$/.test(w) && !SUFFIXES.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w) && out.length > 0) break;
    if (isCapital(w) || LINKS.has(w.toLowerCase()) || SUFFIXES.test(w)) out.unshift(w);
    else break;
  }
  while (out.length > 0 && LINKS.has(out[0]!.toLowerCase())) out.shift();
  return out.join(" ");
}

/** Up to seven capitalised words (with linking words between) starting just after `pos`. */
function nameAfter(text: string, pos: number): string {
  const words = text
    .slice(pos, pos + 160)
    .replace(/^[.\s]+/, "")
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= MAX_WORDS) break;
    const bare = w.replace(/[,;:.!?)"”]+$/, "");
    if (!(isCapital(bare) || (out.length > 0 && LINKS.has(bare.toLowerCase())))) break;
    out.push(bare);
    if (bare !== w && !SUFFIXES.test(w)) break;
  }
  while (out.length > 0 && LINKS.has(out[out.length - 1]!.toLowerCase())) out.pop();
  return out.join(" ");
}

function clean(name: string): string {
  const words = name.replace(/['’]s$/u, "").split(" ");
  while (words.length > 1 && LEADING.has(words[0]!.toLowerCase())) words.shift();
  return stripCorporateSuffixes(words.join(" ").replace(/,?\s+et al\.?$/i, ""))
    .replace(/[.,;:]+$/, "")
    .trim();
}

function key(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

let precedents: Set<string> | undefined;

function isPrecedent(x: string, y: string): boolean {
  precedents ??= new Set(
    NON_CANDIDATE_CAPTIONS.flatMap((c) => {
      const [p, d] = c.split(" v ").map((side) => side.split(" ")[0]!);
      return [`${p} ${d}`, `${d} ${p}`];
    }),
  );
  return precedents.has(`${key(x).split(" ")[0]} ${key(y).split(" ")[0]}`);
}

const sink = new ScanSink(1000);

function sides(reg: CompiledRegistry, name: string): { p: Set<number>; d: Set<number> } {
  sink.reset();
  scanText(reg.automaton, name, sink);
  const p = new Set<number>();
  const d = new Set<number>();
  for (let i = 0; i < sink.count; i++) {
    for (const r of reg.patterns[sink.pat[i]!]!.refs) {
      if (r.role === "plaintiff" || r.role === "weak" || r.role === "kind" || r.role === "id") p.add(r.c);
      if (r.role === "defendant" || r.role === "product" || r.role === "id") d.add(r.c);
    }
  }
  return { p, d };
}

function accounted(reg: CompiledRegistry, x: string, y: string, assigned: ReadonlySet<number>): boolean {
  const l = sides(reg, x);
  const r = sides(reg, y);
  for (const c of assigned) if (l.p.has(c) || r.d.has(c) || l.d.has(c) || r.p.has(c)) return true;
  for (const c of l.p) if (r.d.has(c)) return true;
  for (const c of l.d) if (r.p.has(c)) return true;
  return false;
}

/** Case mentions of one segment sorted by start, for lookups around a phrase. */
function mentionsBySegment(hits: ArticleHits, caseHits: readonly number[], seg: number): number[] {
  const out = caseHits.filter((k) => hits.seg[k] === seg);
  for (let i = 1; i < out.length; i++) {
    if (hits.start[out[i - 1]!]! > hits.start[out[i]!]!)
      return out.sort((a, b) => hits.start[a]! - hits.start[b]!);
  }
  return out; // already in order (matches mostly arrive by start)
}

/** Whether a party of an assigned case is named right next to the phrase (a known caption, cheaply). */
function besideAssigned(
  reg: CompiledRegistry,
  hits: ArticleHits,
  sorted: readonly number[],
  span: Span,
  assigned: ReadonlySet<number>,
): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits.start[sorted[mid]!]! < span.start - 120) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && hits.start[sorted[i]!]! <= span.end + 6; i++) {
    const k = sorted[i]!;
    const near =
      (hits.end[k]! <= span.start && span.start - hits.end[k]! <= 4) ||
      (hits.start[k]! >= span.end && hits.start[k]! - span.end <= 6);
    if (near && reg.patterns[hits.pat[k]!]!.refs.some((r) => assigned.has(r.c))) return true;
  }
  return false;
}

const indexes = new WeakMap<CompiledRegistry, Map<string, number>>();

/** The index of a case by id (-1 when unknown), from a map built once per registry. */
function caseIndex(reg: CompiledRegistry, id: string): number {
  let byId = indexes.get(reg);
  if (byId === undefined) {
    byId = new Map();
    for (let i = reg.cases.length - 1; i >= 0; i--) byId.set(reg.cases[i]!.id, i); // the first wins, like findIndex
    indexes.set(reg, byId);
  }
  return byId.get(id) ?? -1;
}

/** Phrases examined per article (captions are near the top; this bounds the work on huge texts). */
const MAX_PHRASES = 200;

/**
 * Captions in a litigation article that no registry case accounts for, as "X v. Y" (at most five); a caption
 * naming a party of a case already assigned to the article counts as accounted for.
 */
export function unknownCaptions(
  reg: CompiledRegistry,
  hits: ArticleHits,
  phrases: readonly Span[],
  caseHits: readonly number[],
  assignedIds: readonly string[],
): string[] {
  let assigned: Set<number> | undefined;
  const sorted: number[][] = [];
  const out = new Map<string, string>();
  for (const span of phrases.slice(0, MAX_PHRASES)) {
    const word = reg.patterns[hits.pat[span.k]!]!.displayKey;
    if (!CONNECTOR_WORDS.has(word) && !PHRASES.has(word)) continue;
    const text = span.seg === 0 ? hits.title : hits.text;
    assigned ??= new Set(assignedIds.map((id) => caseIndex(reg, id)));
    sorted[span.seg] ??= mentionsBySegment(hits, caseHits, span.seg);
    if (besideAssigned(reg, hits, sorted[span.seg]!, span, assigned)) continue;
    const before = clean(nameBefore(text, span.start));
    const after = clean(nameAfter(text, span.end));
    const [x, y] = word === "sued by" ? [after, before] : [before, after];
    if (x.length < 2 || y.length < 2 || GENERIC.has(x.toLowerCase()) || GENERIC.has(y.toLowerCase()))
      continue;
    if (isPrecedent(x, y) || accounted(reg, x, y, assigned)) continue;
    const caption = `${x} v. ${y}`;
    const k = key(caption);
    if (!out.has(k)) out.set(k, caption);
    if (out.size >= 5) break;
  }
  return [...out.values()];
}
