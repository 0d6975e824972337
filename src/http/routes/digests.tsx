/**
 * Digest archive routes: GET /digests, GET /digests/:week, GET /feeds/digests.rss. Served like the other
 * feeds and pages (ctx.cache): ETag and Last-Modified from the data version (which moves when a digest is
 * archived), 304 on If-None-Match / If-Modified-Since without touching the archive, feed Cache-Control.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { getDigest, listDigests } from "../../db/digests-repo";
import { digestArchiveUrl } from "../../domain/digest/digest-links";
import type { DigestModel } from "../../domain/digest/digest-model";
import { isIsoWeek } from "../../domain/digest/iso-week";
import { AppError } from "../../domain/errors";
import { tagUri } from "../../render/feed-prepare";
import type { FeedEntry } from "../../render/feed-types";
import { renderRss } from "../../render/feeds";
import { FEED_CACHE_CONTROL } from "../conditional";
import type { HttpContext } from "../context";
import { DigestListPage, DigestWeekPage } from "../pages/digest-pages";
import { renderDocument } from "../pages/layout";
import { pageSecurityHeaders } from "../pages/style";
import { requestKey } from "../response-cache";
import { FEED_CONTENT_TYPES } from "./feeds";
import { HTML_CONTENT_TYPE, htmlNotFound } from "./pages";

/** Digests listed on /digests. */
export const ARCHIVE_LIMIT = 104;
const FEED_LIMIT = 52;

/** A row of the digest feed. */
export interface DigestFeedRow {
  week: string;
  subject: string;
  createdAt: string;
  caseCount: number;
  storyCount: number;
  candidateCount: number;
}

/**
 * The digest feed: one item per archived week (newest first) linking to its page. Item ids are tag URIs
 * `tag:<host>,2025:digest:<YYYYWW>`, a space of their own, so they never equal an article's id.
 */
export function renderDigestRss(base: string, rows: readonly DigestFeedRow[]): string {
  const entries: FeedEntry[] = rows.map((d) => ({
    guid: tagUri(base, `digest:${d.week.replace("-W", "")}`),
    url: digestArchiveUrl(base, d.week),
    title: d.subject,
    summary: `${d.caseCount} cases, ${d.storyCount} stories${d.candidateCount > 0 ? `, ${d.candidateCount} new lawsuits spotted` : ""}.`,
    publishedAt: d.createdAt,
    fetchedAt: d.createdAt,
    sourceName: "casewire",
    categories: [],
  }));
  const self = `${base}/feeds/digests.rss`;
  return renderRss(
    {
      id: self,
      title: "casewire weekly digest",
      description: "AI copyright litigation news of the week, grouped by case.",
      homeUrl: `${base}/digests`,
      selfUrls: { rss: self },
      updated: rows[0]?.createdAt ?? new Date(0).toISOString(),
      ttlMinutes: 360,
      language: "en",
    },
    entries,
  );
}

/**
 * Registers the archive routes (before registerFeedRoutes, so /feeds/digests.rss is not taken for a feed
 * pattern).
 */
export function registerDigestRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db } = ctx.deps;
  const base = ctx.urls.base;

  const servePage = async (req: Request, render: () => Promise<string>) =>
    ctx.cache.serve(req, {
      key: requestKey(req.url),
      contentType: HTML_CONTENT_TYPE,
      cacheControl: FEED_CACHE_CONTROL,
      headers: await pageSecurityHeaders(),
      keep: true,
      render,
    });

  app.get("/digests", (c) =>
    servePage(c.req.raw, async () => {
      const rows = await listDigests(db, ARCHIVE_LIMIT);
      return renderDocument(<DigestListPage base={base} digests={rows} />);
    }),
  );

  app.get("/digests/:week", async (c) => {
    const week = c.req.param("week");
    const missing = `There is no digest for week ${week}. See the archive at /digests.`;
    // Malformed weeks never reach the cache (each would take an entry of their own).
    if (!isIsoWeek(week)) return htmlNotFound(ctx, missing);
    try {
      return await servePage(c.req.raw, async () => {
        const row = await getDigest(db, week);
        if (!row) throw new AppError(404, "Not Found", missing);
        const model = JSON.parse(row.model) as DigestModel;
        return renderDocument(<DigestWeekPage base={base} model={model} />);
      });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return htmlNotFound(ctx, err.detail);
      throw err;
    }
  });

  app.get("/feeds/digests.rss", (c) =>
    ctx.cache.serve(c.req.raw, {
      key: requestKey(c.req.url),
      contentType: FEED_CONTENT_TYPES.rss,
      cacheControl: FEED_CACHE_CONTROL,
      keep: true,
      render: async () => renderDigestRss(base, await listDigests(db, FEED_LIMIT)),
    }),
  );
}
