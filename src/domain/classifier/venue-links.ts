/**
 * Court places linked to defendants: a venue word of a case and one of its defendants in one litigation
 * sentence ("a Munich court ruled against OpenAI", "Perplexity sued in Tokyo") describe that case.
 */
import type { CompiledRegistry } from "./compile-registry";
import type { ArticleHits } from "./scan-article";

/** A venue mention and a defendant-side mention of case `c` in sentence `sent` (hit indices vk, dk). */
export interface VenueLink {
  c: number;
  sent: number;
  vk: number;
  dk: number;
}

function sameSentence(hits: ArticleHits, a: number, b: number): boolean {
  return hits.seg[a] === hits.seg[b] && hits.sent[a] === hits.sent[b];
}

/**
 * Venue/defendant pairs of the same case inside each litigation sentence (title included). Only venue words of
 * at most two cases count (see PatternInfo.venues). `caseHits` are in scan order, so a sentence's hits are
 * contiguous.
 */
export function venueLinks(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: readonly number[],
  litSentence: Uint8Array,
): VenueLink[] {
  const out: VenueLink[] = [];
  for (let x = 0; x < caseHits.length; x++) {
    const vk = caseHits[x]!;
    const venues = reg.patterns[hits.pat[vk]!]!.venues;
    if (venues.length === 0 || !litSentence[hits.sent[vk]!]) continue;
    let from = x;
    while (from > 0 && sameSentence(hits, caseHits[from - 1]!, vk)) from--;
    for (const c of venues) {
      for (let y = from; y < caseHits.length && sameSentence(hits, caseHits[y]!, vk); y++) {
        const dk = caseHits[y]!;
        if (dk !== vk && reg.patterns[hits.pat[dk]!]!.dside.includes(c)) {
          out.push({ c, sent: hits.sent[vk]!, vk, dk });
          break;
        }
      }
    }
  }
  return out;
}
