/** Maps stored rows to the JSON the API serves (only http(s) links; never the article text). */
import { type ArticleCaseRow, type ArticleRow, SNIPPET_CLOSE, SNIPPET_OPEN } from "../db/articles-read";
import type { Topic } from "../domain/types";
import { safeHttpUrl } from "./urls";

/** An article as the API serves it. */
export interface ArticleJson {
  id: number;
  url: string | null;
  title: string;
  summary: string;
  source: { id: string; name: string };
  publishedAt: string | null;
  topic: Topic;
  cases: { id: string; score: number; evidence: string[] }[];
}

/** A plain-text snippet with the offsets of its highlighted matches. */
export interface SnippetJson {
  text: string;
  highlights: [number, number][];
}

/** The API form of an article and its case assignments. */
export function articleJson(row: ArticleRow, cases: readonly ArticleCaseRow[]): ArticleJson {
  return {
    id: row.id,
    url: safeHttpUrl(row.url),
    title: row.title,
    summary: row.summary,
    source: { id: row.sourceId, name: row.sourceName },
    publishedAt: row.publishedAt,
    topic: row.topic,
    cases: cases.map((c) => ({
      id: c.caseId,
      score: Math.round(c.score * 1000) / 1000,
      evidence: c.evidence,
    })),
  };
}

/** Splits a marked snippet (SNIPPET_OPEN/SNIPPET_CLOSE around matches) into text and highlight offsets. */
export function parseSnippet(marked: string): SnippetJson {
  let text = "";
  const highlights: [number, number][] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === SNIPPET_OPEN) start = text.length;
    else if (ch === SNIPPET_CLOSE) {
      if (start >= 0 && text.length > start) highlights.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/** Search relevance shown to clients: the negated bm25 rank, rounded (higher is better). */
export function relevanceScore(rank: number): number {
  return Math.round(-rank * 1e4) / 1e4;
}
