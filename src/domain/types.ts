/** Core types shared by every layer; plain data, no behaviour. */

/** Topic of an article as decided by the classifier. */
export type Topic = "ai-copyright-litigation" | "ai-copyright-other" | "not-relevant";

/** All topics, in a stable order. */
export const TOPICS: readonly Topic[] = ["ai-copyright-litigation", "ai-copyright-other", "not-relevant"];

/** CSS-like selectors that read an HTML listing page into items. */
export interface ListSelectors {
  /** One element per article on the listing page. */
  item: string;
  /** Element (inside item) whose text is the title; defaults to the link. */
  title?: string;
  /** Element (inside item) whose href is the article link; defaults to the first `a[href]`. */
  link: string;
  /** Element (inside item) with a summary/teaser. */
  summary?: string;
  /** Element (inside item) carrying a date: `datetime` attribute or its text. */
  date?: string;
}

/** One outlet in the source catalogue. */
export interface SourceDef {
  id: string;
  name: string;
  kind: "feed" | "html";
  url: string;
  homepage?: string;
  language?: string;
  /** Selectors for `html` sources. */
  selectors?: ListSelectors;
  /** `teaser` = always fetch the article page; `full` = never; `auto` = when the feed body is short. */
  fullText?: "auto" | "full" | "teaser" | "never";
  enabled?: boolean;
}

/** One item as read from a feed or listing page, before normalisation (all fields untrusted). */
export interface RawItem {
  guid?: string;
  link?: string;
  title?: string;
  /** HTML or text body as the feed gave it (summary or full content, whichever is longer). */
  content?: string;
  /** Short description as the feed gave it (HTML or text). */
  description?: string;
  author?: string;
  /** Date string as found in the feed; parsed during normalisation. */
  date?: string;
  /** xml:base in effect for this item (entry-level joined with feed-level); may itself be relative. */
  base?: string;
}

/** A parsed feed or listing page. */
export interface ParsedFeed {
  title?: string;
  link?: string;
  items: RawItem[];
  /** Non-fatal notes, e.g. "recovered with lenient XML". */
  warnings: string[];
}

/** An item after normalisation: plain text, canonical URL, parsed date, dedupe key. */
export interface NormalisedItem {
  url: string;
  guid: string | null;
  title: string;
  /** Plain text, at most 300 characters, cut at a word boundary. */
  summary: string;
  /** Plain text of the feed body (may be replaced by the extracted page text). */
  contentText: string;
  author: string | null;
  /** ISO 8601 UTC, or null when the feed gave none or it was unparseable. */
  publishedAt: string | null;
  /** Canonical-URL key used for exact dedupe. */
  urlKey: string;
  /** Title fingerprint that catches the same story under another URL or GUID. */
  titleKey: string;
}

/** Input of the classifier. */
export interface ClassifyInput {
  title: string;
  text: string;
  url?: string;
}

/** One case assigned to an article. */
export interface CaseMatch {
  id: string;
  /** 0..1, comparable across articles. */
  score: number;
  /** The matched terms that decided it. */
  evidence: string[];
}

/** Output of the classifier. */
export interface ClassifyResult {
  topic: Topic;
  /** 0..1 confidence that the article is about AI copyright litigation. */
  relevance: number;
  /** Non-empty only for `ai-copyright-litigation`; sorted by score, highest first. */
  cases: CaseMatch[];
  /** "X v. Y" style captions found in the text that match no registry case. */
  unknownCaptions: string[];
}

/** A lawsuit in the registry. */
export interface CaseDef {
  id: string;
  caption: string;
  /** Names used in the press for this case. */
  aliases: string[];
  court: string;
  docket: string;
  jurisdiction: string;
  /** ISO date (YYYY-MM-DD) or partial. */
  filed: string;
  plaintiffs: string[];
  defendants: string[];
  works: string[];
  modelsOrProducts: string[];
  keyTerms: string[];
  judge: string;
  /** Latest known development, prefixed with its date. */
  status: string;
  related: string[];
  sources: string[];
}
