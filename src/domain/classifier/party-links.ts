/**
 * Links plaintiff-side and defendant-side mentions inside a sentence: every list of defendant mentions
 * attaches to the nearest list of plaintiff-side mentions.
 */
import type { CompiledRegistry, PatternInfo } from "./compile-registry";
import { LIST_WORDS, onlyGapWords } from "./gap-words";
import type { ArticleHits } from "./scan-article";

/** A party mention: one match whose pattern names a party of at least one case. */
export interface PartyHit {
  k: number;
  start: number;
  end: number;
  sent: number;
  seg: number;
  info: PatternInfo;
  /** Cites a source or a warning letter: not a party here. */
  neutral: boolean;
  /** Inside a longer named plaintiff ("authors" in "Authors Guild"): kinds and weak names do not count. */
  covered: boolean;
}

/** A plaintiff/defendant link found in one sentence or caption. */
export interface PartyLink {
  c: number;
  /** 4 = caption, 3 = specific plaintiff, 2 = weak name, 1 = generic kind, 0 = "suit against" a sole defendant. */
  strength: number;
  sent: number;
  /** Hit indices of the plaintiff-side (or litigation word) and defendant-side mentions. */
  pk: number;
  dk: number;
}

/** A span of vocabulary (litigation words, connectors). */
export interface Span {
  k: number;
  start: number;
  end: number;
  seg: number;
  sent: number;
}

/** The text between two positions of a segment. */
export type GapText = (seg: number, from: number, to: number) => string;

/** Widest gap (characters) between two mentions of one list of parties. */
export const GROUP_GAP = 32;
const BEFORE = 150;
const AFTER = 100;
/** Plaintiff-side strength of a mention for a case (0 when it does not name that case's plaintiff side). */
export function plaintiffStrength(h: PartyHit, c: number): number {
  if (h.neutral) return 0;
  const i = h.info.pcases.indexOf(c);
  const s = i < 0 ? 0 : h.info.pstrength[i]!;
  return h.covered && s < 3 ? 0 : s;
}

/** Whether a mention counts on the plaintiff side at all. */
export function isPlaintiffSide(h: PartyHit): boolean {
  return !h.neutral && h.info.plaintiffSide && (!h.covered || h.info.hasSpecific);
}

function isDefendantSide(h: PartyHit): boolean {
  return h.info.dside.length > 0;
}

const bySegStart = (a: PartyHit, b: PartyHit) => a.seg - b.seg || a.start - b.start;

/** Party mentions of an article in text order. */
export function partyHits(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: readonly number[],
  neutral: Uint8Array,
): PartyHit[] {
  const out: PartyHit[] = [];
  for (const k of caseHits) {
    const info = reg.patterns[hits.pat[k]!]!;
    if (!info.plaintiffSide && info.dside.length === 0) continue;
    out.push({
      k,
      start: hits.start[k]!,
      end: hits.end[k]!,
      sent: hits.sent[k]!,
      seg: hits.seg[k]!,
      info,
      neutral: neutral[k] === 1,
      covered: false,
    });
  }
  // matches arrive by end position: usually already by start too
  for (let i = 1; i < out.length; i++) {
    if (bySegStart(out[i - 1]!, out[i]!) > 0) {
      out.sort(bySegStart);
      break;
    }
  }
  markCovered(out);
  return out;
}

/** A kind or weak name inside a longer named plaintiff ("authors" in "Authors Guild") is not a party itself. */
function markCovered(hits: PartyHit[]): void {
  for (let i = 0; i < hits.length; i++) {
    const outer = hits[i]!;
    if (!outer.info.hasSpecific || outer.neutral) continue;
    const len = outer.end - outer.start;
    for (let j = i - 1; j >= 0 && hits[j]!.start === outer.start; j--) {
      if (hits[j]!.end < outer.end) hits[j]!.covered = true;
    }
    for (let j = i + 1; j < hits.length && hits[j]!.start < outer.end; j++) {
      const inner = hits[j]!;
      if (inner.end <= outer.end && inner.end - inner.start < len) inner.covered = true;
    }
  }
}

interface Group {
  members: PartyHit[];
  start: number;
  end: number;
  linked: boolean;
}

function groupsOf(sentence: PartyHit[], side: "p" | "d", gap: GapText): Group[] {
  const groups: Group[] = [];
  for (const h of sentence) {
    if (side === "p" ? !isPlaintiffSide(h) : !isDefendantSide(h)) continue;
    const last = groups[groups.length - 1];
    const joins =
      last &&
      h.start - last.end <= GROUP_GAP &&
      (side === "p" || h.start <= last.end || onlyGapWords(gap(h.seg, last.end, h.start), LIST_WORDS));
    if (last && joins) {
      last.members.push(h);
      last.end = Math.max(last.end, h.end);
    } else groups.push({ members: [h], start: h.start, end: h.end, linked: false });
  }
  return groups;
}

