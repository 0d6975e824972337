/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 renderers (pure; run on Node and in Workers).
 *
 * LIBRARY CHOICE: feedsmith 3 (generateRssFeed / generateAtomFeed / generateJsonFeed / generateOpml), not feed 6.
 * Measured here on the same hostile entries (Node 20, 2 shared cores):
 * - Escaping: both escape `<`, `&` and `]]>` correctly (CDATA, `]]>` split across sections). Both pass control
 *   characters, U+FFFE and lone surrogates through, i.e. write ill-formed XML: we strip them (cleanText).
 * - feed 6 falls short: Atom title/summary are always type="html" (a plain-text title `<script>…` becomes
 *   markup to readers, type="text" cannot be asked for); its JSON is JSON Feed 1.0 (`author`, `content_html`
 *   only, no `content_text`/`authors`); no OPML; RSS `<author>` gets a bare name (the spec wants an email)
 *   and there is no way to emit `<source>` or dc:creator with its namespace.
 * - feedsmith 3 emits everything asked for natively: RSS atom:link rel=self, ttl, lastBuildDate, guid
 *   isPermaLink=false, category, dc:creator, source; Atom type="text", link rel/type, category term/label,
 *   author, published/updated, xml:lang; JSON Feed 1.1; OPML 2.0. One defect: its pretty-printer puts each
 *   CDATA section on its own indented line, so values gained "\n    " around them (rss-parser returned such
 *   links verbatim); inlineCdata() below removes that. It also turns every `&apos;` of its output into `'`
 *   (same meaning in text and double-quoted attributes; only a literal "&apos;" typed in a title changes).
 * - Bundle (esbuild --bundle --minify, ESM): feed + xml-js 44 KB (14 KB gzip) but still lacking JSON Feed
 *   1.1 and OPML; feedsmith's four generators 85 KB (22 KB gzip); all of src/render 99 KB (28 KB gzip).
 *   On disk: feed 48 KB + xml-js 492 KB; feedsmith 3.3 MB (parsers, CJS+ESM, .d.ts) + fast-xml-parser 1.4 MB.
 * - Speed (bench/render-bench.ts, renders/s for 50 | 200 entries): feed RSS 1429 | 387, Atom 890 | 209,
 *   JSON 10039 | 2415; feedsmith RSS 1115 | 298, Atom 994 | 220, JSON 6488 | 1332; these renderers
 *   (feedsmith plus cleaning) RSS 980 | 219, Atom 753 | 183, JSON 2209 | 511. feed is ~1.3x faster on RSS
 *   and level on Atom; every case stays within ~7 ms for 200 entries, and feeds are served behind ETag.
 * Correctness decides: feed would need hand-written JSON Feed 1.1 and OPML plus work-arounds for Atom's
 * type="html"; feedsmith needs one whitespace fix. `feed` is the package to uninstall.
 *
 * Output decisions:
 * - Entry id = `tag:<public host>,2025:article:<article id>` (entryGuid), the same string as RSS guid
 *   (isPermaLink="false"), Atom id and JSON Feed id: unique per deployment, the same in every format, and
 *   unchanged by PUBLIC_URL scheme/port/path changes (an article-page URL would not be); only a new host
 *   gives new ids. Entries that are not articles (weekly digests) bring their own `guid` (tagUri).
 * - RSS description is our plain-text summary HTML-escaped once more, because readers render description as
 *   HTML: they then show the text verbatim. Titles are plain text everywhere (Atom type="text").
 * - RSS `<source url>` must name the outlet's own RSS URL, which FeedEntry does not carry: the outlet goes into
 *   dc:creator (Atom author, JSON Feed authors) and the cases into category elements instead.
 * - Dates: publishedAt, else fetchedAt (RSS pubDate, Atom updated, JSON date_published); Atom published only
 *   when publishedAt is known. Entries whose link is not http(s) are left out.
 */

import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import { escapeHtml, type PreparedEntry, prepareEntries, prepareMeta } from "./feed-prepare";
import type { FeedEntry, FeedMeta } from "./feed-types";

