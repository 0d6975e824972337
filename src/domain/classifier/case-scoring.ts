/**
 * Case assignment: gathers the evidence for each case (ids, dockets, captions, linked parties, judges,
 * distinctive terms), keeps the cases with enough independent evidence, drops cases whose evidence is only
 * a subset of another candidate's (siblings sharing parties), and scores the rest on one 0..1 scale.
 */
import type { ArticleProfile } from "./article-profile";
import { type Acc, Accs, addOnce } from "./case-evidence";
import { pruneCases } from "./case-pruning";
import type { CompiledRegistry } from "./compile-registry";
import { type GapText, linkParties, type PartyLink, partyHits, plaintiffStrength } from "./party-links";
import { captionLinks, suitLinks } from "./phrase-links";
import type { ArticleHits } from "./scan-article";
import { venueLinks } from "./venue-links";

/** A case kept for an article, with what decided it (its evidence list is built only when needed). */
export interface CaseCandidate {
  id: string;
  /** 0..1, comparable across articles. */
  score: number;
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
  /**
   * Its plaintiff side (a name, or a kind such as "authors") or its court is linked to its defendant in a
   * litigation sentence or a caption: the article describes this AI copyright suit, whatever words it uses for
   * copying.
   */
  paired: boolean;
  /** Named by a caption: "X v. Y" with one of its plaintiffs and one of its defendants. */
  captioned: boolean;
  /** Described by a distinctive term of the case next to one of its defendants ("Anna's Archive", "Nvidia"). */
  termed: boolean;
  /** What the article gave for the case (its evidence list: evidenceList). */
  readonly acc: Acc;
}

/**
 * Name and docket matches inside a longer one ("Concord v. Anthropic" inside "Concord v. Anthropic II"): the
 * longer name is what the article wrote.
 */
function innerNames(reg: CompiledRegistry, hits: ArticleHits, caseHits: readonly number[]): Set<number> {
  const inner = new Set<number>();
  const names = caseHits.filter((k) => reg.patterns[hits.pat[k]!]!.namesCase);
  if (names.length < 2) return inner;
  for (const k of names) {
    for (const j of names) {
      if (j === k || hits.seg[j] !== hits.seg[k]) continue;
      const outer = hits.start[j]! <= hits.start[k]! && hits.end[j]! >= hits.end[k]!;
      if (outer && hits.end[j]! - hits.start[j]! > hits.end[k]! - hits.start[k]!) inner.add(k);
    }
  }
  return inner;
}

