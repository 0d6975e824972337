/** GET /api/articles (filters, full-text search, cursor pagination) and GET /api/articles/{id}. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { casesForArticles, getArticleRow } from "../../db/articles-read";
import type { Topic } from "../../domain/types";
import { listArticlePage } from "../article-listing";
import { articleJson, parseSnippet, relevanceScore } from "../article-view";
import type { HttpContext } from "../context";
import { notFound } from "../problem";
import { serveApiJson } from "../respond";
import { Article, ArticleIdParam, ArticleList, ArticlesQuery, normaliseIso, Problem } from "../schemas";

/** Page size when `limit` is not given. */
export const DEFAULT_API_LIMIT = 20;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/articles",
  tags: ["articles"],
  summary: "Articles newest first (or by relevance with q), filtered, with cursor pagination",
  description:
    "Defaults to topic `ai-copyright-litigation`. With `q` results are ranked by bm25 and carry a summary " +
    "snippet; a relevance walk is pinned to the articles that existed on its first page. Cursors are keyset " +
    "positions, so articles arriving between pages cause no duplicates or gaps.",
  request: { query: ArticlesQuery },
  responses: {
    200: { description: "One page", content: { "application/json": { schema: ArticleList } } },
    304: { description: "Not modified (ETag / Last-Modified)" },
    400: problem("A parameter is invalid (named in detail)"),
    404: problem("Unknown case or source"),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/articles/{id}",
  tags: ["articles"],
  summary: "One article with its cases (never the article text)",
  request: { params: ArticleIdParam },
  responses: {
    200: { description: "The article", content: { "application/json": { schema: Article } } },
    304: { description: "Not modified (ETag / Last-Modified)" },
    404: problem("Unknown article id"),
  },
});

/** Registers the article routes. */
export function registerArticleRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db } = ctx.deps;
  app.openapi(listRoute, (c) => {
    const q = c.req.valid("query");
    return serveApiJson(ctx, c.req.raw, false, async () => {
      const page = await listArticlePage(db, {
        caseId: q.case,
        topic: q.topic as Topic | "all" | undefined,
        q: q.q,
        sort: q.sort as "relevance" | "date" | undefined,
        since: q.since ? normaliseIso(q.since) : undefined,
        until: q.until ? normaliseIso(q.until) : undefined,
        sourceId: q.source,
        limit: q.limit ?? DEFAULT_API_LIMIT,
        cursor: q.cursor,
      });
      const articles = page.articles.map((a) => {
        const base = articleJson(a, a.cases);
        if (q.q === undefined) return base;
        const snippet = parseSnippet(a.snippet ?? a.summary);
        return page.order === "rank"
          ? { ...base, snippet, score: relevanceScore(a.rank) }
          : { ...base, snippet };
      });
      return JSON.stringify({ articles, nextCursor: page.nextCursor });
    });
  });

  app.openapi(oneRoute, (c) => {
    const { id } = c.req.valid("param");
    return serveApiJson(ctx, c.req.raw, false, async () => {
      const row = await getArticleRow(db, id);
      if (!row) throw notFound("article", id);
      const cases = await casesForArticles(db, [id]);
      return JSON.stringify(articleJson(row, cases.get(id) ?? []));
    });
  });
}
