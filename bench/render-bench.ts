/**
 * Feed rendering throughput: the `feed` library against `feedsmith` on the same entries (RSS, Atom, JSON),
 * plus casewire's own renderers (which use feedsmith). Libraries are loaded dynamically so the bench keeps
 * working (and says "not installed") after the unused one is removed.
 */

import type { FeedEntry, FeedMeta } from "../src/render/feed-types";
import { renderAtom, renderJsonFeed, renderRss } from "../src/render/feeds";

const META: FeedMeta = {
  id: "https://casewire.example/feeds/all.atom",
  title: "casewire: all litigation",
  description: "AI copyright litigation coverage",
  homeUrl: "https://casewire.example/",
  selfUrls: {
    rss: "https://casewire.example/feeds/all.rss",
    atom: "https://casewire.example/feeds/all.atom",
    json: "https://casewire.example/feeds/all.json",
  },
  updated: "2025-06-01T12:00:00Z",
  ttlMinutes: 30,
  language: "en",
};

function makeEntries(n: number): FeedEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    url: `https://news.example/2025/06/story-${i}?utm=x&ref=${i}`,
    title:
      i % 7 === 0 ? `Judge rules <b>fair use</b> & more in case #${i}` : `Authors press claims in case ${i}`,
    summary: `A plain-text summary of story ${i}, about the lawsuit's latest filing. `.repeat(4).trim(),
    publishedAt: new Date(Date.UTC(2025, 5, 1) - i * 3_600_000).toISOString(),
    fetchedAt: "2025-06-01T12:00:00Z",
    sourceName: i % 2 ? "Example Legal News" : "Tech & Law Daily",
    categories: ["Kadrey v. Meta", "Bartz v. Anthropic"].slice(0, (i % 2) + 1),
  }));
}

type Render = () => string;

/** Runs `fn` repeatedly for about `budgetMs` and returns renders per second. */
function rate(fn: Render, budgetMs = 300): number {
  fn(); // warm-up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    fn();
    runs++;
    elapsed = performance.now() - start;
  }
  return (runs * 1000) / elapsed;
}

// Minimal shapes of the two libraries, typed here so the bench compiles whichever is installed.
interface FeedLib {
  Feed: new (
    o: Record<string, unknown>,
  ) => {
    addItem(i: Record<string, unknown>): void;
    rss2(): string;
    atom1(): string;
    json1(): string;
  };
}
interface FeedsmithLib {
  generateRssFeed(v: unknown): string;
  generateAtomFeed(v: unknown): string;
  generateJsonFeed(v: unknown): unknown;
}

async function load<T>(name: string): Promise<T | null> {
  try {
    return (await import(/* @vite-ignore */ name)) as T;
  } catch {
    return null;
  }
}

function feedRenders(lib: FeedLib, entries: FeedEntry[]): Record<string, Render> {
  const build = () => {
    const f = new lib.Feed({
      id: META.id,
      title: META.title,
      description: META.description,
      link: META.homeUrl,
      updated: new Date(META.updated),
      ttl: META.ttlMinutes,
      language: META.language,
      generator: false,
      feedLinks: META.selfUrls,
    });
    for (const e of entries) {
      f.addItem({
        id: `tag:casewire.example,2025:article:${e.id}`,
        title: e.title,
        link: e.url,
        date: new Date(e.publishedAt ?? e.fetchedAt),
        description: e.summary,
        category: e.categories.map((name) => ({ name, term: name })),
        author: [{ name: e.sourceName }],
      });
    }
    return f;
  };
  return { rss: () => build().rss2(), atom: () => build().atom1(), json: () => build().json1() };
}

function feedsmithRenders(lib: FeedsmithLib, entries: FeedEntry[]): Record<string, Render> {
  const date = (e: FeedEntry) => new Date(e.publishedAt ?? e.fetchedAt);
  const guid = (e: FeedEntry) => `tag:casewire.example,2025:article:${e.id}`;
  return {
    rss: () =>
      lib.generateRssFeed({
        title: META.title,
        link: META.homeUrl,
        description: META.description,
        lastBuildDate: new Date(META.updated),
        ttl: META.ttlMinutes,
        atom: { links: [{ href: META.selfUrls.rss, rel: "self", type: "application/rss+xml" }] },
        items: entries.map((e) => ({
          title: e.title,
          link: e.url,
          description: e.summary,
          guid: { value: guid(e), isPermaLink: false },
          pubDate: date(e),
          categories: e.categories.map((name) => ({ name })),
          dc: { creators: [e.sourceName] },
        })),
      }),
    atom: () =>
      lib.generateAtomFeed({
        id: META.id,
        title: { value: META.title, type: "text" },
        updated: new Date(META.updated),
        links: [{ href: META.selfUrls.atom, rel: "self" }],
        entries: entries.map((e) => ({
          id: guid(e),
          title: { value: e.title, type: "text" },
          links: [{ href: e.url, rel: "alternate" }],
          updated: date(e),
          summary: { value: e.summary, type: "text" },
          categories: e.categories.map((c) => ({ term: c, label: c })),
          authors: [{ name: e.sourceName }],
        })),
      }),
    json: () =>
      JSON.stringify(
        lib.generateJsonFeed({
          title: META.title,
          home_page_url: META.homeUrl,
          feed_url: META.selfUrls.json,
          items: entries.map((e) => ({
            id: guid(e),
            url: e.url,
            title: e.title,
            content_text: e.summary,
            date_published: date(e),
            tags: e.categories,
            authors: [{ name: e.sourceName }],
          })),
        }),
      ),
  };
}

/** Logs renders/s per library, format and feed size (50 and 200 entries). */
export async function benchRender(log: (line: string) => void): Promise<void> {
  const feedLib = await load<FeedLib>("feed");
  const feedsmithLib = await load<FeedsmithLib>("feedsmith");
  log("render: renders/s (higher is better), same entries for every library");
  for (const n of [50, 200]) {
    const entries = makeEntries(n);
    const rows: [string, Record<string, Render> | null][] = [
      ["feed 6", feedLib && feedRenders(feedLib, entries)],
      ["feedsmith 3", feedsmithLib && feedsmithRenders(feedsmithLib, entries)],
      [
        "casewire (feedsmith + cleaning)",
        {
          rss: () => renderRss(META, entries),
          atom: () => renderAtom(META, entries),
          json: () => renderJsonFeed(META, entries),
        },
      ],
    ];
    for (const [name, renders] of rows) {
      if (!renders) {
        log(`  ${n} entries  ${name}: not installed`);
        continue;
      }
      const parts = Object.entries(renders).map(([fmt, fn]) => {
        const r = rate(fn);
        return `${fmt} ${r.toFixed(0)}/s (${(1000 / r).toFixed(2)} ms, ${(fn().length / 1024).toFixed(0)} KiB)`;
      });
      log(`  ${n} entries  ${name}: ${parts.join(" | ")}`);
    }
  }
}
