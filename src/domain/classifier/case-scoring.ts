/**
 * Case assignment: gathers the evidence for each case (ids, dockets, captions, linked parties, judges,
 * distinctive terms), keeps the cases with enough independent evidence, drops cases whose evidence is only
 * a subset of another candidate's (siblings sharing parties), and scores the rest on one 0..1 scale.
 */
import type { CaseMatch } from "../types";
import type { ArticleProfile } from "./article-profile";
import type { CompiledRegistry } from "./compile-registry";
import { type GapText, linkParties, type PartyLink, partyHits, plaintiffStrength } from "./party-links";
import { captionLinks, suitLinks } from "./phrase-links";
import type { ArticleHits } from "./scan-article";

/** A case kept for an article, with what decided it. */
export interface CaseCandidate extends CaseMatch {
  /** Named: by caption, id, docket, a named plaintiff or the judge (not only a generic kind or terms). */
  named: boolean;
  /** The title names the case (caption, id, or a linked plaintiff and defendant). */
  titleStrong: boolean;
  /** The title mentions a party, judge or term of the case. */
  titleMention: boolean;
  /** Sentences with evidence for the case. */
  sentences: number;
  /** A named plaintiff is linked to a defendant in a sentence ("the Times sued OpenAI"). */
  linked: boolean;
}

/** Key of one piece of evidence: a pattern in a sentence. */
function evKey(p: number, sent: number): number {
  return p * 1_000_000 + Math.min(sent, 999_999);
}

/** A set of numbers for the handful of distinct terms one case collects per article (cheaper than a Set). */
class SmallSet {
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  add(x: number): void {
    if (!this.items.includes(x)) this.items.push(x);
  }

  has(x: number): boolean {
    return this.items.includes(x);
  }

  keys(): readonly number[] {
    return this.items;
  }
}

class Acc {
  /** Evidence occurrences (pattern in sentence; party mentions only when linked). */
  ev = new Set<number>();
  /** Display weight per evidence pattern. */
  shown = new Map<number, number>();
  def = new SmallSet();
  venue = new SmallSet();
  plaintiffs = new SmallSet();
  judges = new SmallSet();
  terms = new SmallSet();
  sentences = new Set<number>();
  strong = 0;
  pair = -1;
  free = false;
  sued = false;
  termW = 0;
  strongTerms = 0;
  titleStrong = false;
  titleMention = false;

  note(p: number, w: number, sent: number): void {
    this.ev.add(evKey(p, sent));
    this.shown.set(p, Math.max(this.shown.get(p) ?? 0, w));
    this.sentences.add(sent);
  }
}

function collect(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: readonly number[],
  neutral: Uint8Array,
): Map<number, Acc> {
  const accs = new Map<number, Acc>();
  for (const k of caseHits) {
    const p = hits.pat[k]!;
    const info = reg.patterns[p]!;
    const sent = hits.sent[k]!;
    const title = hits.seg[k] === 0;
    for (const r of info.direct) {
      if (r.role === "weak" && !title) continue;
      let a = accs.get(r.c);
      if (!a) {
        a = new Acc();
        accs.set(r.c, a);
      }
      switch (r.role) {
        case "id":
        case "docket":
          a.strong++;
          a.note(p, 3, sent);
          if (title) a.titleStrong = true;
          break;
        case "plaintiff":
          if (neutral[k]) break;
          a.plaintiffs.add(p);
          a.note(p, 1.2, sent);
          if (title) a.titleMention = true;
          break;
        case "weak":
          if (title && !neutral[k]) a.titleMention = true;
          break;
        case "judge":
          a.judges.add(p);
          a.note(p, 1, sent);
          if (title) a.titleMention = true;
          break;
        case "term":
        case "key":
          if (!a.terms.has(p)) {
            a.termW += r.role === "term" ? 1 : 0.5;
            if (r.role === "term") a.strongTerms++;
          }
          a.terms.add(p);
          a.note(p, r.role === "term" ? 0.9 : 0.6, sent);
          if (title && r.role === "term") a.titleMention = true;
          break;
        default:
          break;
      }
    }
  }
  return accs;
}

/** Defendant-side and venue mentions, for the cases that have other evidence. */
function addSides(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: readonly number[],
  accs: Map<number, Acc>,
): void {
  for (const k of caseHits) {
    const p = hits.pat[k]!;
    const info = reg.patterns[p]!;
    for (const r of info.support) {
      const a = accs.get(r.c);
      if (!a) continue;
      if (r.role === "venue") a.venue.add(p);
      else {
        a.def.add(p);
        if (hits.seg[k] === 0 && info.soleDefendant === r.c) a.titleMention = true;
      }
    }
  }
}

function applyLinks(accs: Map<number, Acc>, links: PartyLink[], hits: ArticleHits): void {
  for (const l of links) {
    let a = accs.get(l.c);
    if (!a) {
      a = new Acc();
      accs.set(l.c, a);
    }
    const title = hits.seg[l.dk] === 0;
    a.note(hits.pat[l.dk]!, 0.6, l.sent);
    if (l.strength === 0) {
      a.sued = true;
      if (title) a.titleMention = true;
      continue;
    }
    a.pair = Math.max(a.pair, l.strength);
    a.note(hits.pat[l.pk]!, l.strength >= 3 ? 1.5 : 1, l.sent);
    if (l.strength === 4) a.strong++;
    if (title && hits.seg[l.pk] === 0 && l.strength >= 2) a.titleStrong = true;
    else if (title) a.titleMention = true;
  }
}

