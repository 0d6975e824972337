/** Absolute and relative URLs of everything the app serves, built from PUBLIC_URL. */

/** The three feed formats. */
export type FeedFormat = "rss" | "atom" | "json";

/** URL builders for one deployment. */
export interface PublicUrls {
  /** PUBLIC_URL without a trailing slash. */
  base: string;
  home(): string;
  casePage(id: string): string;
  allFeed(format: FeedFormat): string;
  caseFeed(id: string, format: FeedFormat): string;
  opml(): string;
}

/** Builds the URL helpers for `publicUrl` (absolute) — pass "" for site-relative links. */
export function publicUrls(publicUrl: string): PublicUrls {
  const base = publicUrl.replace(/\/+$/, "");
  return {
    base,
    home: () => `${base}/`,
    casePage: (id) => `${base}/cases/${encodeURIComponent(id)}`,
    allFeed: (format) => `${base}/feeds/all.${format}`,
    caseFeed: (id, format) => `${base}/feeds/cases/${encodeURIComponent(id)}.${format}`,
    opml: () => `${base}/feeds/cases.opml`,
  };
}

/** The URL when it is absolute http(s), else null (links from feeds are untrusted). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