function collect(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: readonly number[],
  neutral: Uint8Array,
): Accs {
  const accs = new Accs(reg);
  const inner = innerNames(reg, hits, caseHits);
  for (const k of caseHits) {
    const p = hits.pat[k]!;
    const info = reg.patterns[p]!;
    const sent = hits.sent[k]!;
    const title = hits.seg[k] === 0;
    for (const r of info.direct) {
      if (r.role === "weak" && !title) continue;
      const a = accs.open(r.c);
      switch (r.role) {
        case "id":
        case "docket":
          if (inner.has(k)) break;
          a.strong++;
          a.note(p, 3, sent);
          if (title) a.titleStrong = true;
          break;
        case "plaintiff":
          if (neutral[k]) break;
          addOnce(a.plaintiffs, p);
          a.note(p, 1.2, sent);
          if (title) a.titleMention = true;
          break;
        case "weak":
          if (title && !neutral[k]) a.titleMention = true;
          break;
        case "judge":
          addOnce(a.judges, p);
          a.note(p, 1, sent);
          if (title) a.titleMention = true;
          break;
        case "term":
        case "key":
          if (!a.terms.includes(p)) {
            a.termW += r.role === "term" ? 1 : 0.5;
            if (r.role === "term") a.strongTerms++;
            a.terms.push(p);
          }
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
function addSides(reg: CompiledRegistry, hits: ArticleHits, caseHits: readonly number[], accs: Accs): void {
  for (const k of caseHits) {
    const p = hits.pat[k]!;
    const info = reg.patterns[p]!;
    for (const r of info.support) {
      const a = accs.get(r.c);
      if (!a) continue;
      if (r.role === "venue") addOnce(a.venue, p);
      else {
        addOnce(a.def, p);
        if (hits.seg[k] === 0 && info.soleDefendant === r.c) a.titleMention = true;
      }
    }
  }
}

function applyLinks(accs: Accs, links: PartyLink[], hits: ArticleHits): void {
  for (const l of links) {
    const a = accs.open(l.c);
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

/** Court places next to defendants of the same case (evidence for cases that nothing else names). */
function applyVenues(reg: CompiledRegistry, hits: ArticleHits, profile: ArticleProfile, accs: Accs): void {
  for (const l of venueLinks(reg, hits, profile.caseHits, profile.litSentence)) {
    const a = accs.open(l.c);
    a.court = true;
    a.note(hits.pat[l.vk]!, 0.5, l.sent);
    a.note(hits.pat[l.dk]!, 0.6, l.sent);
    if (hits.seg[l.dk] === 0) a.titleMention = true;
  }
}

function judged(a: Acc): boolean {
  return a.judges.length > 0 && (a.def.length > 0 || a.plaintiffs.length > 0);
}

/** A distinctive term of the case (or several telling ones) and one of its defendants. */
function termDescribed(a: Acc): boolean {
  return (a.strongTerms > 0 || a.termW >= 1.5) && a.def.some((p) => !a.terms.includes(p));
}

/** Whether a case has enough independent evidence, and whether it is named rather than only described. */
function included(a: Acc): { keep: boolean; named: boolean } {
  const named = a.strong > 0 || a.pair >= 2 || (a.free && a.def.length > 0) || judged(a);
  const described = a.pair >= 1 || a.sued || a.court || termDescribed(a);
  return { keep: named || described, named };
}

function total(a: Acc): number {
  // the strongest base counts fully, every other one present adds 0.3
  const b0 = a.strong > 0 ? 2 : 0;
  const b1 = a.pair >= 3 ? 1.6 : a.pair >= 1 ? 1 : 0;
  const b2 = judged(a) ? 1.2 : 0;
  const b3 = a.free && a.def.length > 0 ? 1.2 : 0;
  const b4 = a.sued ? 0.8 : a.court ? 0.6 : 0;
  const present =
    (b0 > 0 ? 1 : 0) + (b1 > 0 ? 1 : 0) + (b2 > 0 ? 1 : 0) + (b3 > 0 ? 1 : 0) + (b4 > 0 ? 1 : 0);
  const top = Math.max(b0, b1, b2, b3, b4);
  let t = top + 0.3 * (top > 0 ? present - 1 : 0);
  t += 0.3 * Math.min(a.plaintiffs.length, 3);
  t += 0.4 * Math.min(a.termW, 2);
  if (a.def.length > 0) t += 0.1;
  if (a.titleStrong) t += 1;
  else if (a.titleMention) t += 0.6;
  t += 0.25 * Math.min(a.sentences.size - 1, 4);
  return t;
}

/** Scores every case the article gives evidence for; highest score first. */
export function scoreCases(
  reg: CompiledRegistry,
  hits: ArticleHits,
  profile: ArticleProfile,
  gap: GapText,
): CaseCandidate[] {
  if (profile.caseHits.length === 0) return []; // no party, judge or term of any case
  const accs = collect(reg, hits, profile.caseHits, profile.neutral);
  const parties = partyHits(reg, hits, profile.caseHits, profile.neutral);
  const { links, unlinked } = linkParties(parties, profile.litSentence, gap);
  applyLinks(accs, links, hits);
  applyLinks(accs, captionLinks(parties, profile.connectors), hits);
  applyLinks(accs, suitLinks(parties, profile.suitBefore, profile.suitAfter, gap), hits);
  applyVenues(reg, hits, profile, accs);
  addSides(reg, hits, profile.caseHits, accs);
  for (const h of unlinked) {
    for (const c of h.info.pcases) if (plaintiffStrength(h, c) === 3) accs.get(c)!.free = true;
  }
  const kept: [number, Acc][] = [];
  const named = new Set<number>();
  for (const c of accs.cases) {
    const a = accs.get(c)!;
    const inc = included(a);
    if (!inc.keep) continue;
    kept.push([c, a]);
    if (inc.named) named.add(c);
  }
  return pruneCases(reg, kept)
    .map(([c, a]) => ({
      id: reg.cases[c]!.id,
      score: 1 - Math.exp(-total(a) / 2),
      named: named.has(c),
      titleStrong: a.titleStrong,
      titleMention: a.titleMention || a.titleStrong,
      sentences: a.sentences.size,
      linked: a.pair === 3,
      paired: a.pair >= 1 || a.court,
      captioned: a.pair === 4,
      termed: termDescribed(a),
      acc: a,
    }))
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
}
