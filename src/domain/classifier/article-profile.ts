/**
 * One pass over an article's matches: the vocabulary profile for the topic decision, the litigation
 * sentences, the phrase spans the case linker needs, the party mentions, and which plaintiff-side mentions
 * only cite a source or a warning letter.
 */
import { partyCases } from "./case-nouns";
import { type CompiledRegistry, HAS_REFS } from "./compile-registry";
import type { Span } from "./party-links";
import type { ArticleHits } from "./scan-article";
import type { TopicFeatures } from "./topic-scoring";
import { V } from "./vocabulary";

/** Everything the case scorer and the topic decision read from the matches. */
export interface ArticleProfile {
  features: TopicFeatures;
  /** Per sentence: 1 when it has litigation vocabulary. */
  litSentence: Uint8Array;
  /** Hit indices of party mentions (matches whose pattern names a party, judge or term of a case). */
  caseHits: number[];
  /** Per hit: 1 when a plaintiff-side mention only cites a source or a warning letter. */
  neutral: Uint8Array;
  connectors: Span[];
  suitBefore: Span[];
  suitAfter: Span[];
  /** Filing phrases ("sued X", "v.") in title and text, for caption extraction. */
  filing: Span[];
}

/** Vocabulary that weighs in the topic decision. */
const WEIGHED = V.AI | V.COPY | V.LIT | V.NEG | V.POLICY;

const SPAN_CATS =
  V.CASE_NOUN |
  V.CONNECTOR |
  V.SUIT_BEFORE |
  V.SUIT_AFTER |
  V.ATTRIB_BEFORE |
  V.ATTRIB_AFTER |
  V.NOTICE |
  V.FILING |
  V.SPEECH;

