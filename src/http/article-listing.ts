/** One page of articles for the API and the pages: filters, search mode and cursors in one place. */
import { eq } from "drizzle-orm";
import {
  type ArticleCaseRow,
  type ArticleFilter,
  casesForArticles,
  listArticlesByDate,
  maxArticleId,
  type RankedArticleRow,
  searchArticlesByRank,
} from "../db/articles-read";
import { caseExists } from "../db/cases-read";
import type { Db } from "../db/database";
import { toFtsQuery } from "../db/fts-query";
import { sources } from "../db/schema";
import type { Topic } from "../domain/types";
import { decodeCursor, encodeCursor } from "./cursor";
import { badParameter, notFound } from "./problem";

/**
 * Deepest a relevance walk goes (its cursor carries the ids served). Past it, `sort=date` lists everything:
 * search engines cap ranked result windows the same way.
 */
export const MAX_RANKED_RESULTS = 500;

/** What a caller asks for (already validated for shape; ids and query text are checked here). */
export interface ListRequest {
  caseId?: string | undefined;
  /** Default litigation; "all" for every topic. */
  topic?: Topic | "all" | undefined;
  q?: string | undefined;
  sort?: "relevance" | "date" | undefined;
  /** ISO UTC. */
  since?: string | undefined;
  until?: string | undefined;
  sourceId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** An article of a page with its case assignments. */
export interface ListedArticle extends RankedArticleRow {
  cases: ArticleCaseRow[];
}

/** One page and the cursor of the next (null on the last page). */
export interface ListPage {
  articles: ListedArticle[];
  nextCursor: string | null;
  /** `rank` when the page is a relevance-ordered search. */
  order: "date" | "rank";
}

async function sourceExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).limit(1);
  return rows.length > 0;
}

/**
 * Lists a page: newest first, or by bm25 rank when `q` is given (unless sort=date). Unknown case or source → 404;
 * empty search text, relevance without `q`, or a foreign cursor → 400.
 */
export async function listArticlePage(db: Db, req: ListRequest): Promise<ListPage> {
  const match = req.q !== undefined ? toFtsQuery(req.q) : undefined;
  if (match === null) throw badParameter("q", "must contain at least one word");
  if (req.sort === "relevance" && !match) throw badParameter("sort", "relevance needs a search text q");
  if (req.since && req.until && req.since >= req.until)
    throw badParameter("until", "must be later than since");
  const [caseOk, sourceOk] = await Promise.all([
    req.caseId ? caseExists(db, req.caseId) : true,
    req.sourceId ? sourceExists(db, req.sourceId) : true,
  ]);
  if (!caseOk) throw notFound("case", req.caseId ?? "");
  if (!sourceOk) throw notFound("source", req.sourceId ?? "");
  const filter: ArticleFilter = {
    caseId: req.caseId,
    topic: req.topic === "all" ? undefined : (req.topic ?? "ai-copyright-litigation"),
    sourceId: req.sourceId,
    since: req.since,
    until: req.until,
    match: match ?? undefined,
  };
  const byRank = match && req.sort !== "date";
  let rows: RankedArticleRow[];
  let snapshot = 0;
  let seen: number[] = [];
  let pageSize = req.limit;
  if (byRank) {
    const after = req.cursor ? decodeCursor(req.cursor, "rank") : undefined;
    snapshot = after?.maxId ?? (await maxArticleId(db));
    seen = after?.seen ?? [];
    pageSize = Math.max(0, Math.min(req.limit, MAX_RANKED_RESULTS - seen.length));
    rows = pageSize > 0 ? await searchArticlesByRank(db, match, filter, pageSize + 1, snapshot, seen) : [];
  } else {
    const after = req.cursor ? decodeCursor(req.cursor, "date") : undefined;
    rows = await listArticlesByDate(db, filter, req.limit + 1, after);
  }
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const capped = byRank && seen.length + page.length >= MAX_RANKED_RESULTS;
  let nextCursor: string | null = null;
  if (rows.length > page.length && last && !capped) {
    nextCursor = byRank
      ? encodeCursor({ kind: "rank", maxId: snapshot, seen: [...seen, ...page.map((r) => r.id)] })
      : encodeCursor({ kind: "date", sortAt: last.sortAt, id: last.id });
  }
  const cases = await casesForArticles(
    db,
    page.map((r) => r.id),
  );
  return {
    articles: page.map((r) => ({ ...r, cases: cases.get(r.id) ?? [] })),
    nextCursor,
    order: byRank ? "rank" : "date",
  };
}
