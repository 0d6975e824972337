/** A loopback web site serving fixture feeds, article pages and hostile endpoints for ingest tests. */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createGzip } from "node:zlib";

const DIR = join(import.meta.dirname, "../fixtures/site");

/** One request the site answered. */
export interface SiteHit {
  path: string;
  status: number;
  ifNoneMatch: string | undefined;
  bodyBytes: number;
}

/** A running fixture site. */
export interface FixtureSite {
  url: string;
  hits: SiteHit[];
  /** Replaces a feed's body (and its ETag) to simulate new items. */
  setFeed(name: string, body: string): void;
  close(): Promise<void>;
}

type Article = { title: string; paragraphs: string[] };

function articlePage(slug: string, a: Article): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const ld = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    articleBody: a.paragraphs.join("\n\n"),
  });
  const jsonLd = slug === "kadrey-torrents" ? `<script type="application/ld+json">${ld}</script>` : "";
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | Fixture News</title>${jsonLd}</head>
<body><header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Unrelated story about phones</a></li></ul></aside></main>
<footer>© Fixture News</footer></body></html>`;
}

const FEEDS: Record<string, { file: string; type: string }> = {
  "wire.rss": { file: "wire.rss", type: "application/rss+xml; charset=utf-8" },
  "syndicated.atom": { file: "syndicated.atom", type: "application/atom+xml" },
  "broken.rss": { file: "broken.rss", type: "application/rss+xml" },
  "win1252.rss": { file: "win1252.rss", type: "text/xml" },
  "page.html": { file: "page-not-feed.html", type: "text/html; charset=utf-8" },
};

/** The well-behaved sources of the fixture site (four feeds, a 404 and an HTML listing) as catalogue entries. */
export function fixtureSources(base: string) {
  const feed = (id: string, path: string) => ({
    id,
    name: `Fixture ${id}`,
    kind: "feed" as const,
    url: `${base}${path}`,
  });
  return [
    feed("wire", "/feeds/wire.rss"),
    feed("syndicated", "/feeds/syndicated.atom"),
    feed("broken", "/feeds/broken.rss"),
    feed("win1252", "/feeds/win1252.rss"),
    feed("missing", "/feeds/missing"),
    {
      id: "listing",
      name: "Fixture listing",
      kind: "html" as const,
      url: `${base}/listing.html`,
      selectors: { item: "article.post", link: "h2 a", title: "h2 a", summary: "p.excerpt", date: "time" },
    },
  ];
}

/** Starts the site on 127.0.0.1 with an ephemeral port. */
export async function startFixtureSite(): Promise<FixtureSite> {
  const articles = JSON.parse(readFileSync(join(DIR, "articles.json"), "utf8")) as Record<string, Article>;
  const bodies = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(FEEDS)) bodies.set(name, readFileSync(join(DIR, f.file)));
  const versions = new Map<string, number>();
  const hits: SiteHit[] = [];
  const open = new Set<ServerResponse>();

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Buffer | string,
    headers: Record<string, string> = {},
  ) => {
    const buf = typeof body === "string" ? Buffer.from(body) : body;
    res.writeHead(status, headers);
    res.end(buf);
    hits.push({
      path: req.url ?? "",
      status,
      ifNoneMatch: req.headers["if-none-match"],
      bodyBytes: buf.length,
    });
  };

  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const path = (req.url ?? "/").split("?")[0]!;
    const feed = path.startsWith("/feeds/") ? path.slice("/feeds/".length) : "";
    if (feed && FEEDS[feed]) {
      const etag = `"${feed}-${versions.get(feed) ?? 0}"`;
      if (req.headers["if-none-match"] === etag) return send(req, res, 304, "", { etag });
      return send(req, res, 200, bodies.get(feed)!, {
        "content-type": FEEDS[feed]!.type,
        etag,
        "last-modified": "Tue, 03 Nov 2026 15:00:00 GMT",
      });
    }
    if (path === "/feeds/moved") return send(req, res, 301, "", { location: "/feeds/syndicated.atom" });
    if (path === "/feeds/loop") return send(req, res, 302, "", { location: "/feeds/loop2" });
    if (path === "/feeds/loop2") return send(req, res, 302, "", { location: "/feeds/loop" });
    if (path === "/feeds/metadata")
      return send(req, res, 302, "", { location: "http://169.254.169.254/latest/meta-data/" });
    if (path === "/feeds/limited") return send(req, res, 429, "slow down", { "retry-after": "120" });
    if (path === "/feeds/missing") return send(req, res, 404, "no such feed");
    if (path === "/feeds/slow") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
      hits.push({ path, status: 200, ifNoneMatch: undefined, bodyBytes: -1 });
      return;
    }
    if (path === "/feeds/bomb") {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      const gz = createGzip();
      gz.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && !res.destroyed) {
          sent++;
          if (!gz.write(zeros)) return gz.once("drain", pump);
        }
        gz.end();
      };
      pump();
      hits.push({ path, status: 200, ifNoneMatch: undefined, bodyBytes: -1 });
      return;
    }
    if (path === "/robots.txt")
      return send(req, res, 200, "User-agent: *\nDisallow: /private/\n", { "content-type": "text/plain" });
    if (path === "/listing.html")
      return send(req, res, 200, readFileSync(join(DIR, "listing.html")), {
        "content-type": "text/html; charset=utf-8",
      });
    const m = /^\/articles\/([a-z0-9-]+)\.html$/.exec(path);
    if (m && articles[m[1]!])
      return send(req, res, 200, articlePage(m[1]!, articles[m[1]!]!), {
        "content-type": "text/html; charset=utf-8",
      });
    return send(req, res, 404, "not found", { "content-type": "text/plain" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setFeed(name, body) {
      bodies.set(name, Buffer.from(body));
      versions.set(name, (versions.get(name) ?? 0) + 1);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of open) r.destroy();
        server.close(() => resolve());
      }),
  };
}
