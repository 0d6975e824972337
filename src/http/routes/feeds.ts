/** Feeds: /feeds/all.{rss,atom,json}, /feeds/cases/{id}.{rss,atom,json} and /feeds/cases.opml. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getCaseDetail, listCaseSummaries } from "../../db/cases-read";
import type { DataVersion } from "../../db/data-version";
import { applyFeedQuery, DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT } from "../../render/feed-query";
import type { FeedEntry, FeedMeta } from "../../render/feed-types";
import { renderAtom, renderJsonFeed, renderRss } from "../../render/feeds";
import { renderOpml } from "../../render/opml";
import { FEED_CACHE_CONTROL } from "../conditional";
import type { HttpContext } from "../context";
import { allFeedMeta, caseFeedMeta, caseOutlines, feedEntries, feedUpdated } from "../feed-data";
import { badParameter, notFound } from "../problem";
import { requestKey } from "../response-cache";
import type { FeedFormat } from "../urls";

/** Content type of each feed format. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** Content type of the OPML list. */
export const OPML_CONTENT_TYPE = "text/x-opml; charset=utf-8";

const RENDER: Record<FeedFormat, (meta: FeedMeta, entries: readonly FeedEntry[]) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

interface FeedParams {
  limit: number;
  filter: string | undefined;
  filterout: string | undefined;
}

function feedParams(c: Context): FeedParams {
  const raw = c.req.query("limit");
  let limit = DEFAULT_FEED_LIMIT;
  if (raw !== undefined) {
    if (!/^\d{1,4}$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > MAX_FEED_LIMIT) {
      throw badParameter("limit", `must be an integer from 1 to ${MAX_FEED_LIMIT}`);
    }
    limit = Number(raw);
  }
  const text = (name: string) => {
    const v = c.req.query(name);
    if (v !== undefined && v.length > 500) throw badParameter(name, "must be at most 500 characters");
    return v || undefined;
  };
  return { limit, filter: text("filter"), filterout: text("filterout") };
}

/**
 * The cache key of a feed request: its path and the parameters that change the feed, normalised, so junk or
 * reordered query strings share one entry instead of filling the cache and pushing the popular feeds out.
 */
function feedKey(path: string, p: FeedParams): string {
  const q = new URLSearchParams();
  if (p.limit !== DEFAULT_FEED_LIMIT) q.set("limit", String(p.limit));
  if (p.filter) q.set("filter", p.filter);
  if (p.filterout) q.set("filterout", p.filterout);
  const query = q.toString();
  return query ? `${path}?${query}` : path;
}

async function entriesFor(ctx: HttpContext, caseId: string | null, p: FeedParams): Promise<FeedEntry[]> {
  // Filters look at more rows than they keep, as RSSHub filters the route's items before limiting.
  const fetchCount = p.filter || p.filterout ? MAX_FEED_LIMIT : p.limit;
  const rows = await feedEntries(ctx.deps.db, caseId, fetchCount);
  return applyFeedQuery(rows, p);
}

/** Registers the feed routes (plain Hono routes: they are not part of the JSON API document). */
export function registerFeedRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const serveFeed = (c: Context, format: FeedFormat, caseId: string | null) => {
    const params = feedParams(c);
    return ctx.cache.serve(c.req.raw, {
      key: feedKey(c.req.path, params),
      contentType: FEED_CONTENT_TYPES[format],
      cacheControl: FEED_CACHE_CONTROL,
      // Filtered variants are endless: validate them by data version, but keep only the plain feeds.
      keep: !params.filter && !params.filterout,
      render: async (v: DataVersion) => {
        let caption = "";
        if (caseId) {
          const detail = await getCaseDetail(ctx.deps.db, caseId);
          if (!detail) throw notFound("case", caseId);
          caption = detail.caption;
        }
        const entries = await entriesFor(ctx, caseId, params);
        const updated = feedUpdated(entries, v.lastModified);
        const meta = caseId
          ? caseFeedMeta(ctx.urls, caseId, caption, updated)
          : allFeedMeta(ctx.urls, updated);
        return RENDER[format](meta, entries);
      },
    });
  };

  for (const format of ["rss", "atom", "json"] as const) {
    app.get(`/feeds/all.${format}`, (c) => serveFeed(c, format, null));
  }

  app.get("/feeds/cases.opml", (c) =>
    ctx.cache.serve(c.req.raw, {
      key: requestKey(c.req.url),
      contentType: OPML_CONTENT_TYPE,
      cacheControl: FEED_CACHE_CONTROL,
      keep: true,
      render: async (v) => {
        const cases = await listCaseSummaries(ctx.deps.db);
        return renderOpml(
          "casewire: AI copyright litigation by case",
          caseOutlines(ctx.urls, cases),
          v.lastModified ?? new Date(0),
        );
      },
    }),
  );

  app.get("/feeds/cases/:file", (c) => {
    const file = c.req.param("file");
    const m = /^(.+)\.(rss|atom|json)$/.exec(file);
    if (!m) throw notFound("feed", file);
    return serveFeed(c, m[2] as FeedFormat, m[1] ?? "");
  });
}

/** Adds the feed routes to the OpenAPI document (they are served by registerFeedRoutes). */
export function documentFeedRoutes(app: OpenAPIHono): void {
  const query = [
    {
      name: "limit",
      in: "query" as const,
      schema: { type: "integer" as const, minimum: 1, maximum: MAX_FEED_LIMIT },
    },
    { name: "filter", in: "query" as const, schema: { type: "string" as const } },
    { name: "filterout", in: "query" as const, schema: { type: "string" as const } },
  ];
  const feed = (path: string, format: FeedFormat, summary: string, withId: boolean) =>
    app.openAPIRegistry.registerPath({
      method: "get",
      path,
      tags: ["feeds"],
      summary,
      description:
        "limit: items (default 50, at most 200); filter / filterout: case-insensitive pattern on title and " +
        "summary (RSSHub style). Sends ETag and Last-Modified; answers conditional requests with 304.",
      parameters: [
        ...(withId
          ? [{ name: "id", in: "path" as const, required: true, schema: { type: "string" as const } }]
          : []),
        ...query,
      ],
      responses: {
        200: {
          description: "The feed",
          content: { [FEED_CONTENT_TYPES[format].split(";")[0]!]: { schema: {} } },
        },
        304: { description: "Not modified" },
        404: { description: "Unknown case" },
      },
    });
  for (const format of ["rss", "atom", "json"] as const) {
    feed(`/feeds/all.${format}`, format, `Every litigation article, newest first (${format})`, false);
    feed(`/feeds/cases/{id}.${format}`, format, `One case's articles, newest first (${format})`, true);
  }
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/feeds/cases.opml",
    tags: ["feeds"],
    summary: "OPML list of every case feed",
    responses: { 200: { description: "OPML 2.0", content: { "text/x-opml": { schema: {} } } } },
  });
}
