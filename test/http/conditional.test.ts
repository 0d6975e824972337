import { describe, expect, it } from "vitest";
import { isNotModified, validatorsFor } from "../../src/http/conditional";
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
});
