/** Writes for articles: known-key lookup, insert statements with case assignments and candidates. */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { CaseMatch, Topic } from "../domain/types";
import { type BatchStatement, chunk, type Db } from "./database";
import { articleCases, articles, candidateArticles, candidates } from "./schema";

/** An article ready to store, with its classification. */
export interface NewArticle {
  url: string;
  guid: string | null;
  sourceId: string;
  title: string;
  summary: string;
  contentText: string;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  dedupeKey: string;
  topic: Topic;
  relevance: number;
  cases: CaseMatch[];
  /** Proposed captions for new-case candidates. */
  candidateCaptions: string[];
}

/** A stored article found by one of its keys. */
export interface KnownArticle {
  id: number;
  topic: Topic;
  sourceId: string;
}

/** Which of these canonical URLs and dedupe keys are already stored, with the article each one belongs to. */
export async function findKnownKeys(
  db: Db,
  urls: readonly string[],
  dedupeKeys: readonly string[],
): Promise<{ urls: Map<string, KnownArticle>; dedupeKeys: Map<string, KnownArticle> }> {
  const known = { urls: new Map<string, KnownArticle>(), dedupeKeys: new Map<string, KnownArticle>() };
  const cols = {
    id: articles.id,
    topic: articles.topic,
    sourceId: articles.sourceId,
    url: articles.url,
    key: articles.dedupeKey,
  };
  for (const part of chunk([...new Set(urls)], 90)) {
    const rows = await db.select(cols).from(articles).where(inArray(articles.url, part));
    for (const r of rows) known.urls.set(r.url, { id: r.id, topic: r.topic, sourceId: r.sourceId });
  }
  for (const part of chunk([...new Set(dedupeKeys)], 90)) {
    const rows = await db.select(cols).from(articles).where(inArray(articles.dedupeKey, part));
    for (const r of rows) known.dedupeKeys.set(r.key, { id: r.id, topic: r.topic, sourceId: r.sourceId });
  }
  return known;
}

/** Normalises a caption into the key that identifies a candidate ("openai v. foo" ≈ "OpenAI v Foo"). */
export function candidateKey(caption: string): string {
  return caption
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\b(vs?|versus)\b\.?/g, " v ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The statements that store one article (ignored if its URL is already stored) with its cases and candidates. */
export function insertArticleStatements(db: Db, a: NewArticle): BatchStatement[] {
  const sortAt = a.publishedAt && a.publishedAt <= a.fetchedAt ? a.publishedAt : a.fetchedAt;
  const out: BatchStatement[] = [
    db
      .insert(articles)
      .values({
        url: a.url,
        guid: a.guid,
        sourceId: a.sourceId,
        title: a.title,
        summary: a.summary,
        contentText: a.contentText,
        author: a.author,
        publishedAt: a.publishedAt,
        fetchedAt: a.fetchedAt,
        sortAt,
        topic: a.topic,
        relevance: a.relevance,
        dedupeKey: a.dedupeKey,
        updatedAt: a.fetchedAt,
      })
      .onConflictDoNothing(),
  ];
  const idOf = sql`(SELECT ${articles.id} FROM ${articles} WHERE ${articles.url} = ${a.url})`;
  for (const c of a.cases) {
    out.push(
      db.run(
        sql`INSERT OR IGNORE INTO ${articleCases} (article_id, case_id, score, evidence, origin)
            VALUES (${idOf}, ${c.id}, ${c.score}, ${JSON.stringify(c.evidence)}, 'auto')`,
      ),
    );
  }
  for (const caption of a.candidateCaptions) {
    const key = candidateKey(caption);
    if (!key) continue;
    out.push(
      db
        .insert(candidates)
        .values({ key, caption, firstSeenAt: a.fetchedAt, lastSeenAt: a.fetchedAt })
        .onConflictDoUpdate({ target: candidates.key, set: { lastSeenAt: a.fetchedAt } }),
      db.run(
        sql`INSERT OR IGNORE INTO ${candidateArticles} (candidate_key, article_id) VALUES (${key}, ${idOf})`,
      ),
    );
  }
  return out;
}

/** Replaces an article's automatic classification, keeping manual case assignments. */
export function reclassifyStatements(
  db: Db,
  articleId: number,
  topic: Topic,
  relevance: number,
  cases: CaseMatch[],
  nowIso: string,
): BatchStatement[] {
  const out: BatchStatement[] = [
    db.update(articles).set({ topic, relevance, updatedAt: nowIso }).where(eq(articles.id, articleId)),
    db
      .delete(articleCases)
      .where(and(eq(articleCases.articleId, articleId), eq(articleCases.origin, "auto"))),
  ];
  for (const c of cases) {
    out.push(
      db
        .insert(articleCases)
        .values({ articleId, caseId: c.id, score: c.score, evidence: c.evidence, origin: "auto" })
        .onConflictDoNothing(),
    );
  }
  return out;
}
