import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { cachedResponse } from "../../src/http/app";
import { article, httpTestApp } from "../helpers/http-app";

const parser = new Parser();
const KADREY = { id: "kadrey-v-meta", score: 0.9, evidence: ["Kadrey"] };

function seed() {
  return [
    article(1, { title: "Chhabria rules for Meta", cases: [KADREY] }),
    article(2, { title: "Anthropic settlement approved", sourceId: "legal" }),
    article(3, { title: "Both cases in one story", cases: [KADREY], publishedAt: null }),
    article(4, { title: "Not litigation", topic: "ai-copyright-other" }),
    article(5, { title: "Bad link", url: "javascript:alert(1)", cases: [KADREY] }),
  ];
}

describe("feed caching", () => {
  it("answers If-None-Match and If-Modified-Since with 304, and changes the ETag when data changes", async () => {
    const t = await httpTestApp(seed());
    try {
      const first = await t.app.request("/feeds/all.rss");
      const etag = first.headers.get("etag")!;
      const lastModified = first.headers.get("last-modified")!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(lastModified).toBe(new Date("2025-06-01T05:00:00.000Z").toUTCString());

      const cond = await t.app.request("/feeds/all.rss", { headers: { "if-none-match": etag } });
      expect(cond.status).toBe(304);
      expect(cond.headers.get("etag")).toBe(etag);
      expect(await cond.text()).toBe("");
      const weak = await t.app.request("/feeds/all.rss", { headers: { "if-none-match": `"x", W/${etag}` } });
      expect(weak.status).toBe(304);
      const ims = await t.app.request("/feeds/all.rss", { headers: { "if-modified-since": lastModified } });
      expect(ims.status).toBe(304);
      const older = await t.app.request("/feeds/all.rss", {
        headers: { "if-modified-since": new Date("2025-06-01T04:00:00Z").toUTCString() },
      });
      expect(older.status).toBe(200);
      // Another representation (query) has another tag.
      const limited = await t.app.request("/feeds/all.rss?limit=1", { headers: { "if-none-match": etag } });
      expect(limited.status).toBe(200);

      // Junk and default parameters are the same representation: same tag, no extra cache entry.
      const junk = await t.app.request("/feeds/all.rss?utm_source=x&limit=50&nonce=1", {
        headers: { "if-none-match": etag },
      });
      expect(junk.status).toBe(304);

      await t.insert([article(9, { title: "Fresh news", cases: [KADREY] })]);
      const after = await t.app.request("/feeds/all.rss", { headers: { "if-none-match": etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(etag);
      expect((await parser.parseString(await after.text())).items[0]!.title).toBe("Fresh news");
    } finally {
      t.close();
    }
  });

  it("keeps plain feeds in memory but not the endless filtered variants", async () => {
    const t = await httpTestApp(seed(), { app: { versionTtlMs: 60_000 } });
    try {
      const header = () => undefined;
      expect((await t.app.request("/feeds/all.rss")).status).toBe(200);
      expect((await t.app.request("/feeds/all.rss?filter=Chhabria")).status).toBe(200);
      expect(cachedResponse(t.app, "GET", "/feeds/all.rss", header)?.status).toBe(200);
      expect(cachedResponse(t.app, "GET", "/feeds/all.rss?filter=Chhabria", header)).toBeUndefined();
    } finally {
      t.close();
    }
  });

  it("serves the rendered feed from memory until the data version is read again", async () => {
    const t = await httpTestApp(seed(), { app: { versionTtlMs: 60_000 } });
    try {
      const first = await (await t.app.request("/feeds/all.json")).text();
      await t.insert([article(9, { title: "Fresh news", cases: [KADREY] })]);
      expect(await (await t.app.request("/feeds/all.json")).text()).toBe(first);
      t.clock.advance(60_001);
      expect(await (await t.app.request("/feeds/all.json")).text()).toContain("Fresh news");
    } finally {
      t.close();
    }
  });

  it("answers repeated reads before routing with the same bytes, headers and 304s", async () => {
    const many = Array.from({ length: 30 }, (_, i) => article(i + 1, { cases: [KADREY] }));
    const t = await httpTestApp(many, { app: { versionTtlMs: 60_000, compress: true } });
    try {
      const first = await t.app.request("/feeds/all.atom");
      const firstBody = await first.text();
      const second = await t.app.request("/feeds/all.atom");
      expect(await second.text()).toBe(firstBody);
      expect([...second.headers]).toEqual([...first.headers]);
      const etag = first.headers.get("etag")!;
      const cond = await t.app.request("/feeds/all.atom", { headers: { "if-none-match": etag } });
      expect(cond.status).toBe(304);
      expect(cond.headers.get("etag")).toBe(etag);
      const gz1 = await t.app.request("/feeds/all.atom", { headers: { "accept-encoding": "gzip" } });
      const gz2 = await t.app.request("/feeds/all.atom", { headers: { "accept-encoding": "gzip" } });
      expect(gz2.headers.get("content-encoding")).toBe("gzip");
      expect(new Uint8Array(await gz2.arrayBuffer())).toEqual(new Uint8Array(await gz1.arrayBuffer()));
      const head = await t.app.request("/feeds/all.atom", { method: "HEAD" });
      expect(await head.text()).toBe("");
    } finally {
      t.close();
    }
  });

  it("with compress on, sends gzip to clients that accept it (weak ETag, Vary) and identity to others", async () => {
    const many = Array.from({ length: 30 }, (_, i) => article(i + 1, { cases: [KADREY] }));
    const t = await httpTestApp(many, { app: { compress: true } });
    try {
      const plain = await t.app.request("/feeds/all.rss");
      const body = await plain.text();
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("vary")).toBe("Accept-Encoding");
      const gz = await t.app.request("/feeds/all.rss", { headers: { "accept-encoding": "gzip, br" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      expect(gz.headers.get("etag")).toBe(`W/${plain.headers.get("etag")}`);
      const bytes = new Uint8Array(await gz.arrayBuffer());
      expect(bytes.length).toBeLessThan(body.length);
      const unzipped = await new Response(
        new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")),
      ).text();
      expect(unzipped).toBe(body);
      const cond = await t.app.request("/feeds/all.rss", {
        headers: { "accept-encoding": "gzip", "if-none-match": gz.headers.get("etag")! },
      });
      expect(cond.status).toBe(304);
      const api = await t.app.request("/api/articles?limit=30", { headers: { "accept-encoding": "gzip" } });
      expect(api.headers.get("content-encoding")).toBe("gzip");
    } finally {
      t.close();
    }
  });

  it("hands kept responses to a server adapter as plain data (cachedResponse), and only those", async () => {
    const t = await httpTestApp(seed(), { app: { versionTtlMs: 60_000 } });
    try {
      const none = () => undefined;
      expect(cachedResponse(t.app, "GET", "/feeds/all.rss", none)).toBeUndefined();
      const res = await t.app.request("/feeds/all.rss");
      const body = new Uint8Array(await res.arrayBuffer());
      const hit = cachedResponse(t.app, "GET", "/feeds/all.rss", none)!;
      expect(hit.status).toBe(200);
      expect(hit.body).toEqual(body);
      expect(hit.headers.etag).toBe(res.headers.get("etag"));
      expect(hit.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
      const etag = res.headers.get("etag")!;
      const cond = cachedResponse(t.app, "GET", "/feeds/all.rss", (n) =>
        n === "if-none-match" ? etag : undefined,
      );
      expect(cond).toMatchObject({ status: 304, body: null });
      expect(cachedResponse(t.app, "POST", "/feeds/all.rss", none)).toBeUndefined();
      expect(cachedResponse(t.app, "GET", "/feeds/all.rss?limit=1", none)).toBeUndefined();
      await (await t.app.request("/api/articles")).text();
      expect(cachedResponse(t.app, "GET", "/api/articles", none)).toBeUndefined();
      // A new data version (read once the TTL has passed) retires the kept body.
      await t.insert([article(9, { cases: [KADREY] })]);
      t.clock.advance(60_001);
      await (await t.app.request("/api/cases")).text();
      expect(cachedResponse(t.app, "GET", "/feeds/all.rss", none)).toBeUndefined();
    } finally {
      t.close();
    }
  });
});
