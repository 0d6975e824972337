/** HTML pages: / (cases and latest coverage), /cases/:id, /search, and the HTML 404 page. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { casesForArticles, listArticlesByDate } from "../../db/articles-read";
import { caseCaptions, getCaseDetail, listCaseSummaries } from "../../db/cases-read";
import { AppError } from "../../domain/errors";
import { type ListedArticle, listArticlePage } from "../article-listing";
import { parseSnippet } from "../article-view";
import type { HttpContext } from "../context";
import { decodeCursor } from "../cursor";
import { CasePage } from "../pages/case-page";
import { HomePage } from "../pages/home-page";
import { renderDocument } from "../pages/layout";
import { NotFoundPage } from "../pages/not-found-page";
import type { PageArticle } from "../pages/parts";
import { SearchPage } from "../pages/search-page";
import { pageSecurityHeaders } from "../pages/style";
import { requestKey } from "../response-cache";

/** Content type of the pages. */
export const HTML_CONTENT_TYPE = "text/html; charset=utf-8";
/** Cache-Control of the pages. */
const PAGE_CACHE_CONTROL = "public, max-age=60";
/** Articles per page on case and search pages. */
const PAGE_SIZE = 30;
const HOME_LATEST = 10;

/** An uncached HTML error page: `heading` as title, `what` (plain text) says what went wrong. */
export async function htmlError(
  ctx: HttpContext,
  status: 400 | 404,
  heading: string,
  what: string,
): Promise<Response> {
  const body = await renderDocument(<NotFoundPage urls={ctx.urls} what={what} heading={heading} />);
  return new Response(body, {
    status,
    headers: {
      "content-type": HTML_CONTENT_TYPE,
      "cache-control": "no-store",
      ...(await pageSecurityHeaders()),
    },
  });
}

/** The HTML 404 response. */
export function htmlNotFound(ctx: HttpContext, what: string): Promise<Response> {
  return htmlError(ctx, 404, "Not found", what);
}

/** The HTML 400 response to a `cursor` that this site did not issue (or that no longer applies). */
function htmlBadCursor(ctx: HttpContext, path: string): Promise<Response> {
  return htmlError(
    ctx,
    400,
    "Bad request",
    `That page link is not valid (or has expired). Start again from ${path} without the cursor.`,
  );
}

function pageArticle(
  a: ListedArticle,
  captions: ReadonlyMap<string, string>,
  withSnippet: boolean,
): PageArticle {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    summary: a.summary,
    sourceName: a.sourceName,
    publishedAt: a.publishedAt,
    sortAt: a.sortAt,
    cases: a.cases.map((c) => ({ id: c.caseId, caption: c.caption ?? captions.get(c.caseId) ?? null })),
    snippet: withSnippet ? parseSnippet(a.snippet ?? a.summary) : undefined,
  };
}

/** Registers the page routes. */
export function registerPageRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db } = ctx.deps;
  const servePage = async (c: Context, keep: boolean, render: () => Promise<string>) =>
    ctx.cache.serve(c.req.raw, {
      key: requestKey(c.req.url),
      contentType: HTML_CONTENT_TYPE,
      cacheControl: PAGE_CACHE_CONTROL,
      headers: await pageSecurityHeaders(),
      keep,
      render,
    });

  app.get("/", (c) =>
    servePage(c, true, async () => {
      const [cases, rows] = await Promise.all([
        listCaseSummaries(db),
        listArticlesByDate(db, { topic: "ai-copyright-litigation" }, HOME_LATEST),
      ]);
      const byArticle = await casesForArticles(
        db,
        rows.map((r) => r.id),
      );
      const latest = rows.map((r) =>
        pageArticle({ ...r, cases: byArticle.get(r.id) ?? [] }, new Map(), false),
      );
      return renderDocument(<HomePage urls={ctx.urls} cases={cases} latest={latest} />);
    }),
  );

  app.get("/cases/:id", async (c) => {
    const id = c.req.param("id");
    const path = `/cases/${encodeURIComponent(id)}`;
    const cursor = c.req.query("cursor") || undefined;
    if (cursor) {
      try {
        decodeCursor(cursor, "date");
      } catch {
        // Answered, never cached: a bogus cursor must not take a cache entry.
        return htmlBadCursor(ctx, path);
      }
    }
    try {
      return await servePage(c, true, async () => {
        const detail = await getCaseDetail(db, id);
        if (!detail) throw new AppError(404, "Not Found", `There is no case "${id}" in the registry.`);
        const [page, captions] = await Promise.all([
          listArticlePage(db, { caseId: id, topic: "all", limit: PAGE_SIZE, cursor }),
          caseCaptions(db),
        ]);
        const related = (Array.isArray(detail.facts.related) ? detail.facts.related : []).flatMap((r) => {
          const caption = captions.get(r);
          return caption ? [{ id: r, caption }] : [];
        });
        const olderHref = page.nextCursor
          ? `${path}?${new URLSearchParams({ cursor: page.nextCursor }).toString()}`
          : null;
        return renderDocument(
          <CasePage
            urls={ctx.urls}
            c={detail}
            related={related}
            articles={page.articles.map((a) => pageArticle(a, captions, false))}
            olderHref={olderHref}
            choices={[...captions].map(([cid, caption]) => ({ id: cid, caption }))}
          />,
        );
      });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return htmlNotFound(ctx, err.detail);
      if (err instanceof AppError && err.status === 400 && cursor) return htmlBadCursor(ctx, path);
      throw err;
    }
  });

  app.get("/search", (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 500).trim();
    const sort = c.req.query("sort") === "date" ? "date" : "relevance";
    const cursor = c.req.query("cursor") || undefined;
    return servePage(c, false, async () => {
      let results: PageArticle[] | null = null;
      let message: string | null = null;
      let nextHref: string | null = null;
      if (q) {
        try {
          const [page, captions] = await Promise.all([
            listArticlePage(db, { q, sort, limit: PAGE_SIZE, cursor }),
            caseCaptions(db),
          ]);
          results = page.articles.map((a) => pageArticle(a, captions, true));
          if (page.nextCursor) {
            nextHref = `/search?${new URLSearchParams({ q, sort, cursor: page.nextCursor }).toString()}`;
          }
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 400) throw err;
          message = err.detail.includes('"q"')
            ? "Type at least one word to search for."
            : "That page of results has expired; start the search again.";
        }
      }
      return renderDocument(
        <SearchPage
          urls={ctx.urls}
          q={q}
          sort={sort}
          results={results}
          message={message}
          nextHref={nextHref}
        />,
      );
    });
  });
}
