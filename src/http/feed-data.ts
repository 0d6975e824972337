/** Builds the renderers' view data (FeedMeta, FeedEntry, OPML outlines) from stored articles and cases. */
import { casesForArticles, listArticlesByDate, type RankedArticleRow } from "../db/articles-read";
import type { CaseSummary } from "../db/cases-read";
import type { Db } from "../db/database";
import type { FeedEntry, FeedMeta, OpmlOutline } from "../render/feed-types";
import type { PublicUrls } from "./urls";

/** Minutes feed readers may wait between polls (ingest runs every 30 minutes by default). */
export const FEED_TTL_MINUTES = 30;

/** Newest articles for a feed (all litigation, or one case whatever its topic), as feed entries. */
export async function feedEntries(db: Db, caseId: string | null, count: number): Promise<FeedEntry[]> {
  const rows: RankedArticleRow[] = await listArticlesByDate(
    db,
    caseId ? { caseId, httpOnly: true } : { topic: "ai-copyright-litigation", httpOnly: true },
    count,
  );
  const cases = await casesForArticles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    title: r.title,
    summary: r.summary,
    publishedAt: r.publishedAt,
    fetchedAt: r.fetchedAt,
    sourceName: r.sourceName,
    categories: (cases.get(r.id) ?? []).flatMap((c) => (c.caption ? [c.caption] : [])),
  }));
}

/** Newest of the entries' dates, else `fallback` (the data version's last change). */
export function feedUpdated(entries: readonly FeedEntry[], fallback: string | null): string {
  let newest = "";
  for (const e of entries) {
    const d = e.publishedAt ?? e.fetchedAt;
    if (d > newest) newest = d;
  }
  return newest || fallback || new Date(0).toISOString();
}

/** Feed-level facts of the all-litigation feed. */
export function allFeedMeta(urls: PublicUrls, updated: string): FeedMeta {
  return {
    id: urls.allFeed("atom"),
    title: "casewire: AI copyright litigation",
    description: "News coverage of AI copyright lawsuits, filed by case.",
    homeUrl: urls.home(),
    selfUrls: { rss: urls.allFeed("rss"), atom: urls.allFeed("atom"), json: urls.allFeed("json") },
    updated,
    ttlMinutes: FEED_TTL_MINUTES,
    language: "en",
  };
}

/** Feed-level facts of one case's feed. */
export function caseFeedMeta(urls: PublicUrls, id: string, caption: string, updated: string): FeedMeta {
  return {
    id: urls.caseFeed(id, "atom"),
    title: `${caption} (casewire)`,
    description: `News coverage of ${caption.replace(/\.+$/, "")}.`,
    homeUrl: urls.casePage(id),
    selfUrls: {
      rss: urls.caseFeed(id, "rss"),
      atom: urls.caseFeed(id, "atom"),
      json: urls.caseFeed(id, "json"),
    },
    updated,
    ttlMinutes: FEED_TTL_MINUTES,
    language: "en",
  };
}

/** One OPML outline (RSS) per case. */
export function caseOutlines(urls: PublicUrls, cases: readonly CaseSummary[]): OpmlOutline[] {
  return cases.map((c) => ({
    title: c.caption,
    xmlUrl: urls.caseFeed(c.id, "rss"),
    htmlUrl: urls.casePage(c.id),
  }));
}