/** Index of the first group whose end is after `pos` (groups are in text order and do not overlap). */
function firstEndingAfter(groups: Group[], pos: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The plaintiff-side group a defendant list attaches to: the nearest one before it (within reach), else
 * the nearest one after it, unless another defendant list stands in between.
 */
function nearestGroup(groups: Group[], dLists: Group[], di: number): Group | undefined {
  const dl = dLists[di]!;
  const i = firstEndingAfter(groups, dl.start);
  const before = i > 0 ? groups[i - 1] : undefined;
  let j = i;
  while (j < groups.length && groups[j]!.start < dl.end) j++;
  const after = groups[j];
  const prevList = di > 0 ? dLists[di - 1] : undefined;
  const nextList = dLists[di + 1];
  if (before && dl.start - before.end <= BEFORE && !(prevList && prevList.start >= before.end)) return before;
  if (after && after.start - dl.end <= AFTER && !(nextList && nextList.end <= after.start)) return after;
  return undefined;
}

const NOT_A_ROUNDUP = (_c: number) => false;

/**
 * A list of two or more different generic kinds ("authors, artists and labels") is a roundup, not a party,
 * except for a case whose plaintiff side every kind of the list names ("auteurs et éditeurs" of one suit).
 * Returns whether the list is a roundup for a case.
 */
function kindRoundup(g: Group): (c: number) => boolean {
  if (g.members.some((m) => !m.covered && m.info.hasSpecific)) return NOT_A_ROUNDUP;
  if (g.members.some((m) => m.info.pstrength.some((s) => s >= 2) && !m.covered)) return NOT_A_ROUNDUP;
  let kinds = 0;
  let lastEnd = -1;
  for (const m of g.members) {
    if (m.start >= lastEnd) kinds++;
    lastEnd = Math.max(lastEnd, m.end);
  }
  if (kinds < 2) return NOT_A_ROUNDUP;
  return (c) => g.members.some((m) => !m.covered && !m.info.pcases.includes(c));
}

function linkSentence(
  sentence: PartyHit[],
  litSentence: Uint8Array,
  gap: GapText,
  links: PartyLink[],
): Group[] {
  const sent = sentence[0]!.sent;
  const groups = groupsOf(sentence, "p", gap);
  if (groups.length === 0) return groups;
  const dLists = groupsOf(sentence, "d", gap);
  for (let di = 0; di < dLists.length; di++) {
    const dl = dLists[di]!;
    const g = nearestGroup(groups, dLists, di);
    if (!g) continue;
    const roundup = kindRoundup(g);
    for (const d of dl.members) {
      const found: PartyLink[] = [];
      for (const c of d.info.dside) {
        let best: PartyHit | undefined;
        let strength = 0;
        for (const m of g.members) {
          if (m.k === d.k) continue;
          const s = plaintiffStrength(m, c);
          if (s > strength) {
            strength = s;
            best = m;
          }
        }
        if (!best || (strength < 3 && (!litSentence[sent] || roundup(c)))) continue;
        found.push({ c, strength, sent, pk: best.k, dk: d.k });
      }
      const specific = found.some((l) => l.strength === 3);
      for (const l of found) if (!specific || l.strength === 3) links.push(l);
      if (found.length > 0) g.linked = true;
    }
  }
  return groups;
}

/**
 * Links in each sentence: every list of defendant mentions attaches to the nearest list of plaintiff-side
 * mentions, unless another defendant list stands between them. Generic kinds and weak names count only in
 * sentences about litigation, never as a roundup of several kinds, and give way when a specific plaintiff
 * of another case links to the same defendant. Returns the links and the plaintiff mentions left unlinked.
 */
export function linkParties(
  parties: readonly PartyHit[],
  litSentence: Uint8Array,
  gap: GapText,
): { links: PartyLink[]; unlinked: PartyHit[] } {
  const links: PartyLink[] = [];
  const unlinked: PartyHit[] = [];
  let i = 0;
  while (i < parties.length) {
    let j = i;
    while (j < parties.length && parties[j]!.sent === parties[i]!.sent && parties[j]!.seg === parties[i]!.seg)
      j++;
    for (const g of linkSentence(parties.slice(i, j), litSentence, gap, links)) {
      if (!g.linked) unlinked.push(...g.members);
    }
    i = j;
  }
  return { links, unlinked };
}
