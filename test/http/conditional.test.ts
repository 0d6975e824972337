import { describe, expect, it } from "vitest";
import { isNotModified, serveWithValidators, tagBody, validatorsFor } from "../../src/http/conditional";
import { acceptsGzip, requestKey } from "../../src/http/response-cache";

const V = { token: "a-b-c", lastModified: "2025-06-01T12:00:00.000Z", maxArticleId: 1, articleCount: 1 };

describe("conditional requests", () => {
  it("derive strong validators from the data version and the resource", () => {
    const v = validatorsFor(V, "/feeds/all.rss");
    expect(v.etag).toMatch(/^"[^"]+"$/);
    expect(v.lastModified).toBe("Sun, 01 Jun 2025 12:00:00 GMT");
    expect(validatorsFor(V, "/feeds/all.atom").etag).not.toBe(v.etag);
    expect(validatorsFor({ ...V, token: "a-b-d" }, "/feeds/all.rss").etag).not.toBe(v.etag);
  });

  it("match If-None-Match weakly (lists, W/, *) and use If-Modified-Since only without it", () => {
    const v = validatorsFor(V, "/x");
    const h = (init: Record<string, string>) => new Headers(init);
    expect(isNotModified(h({ "if-none-match": v.etag }), v)).toBe(true);
    expect(isNotModified(h({ "if-none-match": `"other", W/${v.etag}` }), v)).toBe(true);
    expect(isNotModified(h({ "if-none-match": "*" }), v)).toBe(true);
    expect(isNotModified(h({ "if-none-match": '"other"' }), v)).toBe(false);
    expect(isNotModified(h({ "if-modified-since": "Sun, 01 Jun 2025 12:00:00 GMT" }), v)).toBe(true);
    expect(isNotModified(h({ "if-modified-since": "Sun, 01 Jun 2025 11:59:59 GMT" }), v)).toBe(false);
    expect(isNotModified(h({ "if-modified-since": "garbage" }), v)).toBe(false);
    expect(
      isNotModified(
        h({ "if-none-match": '"other"', "if-modified-since": "Mon, 02 Jun 2025 00:00:00 GMT" }),
        v,
      ),
    ).toBe(false);
  });

  it("parse Accept-Encoding and request keys", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
    expect(requestKey("https://h.example:8787/feeds/all.rss?limit=5#x")).toBe("/feeds/all.rss?limit=5");
    expect(requestKey("http://h/")).toBe("/");
  });

  it("serve a body with a strong ETag of exactly that body, and 304 when it is named", async () => {
    const get = (headers: Record<string, string> = {}) => new Request("https://h.example/x", { headers });
    const opts = {
      contentType: "text/plain; charset=utf-8",
      cacheControl: "public, max-age=60",
      headers: { "x-extra": "1" },
      lastModified: "2025-06-01T12:00:00.000Z",
    };
    const res = serveWithValidators(get(), "hello", opts);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hello");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).toBe(tagBody("hello").etag);
    expect(res.headers.get("last-modified")).toBe("Sun, 01 Jun 2025 12:00:00 GMT");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-extra")).toBe("1");
    // Another body under the same everything else is another tag.
    expect(serveWithValidators(get(), "hellp", opts).headers.get("etag")).not.toBe(etag);
    expect(tagBody("hello!").etag).not.toBe(etag);

    const hit = serveWithValidators(get({ "if-none-match": `W/${etag}` }), tagBody("hello"), opts);
    expect(hit.status).toBe(304);
    expect(hit.headers.get("etag")).toBe(etag);
    expect(hit.headers.get("x-extra")).toBeNull();
    expect(await hit.text()).toBe("");
    expect(serveWithValidators(get({ "if-none-match": etag }), "changed", opts).status).toBe(200);
    const since = { "if-modified-since": "Sun, 01 Jun 2025 12:00:00 GMT" };
    expect(serveWithValidators(get(since), "hello", opts).status).toBe(304);
    // Without a known modification time there is no Last-Modified, and If-Modified-Since never matches.
    const noDate = serveWithValidators(get(since), "hello", { ...opts, lastModified: null });
    expect(noDate.status).toBe(200);
    expect(noDate.headers.get("last-modified")).toBeNull();
  });
});