function firstFrom(spans: readonly Span[], seg: number, pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.seg < seg || (s.seg === seg && s.start < pos)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function anyStartIn(spans: readonly Span[], seg: number, from: number, to: number): boolean {
  const s = spans[firstFrom(spans, seg, from)];
  return s !== undefined && s.seg === seg && s.start <= to;
}

function endsNear(spans: readonly Span[], seg: number, pos: number, gap: number): boolean {
  for (let i = firstFrom(spans, seg, pos - 40); i < spans.length; i++) {
    const s = spans[i]!;
    if (s.seg !== seg || s.start >= pos) break;
    if (s.end <= pos && pos - s.end <= gap) return true;
  }
  return false;
}

const bySegStart = (a: Span, b: Span) => a.seg - b.seg || a.start - b.start;

/** Sorts spans by segment and start (they mostly arrive in that order already). */
function sortSpans(list: Span[]): void {
  for (let i = 1; i < list.length; i++) {
    if (bySegStart(list[i - 1]!, list[i]!) > 0) {
      list.sort(bySegStart);
      return;
    }
  }
}

/**
 * Whether a plaintiff named by a case, or a plaintiff kind of a case ("voice actors"), shares a sentence with a
 * filing word (neutral mentions do not count).
 */
function plaintiffFiling(
  reg: CompiledRegistry,
  hits: ArticleHits,
  caseHits: number[],
  neutral: Uint8Array,
  filing: Span[],
): { named: boolean; kind: boolean } {
  const out = { named: false, kind: false };
  if (filing.length === 0) return out;
  const filingSentences = new Set(filing.map((s) => s.seg * 1_000_000 + s.sent));
  for (const k of caseHits) {
    const info = reg.patterns[hits.pat[k]!]!;
    if (neutral[k] || !info.plaintiffSide || !filingSentences.has(hits.seg[k]! * 1_000_000 + hits.sent[k]!))
      continue;
    if (info.hasSpecific) out.named = true;
    else out.kind = true;
  }
  return out;
}

interface Buckets {
  connectors: Span[];
  suitBefore: Span[];
  suitAfter: Span[];
  attribBefore: Span[];
  attribAfter: Span[];
  notice: Span[];
  filing: Span[];
  speech: Span[];
  caseNouns: Span[];
}

/** Kinds that also name the writers of a piece ("the authors say"); "labels say" is a party speaking. */
const WRITERS: ReadonlySet<string> = new Set(["authors", "author", "writers", "writer"]);

function neutralMentions(
  hits: ArticleHits,
  reg: CompiledRegistry,
  caseHits: number[],
  b: Buckets,
): Uint8Array {
  const neutral = new Uint8Array(hits.count);
  for (const k of caseHits) {
    const info = reg.patterns[hits.pat[k]!]!;
    if (!info.plaintiffSide) continue;
    const seg = hits.seg[k]!;
    const start = hits.start[k]!;
    const end = hits.end[k]!;
    if (info.kindOnly && WRITERS.has(info.displayKey) && anyStartIn(b.speech, seg, end, end + 2)) {
      neutral[k] = 1; // "the authors say": the writers of the piece, not a party
      continue;
    }
    if (endsNear(b.attribBefore, seg, start, 6) || anyStartIn(b.attribAfter, seg, end, end + 4)) {
      neutral[k] = 1; // "according to the Times", "a New York Times report"
      continue;
    }
    const letter = b.notice[firstFrom(b.notice, seg, end)];
    if (letter && letter.seg === seg && letter.sent === hits.sent[k] && letter.start - end <= 80) {
      if (!anyStartIn(b.filing, seg, end, letter.end + 35)) neutral[k] = 1; // a warning letter is not a suit
    }
  }
  return neutral;
}

/** Builds the profile of one scanned article. */
export function profileArticle(reg: CompiledRegistry, hits: ArticleHits): ArticleProfile {
  const f: TopicFeatures = {
    ai: 0,
    copy: 0,
    lit: 0,
    neg: 0,
    aiTitle: false,
    copyTitle: false,
    litTitle: false,
    policyTitle: false,
    litSentences: 0,
    sentences: hits.sentences - 1,
    plaintiffFiling: false,
    kindFiling: false,
  };
  const litSentence = new Uint8Array(hits.sentences + 1);
  const strongLit = new Uint8Array(hits.sentences + 1);
  const b: Buckets = {
    connectors: [],
    suitBefore: [],
    suitAfter: [],
    attribBefore: [],
    attribAfter: [],
    notice: [],
    filing: [],
    speech: [],
    caseNouns: [],
  };
  const caseHits: number[] = [];
  const seen = reg.scratch.seen;
  const epoch = ++reg.scratch.epoch;
  const flags = reg.flags;
  const weights = reg.weights;
  for (let k = 0; k < hits.count; k++) {
    const p = hits.pat[k]!;
    const vocab = flags[p]!;
    if (vocab & HAS_REFS) caseHits.push(k);
    if ((vocab & ~HAS_REFS) === 0) continue;
    const title = hits.seg[k] === 0;
    const sent = hits.sent[k]!;
    if (vocab & WEIGHED) {
      if (seen[p * 2] !== epoch) {
        seen[p * 2] = epoch;
        seen[p * 2 + 1] = 0;
      }
      const mult = (title ? 2 : 1) * (seen[p * 2 + 1]!++ < 3 ? 1 : 0);
      const ai = weights[4 * p]!;
      const copy = weights[4 * p + 1]!;
      const lit = weights[4 * p + 2]!;
      f.ai += ai * mult;
      f.copy += copy * mult;
      f.lit += lit * mult;
      f.neg += weights[4 * p + 3]! * mult;
      if (title) {
        if (ai) f.aiTitle = true;
        if (copy >= 1) f.copyTitle = true;
        if (lit >= 1) f.litTitle = true;
        if (vocab & V.POLICY) f.policyTitle = true;
      }
      if (lit > 0) litSentence[sent] = 1;
      if (lit >= 1 && !title) strongLit[sent] = 1;
    }
    if (vocab & SPAN_CATS) {
      const span: Span = { k, start: hits.start[k]!, end: hits.end[k]!, seg: hits.seg[k]!, sent };
      if (vocab & V.CONNECTOR) b.connectors.push(span);
      if (vocab & V.SUIT_BEFORE) b.suitBefore.push(span);
      if (vocab & V.SUIT_AFTER) b.suitAfter.push(span);
      if (vocab & V.ATTRIB_BEFORE) b.attribBefore.push(span);
      if (vocab & V.ATTRIB_AFTER) b.attribAfter.push(span);
      if (vocab & V.NOTICE) b.notice.push(span);
      if (vocab & V.FILING) b.filing.push(span);
      if (vocab & V.SPEECH) b.speech.push(span);
      if (vocab & V.CASE_NOUN) b.caseNouns.push(span);
    }
  }
  if (b.caseNouns.length > 0) partyCases(hits, caseHits, b.caseNouns, f, litSentence, strongLit);
  for (let i = 0; i < strongLit.length; i++) f.litSentences += strongLit[i]!;
  sortSpans(b.connectors);
  sortSpans(b.suitBefore);
  sortSpans(b.suitAfter);
  sortSpans(b.attribBefore);
  sortSpans(b.attribAfter);
  sortSpans(b.notice);
  sortSpans(b.filing);
  sortSpans(b.speech);
  const neutral = neutralMentions(hits, reg, caseHits, b);
  const filers = plaintiffFiling(reg, hits, caseHits, neutral, b.filing);
  f.plaintiffFiling = filers.named;
  f.kindFiling = filers.kind;
  return {
    features: f,
    litSentence,
    caseHits,
    neutral,
    connectors: b.connectors,
    suitBefore: b.suitBefore,
    suitAfter: b.suitAfter,
    filing: b.filing,
  };
}
