/**
 * Case nouns after registry names: "the Getty case", "the Times' case" speak of a lawsuit although no
 * litigation word is written.
 */
import type { Span } from "./party-links";
import type { ArticleHits } from "./scan-article";
import type { TopicFeatures } from "./topic-scoring";

/** What may stand between a name and its case noun: a possessive and spaces. */
const POSSESSIVE_GAP = /^(?:['’]s?)?\s+$/;

/** Case nouns examined per article (they matter near the top; this bounds the work on huge texts). */
const MAX_CASE_NOUNS = 50;

/** Index of the first case hit in segment `seg` or later ending at `pos` or later (hits are in scan order). */
function firstEndingFrom(hits: ArticleHits, caseHits: readonly number[], seg: number, pos: number): number {
  let lo = 0;
  let hi = caseHits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = caseHits[mid]!;
    if (hits.seg[k]! < seg || (hits.seg[k] === seg && hits.end[k]! < pos)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "the Getty case", "the Times' case": a case noun right after a party, judge or term of a registry case is
 * litigation vocabulary (counted once per article, double in the title).
 */
export function partyCases(
  hits: ArticleHits,
  caseHits: readonly number[],
  nouns: readonly Span[],
  f: TopicFeatures,
  litSentence: Uint8Array,
  strongLit: Uint8Array,
): void {
  for (const n of nouns.slice(0, MAX_CASE_NOUNS)) {
    const text = n.seg === 0 ? hits.title : hits.text;
    let found = false;
    for (let i = firstEndingFrom(hits, caseHits, n.seg, n.start - 4); i < caseHits.length; i++) {
      const k = caseHits[i]!;
      if (hits.seg[k] !== n.seg || hits.end[k]! > n.start) break;
      if (POSSESSIVE_GAP.test(text.slice(hits.end[k]!, n.start))) found = true;
    }
    if (!found) continue;
    f.lit += n.seg === 0 ? 2 : 1;
    litSentence[n.sent] = 1;
    if (n.seg === 0) f.litTitle = true;
    else strongLit[n.sent] = 1;
    return;
  }
}
