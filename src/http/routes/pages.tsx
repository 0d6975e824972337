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
import { pageCsp } from "../pages/style";
import { requestKey } from "../response-cache";

/** Content type of the pages. */
export const HTML_CONTENT_TYPE = "text/html; charset=utf-8";
/** Cache-Control of the pages. */
const PAGE_CACHE_CONTROL = "public, max-age=60";
/** Articles per page on case and search pages. */
const PAGE_SIZE = 30;
const HOME_LATEST = 10;

/** Headers of every HTML response: the strict CSP and friends. */
export async function pageHeaders(): Promise<Record<string, string>> {
  return {
    "content-security-policy": await pageCsp(),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

/** The HTML 404 response. */
export async function htmlNotFound(ctx: HttpContext, what: string): Promise<Response> {
  const body = await renderDocument(<NotFoundPage urls={ctx.urls} what={what} />);
  return new Response(body, {
    status: 404,
    headers: { "content-type": HTML_CONTENT_TYPE, "cache-control": "no-store", ...(await pageHeaders()) },
  });
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
      headers: await pageHeaders(),
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
    const raw = c.req.query("cursor");
    let cursor: string | undefined;
    try {
      if (raw) decodeCursor(raw, "date");
      cursor = raw || undefined;
    } catch {
      cursor = undefined;
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
          ? `/cases/${encodeURIComponent(id)}?${new URLSearchParams({ cursor: page.nextCursor }).toString()}`
          : null;
        return renderDocument(
          <CasePage
            urls={ctx.urls}
            c={detail}
            related={related}
            articles={page.articles.map((a) => pageArticle(a, captions, false))}
            olderHref={olderHref}
            choices={[...captions]
              .map(([cid, caption]) => ({ id: cid, caption }))
              .sort((a, b) => a.caption.localeCompare(b.caption))}
          />,
        );
      });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return htmlNotFound(ctx, err.detail);
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
