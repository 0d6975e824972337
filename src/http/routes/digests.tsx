/**
 * Digest archive routes (mount with `app.route("/", digestRoutes(deps))`): GET /digests, GET /digests/:week,
 * GET /feeds/digests.rss. Strong ETags from the body, 304 on If-None-Match, `public, max-age=300`.
 */
import { Hono } from "hono";
import type { Config } from "../../config";
import type { Db } from "../../db/database";
import { getDigest, listDigests } from "../../db/digests-repo";
import { digestArchiveUrl } from "../../domain/digest/digest-links";
import type { DigestModel } from "../../domain/digest/digest-model";
import { isIsoWeek } from "../../domain/digest/iso-week";
import type { FeedEntry } from "../../render/feed-types";
import { renderRss } from "../../render/feeds";
import { DigestListPage, DigestWeekPage } from "../pages/digest-pages";
import { renderDocument } from "../pages/layout";
import { NotFoundPage } from "../pages/not-found-page";
import { pageCsp } from "../pages/style";
import { publicUrls } from "../urls";

/** What the archive routes need. */
export interface DigestRouteDeps {
  db: Db;
  config: Config;
}

/** Digests listed on /digests and in the feed. */
export const ARCHIVE_LIMIT = 104;
const FEED_LIMIT = 52;
const CACHE_CONTROL = "public, max-age=300";

async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  let hex = "";
  for (const b of digest.subarray(0, 12)) hex += b.toString(16).padStart(2, "0");
  return `"${hex}"`;
}

async function respond(
  req: Request,
  body: string,
  contentType: string,
  status = 200,
  extra: Record<string, string> = {},
) {
  const etag = await etagOf(body);
  const headers: Record<string, string> = { etag, "cache-control": CACHE_CONTROL, ...extra };
  const inm = req.headers.get("if-none-match");
  if (
    status === 200 &&
    inm &&
    inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")
  ) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers: { ...headers, "content-type": contentType } });
}

async function pageHeaders(): Promise<Record<string, string>> {
  return {
    "content-security-policy": await pageCsp(),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

/**
 * The digest feed: one item per archived week (newest first) linking to its page. Item ids are tag URIs
 * `tag:<host>,2025:digest:<YYYYWW>` (renderRss writes `article:`; rewritten here so they never equal an
 * article's id).
 */
export function renderDigestRss(
  base: string,
  rows: {
    week: string;
    subject: string;
    createdAt: string;
    caseCount: number;
    storyCount: number;
    candidateCount: number;
  }[],
): string {
  const entries: FeedEntry[] = rows.map((d) => ({
    id: Number(d.week.replace("-W", "")),
    url: digestArchiveUrl(base, d.week),
    title: d.subject,
    summary: `${d.caseCount} cases, ${d.storyCount} stories${d.candidateCount > 0 ? `, ${d.candidateCount} new lawsuits spotted` : ""}.`,
    publishedAt: d.createdAt,
    fetchedAt: d.createdAt,
    sourceName: "casewire",
    categories: [],
  }));
  const self = `${base}/feeds/digests.rss`;
  const xml = renderRss(
    {
      id: self,
      title: "casewire weekly digest",
      description: "AI copyright litigation news of the week, grouped by case.",
      homeUrl: `${base}/digests`,
      selfUrls: { rss: self, atom: self, json: self },
      updated: rows[0]?.createdAt ?? new Date(0).toISOString(),
      ttlMinutes: 360,
      language: "en",
    },
    entries,
  );
  return xml.replace(/(<guid[^>]*>(?:<!\[CDATA\[)?tag:[^<\]]*?,2025:)article:(\d+)/g, "$1digest:$2");
}

/** Builds the archive routes. */
export function digestRoutes(deps: DigestRouteDeps): Hono {
  const app = new Hono();
  const base = deps.config.publicUrl;

  app.get("/digests", async (c) => {
    const rows = await listDigests(deps.db, ARCHIVE_LIMIT);
    const body = await renderDocument(<DigestListPage base={base} digests={rows} />);
    return respond(c.req.raw, body, "text/html; charset=utf-8", 200, await pageHeaders());
  });

  app.get("/digests/:week", async (c) => {
    const week = c.req.param("week");
    const row = isIsoWeek(week) ? await getDigest(deps.db, week) : null;
    if (!row) {
      const body = await renderDocument(
        <NotFoundPage
          urls={publicUrls(base)}
          what={`There is no digest for week ${week}. See the archive at /digests.`}
        />,
      );
      return new Response(body, {
        status: 404,
        headers: {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          ...(await pageHeaders()),
        },
      });
    }
    const model = JSON.parse(row.model) as DigestModel;
    const body = await renderDocument(<DigestWeekPage base={base} model={model} />);
    return respond(c.req.raw, body, "text/html; charset=utf-8", 200, await pageHeaders());
  });

  app.get("/feeds/digests.rss", async (c) => {
    const rows = await listDigests(deps.db, FEED_LIMIT);
    return respond(c.req.raw, renderDigestRss(base, rows), "application/rss+xml; charset=utf-8");
  });

  return app;
}
