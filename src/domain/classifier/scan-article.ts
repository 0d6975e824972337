/** Runs the automaton over an article's title and text and places every match in a sentence. */
import { ScanSink, scanText } from "./automaton";
import type { CompiledRegistry } from "./compile-registry";
import { isSentenceEnd } from "./sentences";

/** Longest text scanned (characters); the rest of a longer text is ignored. */
const MAX_TEXT = 4_000_000;
/** Longest title scanned (characters). */
const MAX_TITLE = 4_000;

/**
 * All matches of one article, in scan order. Sentence 0 is the title; the text starts at sentence 1.
 * The arrays belong to a scratch buffer reused by the next scan: read them before classifying again.
 */
export interface ArticleHits {
  readonly count: number;
  readonly pat: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 0 = title, 1 = text. */
  readonly seg: Uint8Array;
  readonly sent: Int32Array;
  /** Number of sentences, title included. */
  readonly sentences: number;
  readonly title: string;
  readonly text: string;
}

const sink = new ScanSink();
let seg = new Uint8Array(256);
let sent = new Int32Array(256);

/** Scans title and text with the registry's automaton. */
export function scanArticle(reg: CompiledRegistry, title: string, text: string): ArticleHits {
  const t = title.length > MAX_TITLE ? title.slice(0, MAX_TITLE) : title;
  const body = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  sink.reset();
  scanText(reg.automaton, t, sink);
  const titleCount = sink.count;
  sink.stopCount = 0;
  scanText(reg.automaton, body, sink);
  const count = sink.count;
  if (seg.length < count) {
    seg = new Uint8Array(sink.pat.length);
    sent = new Int32Array(sink.pat.length);
  }
  seg.fill(0, 0, titleCount);
  sent.fill(0, 0, titleCount);
  let sentence = 1;
  let s = 0;
  const stops = sink.stops;
  for (let k = titleCount; k < count; k++) {
    const end = sink.end[k]!;
    while (s < sink.stopCount && stops[s]! < end) {
      if (isSentenceEnd(body, stops[s]!)) sentence++;
      s++;
    }
    seg[k] = 1;
    sent[k] = sentence;
  }
  while (s < sink.stopCount) {
    if (isSentenceEnd(body, stops[s]!)) sentence++;
    s++;
  }
  return {
    count,
    pat: sink.pat,
    start: sink.start,
    end: sink.end,
    seg,
    sent,
    sentences: sentence + 1,
    title: t,
    text: body,
  };
}
