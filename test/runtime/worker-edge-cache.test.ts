/** The Worker's edge-cache layer with an in-memory stand-in for caches.default. */
import { describe, expect, it } from "vitest";
import type { DataVersion } from "../../src/db/data-version";
import type { VersionCache } from "../../src/http/version-cache";
import {
  edgeCacheable,
  edgeCacheKey,
  serveWithEdgeCache,
  VERSION_PARAM,
} from "../../src/runtime/worker-edge-cache";
import type { EdgeCacheStore } from "../../src/runtime/worker-env";

function memoryStore(): EdgeCacheStore & { entries: Map<string, Response> } {
  const entries = new Map<string, Response>();
  return {
    entries,
    async match(req) {
      return entries.get(req.url)?.clone();
    },
    async put(req, res) {
      entries.set(req.url, res);
    },
  };
}

function fixedVersion(token: string): VersionCache & { invalidations: number } {
  const v: DataVersion = { token, lastModified: null, maxArticleId: 0, articleCount: 0 };
  const cache = {
    invalidations: 0,
    get: async () => v,
    peek: () => v,
    invalidate() {
      cache.invalidations++;
    },
  };
  return cache;
}

/** An app stand-in that counts renders and tags its responses with `token`. */
function app(token: string, cacheControl = "public, max-age=300") {
  const calls: string[] = [];
  return {
    calls,
    handle: async (req: Request) => {
      calls.push(req.url);
      return new Response(`render ${calls.length}`, {
        headers: { etag: `"0.1.0.${token}.abc"`, "cache-control": cacheControl, "last-modified": "x" },
      });
    },
  };
}

async function serve(
  url: string,
  deps: { store: EdgeCacheStore; version: VersionCache; handle: (r: Request) => Promise<Response> },
  headers: Record<string, string> = {},
) {
  const pending: Promise<unknown>[] = [];
  const res = await serveWithEdgeCache(new Request(url, { headers }), {
    ...deps,
    waitUntil: (p) => pending.push(p),
  });
  await Promise.all(pending);
  return res;
}

describe("edge cache", () => {
  it("renders once per version and answers the rest from the cache, 304 included", async () => {
    const store = memoryStore();
    const a = app("v1");
    const deps = { store, version: fixedVersion("v1"), handle: a.handle };
    expect(await (await serve("https://c.test/feeds/all.rss", deps)).text()).toBe("render 1");
    expect(await (await serve("https://c.test/feeds/all.rss", deps)).text()).toBe("render 1");
    const cond = await serve("https://c.test/feeds/all.rss", deps, { "if-none-match": 'W/"0.1.0.v1.abc"' });
    expect(cond.status).toBe(304);
    expect(cond.headers.get("cache-control")).toBe("public, max-age=300");
    expect(a.calls).toHaveLength(1);
    // A new data version is a new key: rendered again.
    const b = app("v2");
    await serve("https://c.test/feeds/all.rss", { store, version: fixedVersion("v2"), handle: b.handle });
    expect(b.calls).toHaveLength(1);
  });

  it("does not store a render of another version than its key, and reads the version again", async () => {
    const store = memoryStore();
    const version = fixedVersion("old");
    await serve("https://c.test/feeds/all.rss", { store, version, handle: app("new").handle });
    expect(store.entries.size).toBe(0);
    expect(version.invalidations).toBe(1);
  });

  it("never stores private, no-store or unversioned responses", async () => {
    const store = memoryStore();
    const version = fixedVersion("v1");
    await serve("https://c.test/", { store, version, handle: app("v1", "no-store").handle });
    await serve("https://c.test/cases/x", {
      store,
      version,
      handle: app("v1", "private, max-age=60").handle,
    });
    expect(store.entries.size).toBe(0);
  });

  it("keys by sorted query and version, and passes other requests straight through", () => {
    const a = edgeCacheKey(new Request("https://c.test/api/articles?limit=5&case=x#top"), "t1");
    const b = edgeCacheKey(new Request("https://c.test/api/articles?case=x&limit=5"), "t1");
    expect(a.url).toBe(b.url);
    expect(new URL(a.url).searchParams.get(VERSION_PARAM)).toBe("t1");
    expect(edgeCacheable(new Request("https://c.test/feeds/cases/x.atom"))).toBe(true);
    expect(edgeCacheable(new Request("https://c.test/api/sources"))).toBe(false);
    expect(edgeCacheable(new Request("https://c.test/api/admin/ingest"))).toBe(false);
    expect(edgeCacheable(new Request("https://c.test/feeds/all.rss", { method: "POST" }))).toBe(false);
    expect(
      edgeCacheable(new Request("https://c.test/feeds/all.rss", { headers: { authorization: "x" } })),
    ).toBe(false);
  });
});
