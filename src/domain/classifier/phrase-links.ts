/**
 * Links found around phrases rather than inside sentence structure: captions ("X v. Y", "X gegen Y") and
 * "suit against <defendant>" phrases.
 */
import { LIST_WORDS, onlyGapWords, SUIT_WORDS } from "./gap-words";
import {
  type GapText,
  GROUP_GAP,
  isPlaintiffSide,
  type PartyHit,
  type PartyLink,
  plaintiffStrength,
  type Span,
} from "./party-links";

function fromIndex<T extends { seg: number; start: number }>(
  list: readonly T[],
  seg: number,
  pos: number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const h = list[mid]!;
    if (h.seg < seg || (h.seg === seg && h.start < pos)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function captionPairs(l: PartyHit, r: PartyHit, sent: number, links: PartyLink[]): void {
  for (const c of r.info.dside) {
    if (plaintiffStrength(l, c) >= 2) links.push({ c, strength: 4, sent, pk: l.k, dk: r.k });
  }
  for (const c of l.info.dside) {
    if (plaintiffStrength(r, c) >= 2) links.push({ c, strength: 4, sent, pk: r.k, dk: l.k });
  }
}

/**
 * Captions: a connector ("v.", "vs.", "versus", "gegen") with a plaintiff-side mention just before and a
 * defendant-side mention of the same case just after (or the reverse, as in appeal captions).
 */
export function captionLinks(parties: readonly PartyHit[], connectors: readonly Span[]): PartyLink[] {
  const links: PartyLink[] = [];
  for (const conn of connectors) {
    const left: PartyHit[] = [];
    const right: PartyHit[] = [];
    for (let i = fromIndex(parties, conn.seg, conn.start - 120); i < parties.length; i++) {
      const h = parties[i]!;
      if (h.seg !== conn.seg || h.start > conn.end + 8) break;
      if (h.end <= conn.start && conn.start - h.end <= 26) left.push(h);
      else if (h.start >= conn.end) right.push(h);
    }
    for (const l of left) for (const r of right) captionPairs(l, r, conn.sent, links);
  }
  return links;
}

function joinsList(prev: PartyHit, next: PartyHit, gap: GapText): boolean {
  if (next.seg !== prev.seg || isPlaintiffSide(next) || isPlaintiffSide(prev)) return false;
  if (next.start - prev.end > GROUP_GAP) return false;
  return next.start <= prev.end || onlyGapWords(gap(next.seg, prev.end, next.start), LIST_WORDS);
}

function suitWord(
  first: PartyHit,
  last: PartyHit,
  before: readonly Span[],
  after: readonly Span[],
  gap: GapText,
): Span | undefined {
  let word: Span | undefined;
  for (let x = fromIndex(before, first.seg, first.start - 40); x < before.length; x++) {
    const w = before[x]!;
    if (w.seg !== first.seg || w.start >= first.start) break;
    if (
      w.sent === first.sent &&
      w.end <= first.start &&
      onlyGapWords(gap(w.seg, w.end, first.start), SUIT_WORDS)
    )
      word = w;
  }
  if (word) return word;
  const a = after[fromIndex(after, last.seg, last.end)];
  if (
    a &&
    a.seg === last.seg &&
    a.sent === last.sent &&
    onlyGapWords(gap(a.seg, last.end, a.start), SUIT_WORDS)
  )
    return a;
  return undefined;
}

/**
 * "suit against Salesforce", "sued Apple", "Adobe was sued": a litigation phrase right before a list of
 * defendant mentions (or right after it) names each defendant in the list that only one case has.
 */
export function suitLinks(
  parties: readonly PartyHit[],
  before: readonly Span[],
  after: readonly Span[],
  gap: GapText,
): PartyLink[] {
  const links: PartyLink[] = [];
  if (before.length === 0 && after.length === 0) return links;
  let i = 0;
  while (i < parties.length) {
    let j = i + 1;
    while (j < parties.length && joinsList(parties[j - 1]!, parties[j]!, gap)) j++;
    const first = parties[i]!;
    const word = isPlaintiffSide(first) ? undefined : suitWord(first, parties[j - 1]!, before, after, gap);
    if (word) {
      for (let x = i; x < j; x++) {
        const d = parties[x]!;
        if (d.info.soleDefendant >= 0)
          links.push({ c: d.info.soleDefendant, strength: 0, sent: d.sent, pk: word.k, dk: d.k });
      }
    }
    i = j;
  }
  return links;
}
