/** View types the feed renderers take: plain data prepared by the caller, no database rows. */

/**
 * One feed entry (all text fields are untrusted plain text): an article, identified by its id, or any other
 * item (e.g. a weekly digest) that brings its own stable `guid`.
 */
export type FeedEntry = FeedEntryFields &
  (
    | {
        /** Our article id; the stable entry id (entryGuid) is derived from it unless `guid` is given. */
        id: number;
        guid?: string;
      }
    | {
        id?: undefined;
        /** The stable entry id (RSS guid, Atom id, JSON Feed id), e.g. a tag URI made with tagUri. */
        guid: string;
      }
  );

/** What every feed entry carries besides its identity. */
export interface FeedEntryFields {
  /** http(s) link to the original article; entries with any other scheme are left out of feeds. */
  url: string;
  /** Plain text, untrusted. */
  title: string;
  /** Plain text we wrote (at most ~300 chars), untrusted. */
  summary: string;
  /** ISO 8601 UTC, or null when the source gave no usable date. */
  publishedAt: string | null;
  /** ISO 8601 UTC; the date used when `publishedAt` is null. */
  fetchedAt: string;
  /** Display name of the outlet. */
  sourceName: string;
  /** Captions of the cases the article is filed under. */
  categories: string[];
}

/** Absolute URLs of one feed in each format (a feed served in RSS only leaves out the others). */
export interface FeedSelfUrls {
  rss: string;
  /** Atom self link; renderAtom leaves the link out without it. */
  atom?: string;
  /** JSON Feed `feed_url`; left out without it. */
  json?: string;
}

/** Feed-level facts shared by the RSS, Atom and JSON Feed renderings. */
export interface FeedMeta {
  /** Stable feed id (e.g. the absolute feed URL); becomes the Atom feed id (default: the Atom self URL). */
  id: string;
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  selfUrls: FeedSelfUrls;
  /** ISO 8601; the newest change in the feed. */
  updated: string;
  /** How long readers may cache the feed. */
  ttlMinutes: number;
  /** BCP 47 language tag, e.g. `en`. */
  language?: string;
}

/** One feed listed in the OPML document. */
export interface OpmlOutline {
  title: string;
  /** Absolute feed URL. */
  xmlUrl: string;
  /** Absolute URL of the matching HTML page. */
  htmlUrl: string;
}

/** RSSHub-style feed query parameters, already validated by the route. */
export interface FeedQuery {
  /** Items to keep after filtering (default 50); the caller validates it (1..200). */
  limit?: number;
  /** Keep only items whose title or summary matches (case-insensitive regular expression). */
  filter?: string | null;
  /** Drop items whose title or summary matches (case-insensitive regular expression). */
  filterout?: string | null;
}