function judged(a: Acc): boolean {
  return a.judges.size > 0 && (a.def.size > 0 || a.plaintiffs.size > 0);
}

/** Whether a case has enough independent evidence, and whether it is named rather than only described. */
function included(a: Acc): { keep: boolean; named: boolean } {
  const otherDef = a.def.keys().some((p) => !a.terms.has(p));
  const named = a.strong > 0 || a.pair >= 2 || (a.free && a.def.size > 0) || judged(a);
  const described = a.pair >= 1 || a.sued || ((a.strongTerms > 0 || a.termW >= 1.5) && otherDef);
  return { keep: named || described, named };
}

function total(a: Acc): number {
  const bases = [
    a.strong > 0 ? 2 : 0,
    a.pair >= 3 ? 1.6 : a.pair >= 1 ? 1 : 0,
    judged(a) ? 1.2 : 0,
    a.free && a.def.size > 0 ? 1.2 : 0,
    a.sued ? 0.8 : 0,
  ].sort((x, y) => y - x);
  let t = bases[0]! + 0.3 * bases.slice(1).filter((b) => b > 0).length;
  t += 0.3 * Math.min(a.plaintiffs.size, 3);
  t += 0.4 * Math.min(a.termW, 2);
  if (a.def.size > 0) t += 0.1;
  if (a.titleStrong) t += 1;
  else if (a.titleMention) t += 0.6;
  t += 0.25 * Math.min(a.sentences.size - 1, 4);
  return t;
}

function isSubset(
  small: { size: number; keys(): Iterable<number> },
  big: { size: number; has(x: number): boolean },
): boolean {
  if (small.size > big.size) return false;
  for (const p of small.keys()) if (!big.has(p)) return false;
  return true;
}

/**
 * Drops candidates whose evidence is contained in another's. With equal evidence, court and place words
 * decide; with those equal too, a named case keeps the earliest-filed sibling and weaker evidence keeps none.
 */
function prune(reg: CompiledRegistry, cands: [number, Acc][]): [number, Acc][] {
  const drop = new Set<number>();
  for (const [c, a] of cands) {
    for (const [d, b] of cands) {
      if (c === d || !isSubset(a.ev, b.ev)) continue;
      if (a.ev.size < b.ev.size) drop.add(c);
      else if (!isSubset(a.venue, b.venue)) continue;
      else if (a.venue.size < b.venue.size) drop.add(c);
      else if (a.strong > 0 || a.pair >= 1) {
        if (reg.filed[c]! > reg.filed[d]! || (reg.filed[c] === reg.filed[d] && c > d)) drop.add(c);
      } else drop.add(c);
    }
  }
  return cands.filter(([c]) => !drop.has(c));
}

/** The terms that decided a case, strongest first; a term already contained in a shown one is left out. */
function evidenceOf(reg: CompiledRegistry, a: Acc): string[] {
  const seen: string[] = [];
  const out: string[] = [];
  const ranked = [...a.shown.entries()]
    .sort((x, y) => y[1] - x[1] || reg.patterns[y[0]]!.display.length - reg.patterns[x[0]]!.display.length)
    .map(([p]) => p);
  for (const p of [...ranked, ...a.def.keys()]) {
    const info = reg.patterns[p]!;
    if (seen.some((k) => k.includes(info.displayKey))) continue;
    seen.push(info.displayKey);
    out.push(info.display);
    if (out.length === 6) break;
  }
  return out;
}

/** Scores every case the article gives evidence for; highest score first. */
export function scoreCases(
  reg: CompiledRegistry,
  hits: ArticleHits,
  profile: ArticleProfile,
  gap: GapText,
): CaseCandidate[] {
  const accs = collect(reg, hits, profile.caseHits, profile.neutral);
  const parties = partyHits(reg, hits, profile.caseHits, profile.neutral);
  const { links, unlinked } = linkParties(parties, profile.litSentence, gap);
  applyLinks(accs, links, hits);
  applyLinks(accs, captionLinks(parties, profile.connectors), hits);
  applyLinks(accs, suitLinks(parties, profile.suitBefore, profile.suitAfter, gap), hits);
  addSides(reg, hits, profile.caseHits, accs);
  for (const h of unlinked) {
    for (const c of h.info.pside.keys()) if (plaintiffStrength(h, c) === 3) accs.get(c)!.free = true;
  }
  const kept: [number, Acc][] = [];
  const named = new Set<number>();
  for (const [c, a] of accs) {
    const inc = included(a);
    if (!inc.keep) continue;
    kept.push([c, a]);
    if (inc.named) named.add(c);
  }
  return prune(reg, kept)
    .map(([c, a]) => ({
      id: reg.cases[c]!.id,
      score: 1 - Math.exp(-total(a) / 2),
      evidence: evidenceOf(reg, a),
      named: named.has(c),
      titleStrong: a.titleStrong,
      titleMention: a.titleMention || a.titleStrong,
      sentences: a.sentences.size,
      linked: a.pair === 3,
    }))
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
}