/**
 * feedsmith pretty-prints with fast-xml-parser, which puts a CDATA section on its own indented line, so
 * `<link>` and `<title>` would carry newlines and spaces around the value (rss-parser hands them out as is).
 * Every text we pass is single-line (see cleanText), so a newline next to a CDATA marker is always formatting
 * and can be removed without touching content.
 */
export function inlineCdata(xml: string): string {
  return xml.replace(/>\n *<!\[CDATA\[/g, "><![CDATA[").replace(/\]\]>\n *<\//g, "]]></");
}

/** Renders an RSS 2.0 document: channel with atom:link rel=self, ttl and lastBuildDate; one item per entry. */
export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const m = prepareMeta(meta);
  const items = prepareEntries(m.homeUrl, entries).map((e) => ({
    title: e.title,
    link: e.url,
    // description is HTML in practice: escape our plain text once more so readers show it as text.
    description: e.summary ? escapeHtml(e.summary) : undefined,
    guid: { value: e.guid, isPermaLink: false },
    pubDate: e.date,
    categories: e.categories.map((name) => ({ name })),
    dc: { creators: [e.sourceName] },
  }));
  return inlineCdata(
    generateRssFeed({
      title: m.title,
      link: m.homeUrl,
      description: m.description || m.title,
      language: m.language,
      lastBuildDate: m.updated,
      ttl: m.ttlMinutes,
      atom: { links: [{ href: m.selfUrls.rss, rel: "self", type: "application/rss+xml" }] },
      items,
    }),
  );
}

function atomEntry(e: PreparedEntry) {
  return {
    id: e.guid,
    title: { value: e.title, type: "text" },
    links: [{ href: e.url, rel: "alternate", type: "text/html" }],
    updated: e.date,
    published: e.published ?? undefined,
    summary: e.summary ? { value: e.summary, type: "text" } : undefined,
    categories: e.categories.map((c) => ({ term: c, label: c })),
    authors: [{ name: e.sourceName }],
  };
}

/** Renders an Atom 1.0 document: feed id/title/updated, self and alternate links, one entry per article. */
export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const m = prepareMeta(meta);
  return inlineCdata(
    generateAtomFeed({
      id: m.id,
      title: { value: m.title, type: "text" },
      subtitle: m.description ? { value: m.description, type: "text" } : undefined,
      updated: m.updated,
      links: [
        ...(m.selfUrls.atom ? [{ href: m.selfUrls.atom, rel: "self", type: "application/atom+xml" }] : []),
        { href: m.homeUrl, rel: "alternate", type: "text/html" },
      ],
      xml: m.language ? { lang: m.language } : undefined,
      entries: prepareEntries(m.homeUrl, entries).map(atomEntry),
    }),
  );
}

/**
 * JSON text with `<`, `>`, `&`, U+2028 and U+2029 written as \u escapes: still the same JSON value, but no
 * markup-looking or line-breaking characters appear raw if the body is ever sniffed or embedded.
 */
function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Renders a JSON Feed 1.1 document; `content_text` and `summary` both carry our plain-text summary. */
export function renderJsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const m = prepareMeta(meta);
  const items = prepareEntries(m.homeUrl, entries).map((e) => ({
    id: e.guid,
    url: e.url,
    title: e.title,
    // JSON Feed requires content_html or content_text on every item.
    content_text: e.summary || e.title,
    summary: e.summary || undefined,
    date_published: e.date,
    tags: e.categories.length > 0 ? e.categories : undefined,
    authors: [{ name: e.sourceName }],
  }));
  const feed = generateJsonFeed({
    title: m.title,
    home_page_url: m.homeUrl,
    feed_url: m.selfUrls.json,
    description: m.description || undefined,
    language: m.language,
    items,
  }) as Record<string, unknown>;
  // feedsmith drops empty arrays, but `items` is required even when there are none.
  return safeJson({ ...feed, items: feed.items ?? [] });
}
