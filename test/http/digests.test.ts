import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/domain/log";
import { createApp } from "../../src/http/app";
import { DATA_HEADERS } from "../../src/http/response-cache";
import { renderDigestRss } from "../../src/http/routes/digests";
import { runWeeklyDigest } from "../../src/jobs/weekly-digest";
import { type DigestWorld, digestWorld, SECRET_BODY } from "../helpers/digest-world";

let world: DigestWorld;
let app: OpenAPIHono;

const archive = () =>
  runWeeklyDigest(
    { db: world.db, mailer: null, config: world.config(), logger: silentLogger, clock: world.clock.now },
    {},
  );

beforeEach(async () => {
  world = await digestWorld();
  app = createApp(
    { db: world.db, config: world.config(), logger: silentLogger, clock: world.clock.now },
    { versionTtlMs: 0 },
  );
});

afterEach(() => world.close());

/** Asserts ETag, Last-Modified and 304 by If-None-Match and by If-Modified-Since on `path`. */
async function expectConditional(path: string): Promise<Response> {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  const etag = res.headers.get("etag")!;
  const lastModified = res.headers.get("last-modified")!;
  expect(etag).toMatch(/^"[^"]+"$/);
  expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
  expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  const byTag = await app.request(path, { headers: { "if-none-match": etag } });
  expect(byTag.status).toBe(304);
  expect(byTag.headers.get("etag")).toBe(etag);
  expect(byTag.headers.get("last-modified")).toBe(lastModified);
  expect(await byTag.text()).toBe("");
  const byDate = await app.request(path, { headers: { "if-modified-since": lastModified } });
  expect(byDate.status).toBe(304);
  const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
  expect((await app.request(path, { headers: { "if-modified-since": earlier } })).status).toBe(200);
  expect((await app.request(path, { headers: { "if-none-match": '"other"' } })).status).toBe(200);
  return res;
}

describe("digest archive", () => {
  beforeEach(archive);

  it("lists archived weeks", async () => {
    const res = await expectConditional("/digests");
    const html = await res.text();
    expect(html).toContain('href="/digests/2026-W48"');
    expect(html).toContain("AI copyright this week: Judge approves $1.5 billion Anthropic settlement");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(html).toContain('type="application/rss+xml"');
  });

  it("shows a week's digest as a page: escaped, script-free, no article text, no personal links", async () => {
    const res = await expectConditional("/digests/2026-W48");
    const html = await res.text();
    expect(html).toContain("Bartz et al. v. Anthropic PBC");
    expect(html).toContain("New lawsuits spotted");
    expect(html).toContain('href="https://other.example/anthropic-settlement"');
    expect(html).not.toContain(SECRET_BODY);
    expect(html).not.toMatch(/<script|\sstyle="|subscriptions\/unsubscribe/);
  });

  it("answers the HTML 404 page, uncached, for unknown or malformed weeks", async () => {
    for (const path of ["/digests/2026-W47", "/digests/nope", "/digests/2026-W99"]) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toMatch(/style-src 'sha256-/);
      expect(await res.text()).toContain("There is no digest for week");
    }
  });

  it("serves the digest feed with digest ids, absolute links and the feed headers", async () => {
    const res = await expectConditional("/feeds/digests.rss");
    expect(res.headers.get("content-type")).toMatch(/application\/rss\+xml/);
    for (const [name, value] of Object.entries(DATA_HEADERS)) expect(res.headers.get(name)).toBe(value);
    const xml = await res.text();
    expect(xml).toContain("<link>https://casewire.example/digests/2026-W48</link>");
    expect(xml).toMatch(/<guid isPermaLink="false">(<!\[CDATA\[)?tag:casewire\.example,2025:digest:202648/);
    expect(xml).not.toContain(":article:");
    expect(xml).toContain('<atom:link href="https://casewire.example/feeds/digests.rss" rel="self"');
    expect(xml).toContain("casewire weekly digest");
  });
});

describe("digest archive validators", () => {
  it("move on when a digest is archived, so a conditional request gets the new week", async () => {
    const before = await app.request("/feeds/digests.rss");
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain("2026-W48");
    const etag = before.headers.get("etag")!;
    const lastModified = before.headers.get("last-modified")!;
    const list = await app.request("/digests");
    const listTag = list.headers.get("etag")!;

    world.clock.advance(60_000);
    await archive();

    const after = await app.request("/feeds/digests.rss", { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await after.text()).toContain("https://casewire.example/digests/2026-W48");
    const since = await app.request("/feeds/digests.rss", { headers: { "if-modified-since": lastModified } });
    expect(since.status).toBe(200);
    const listAfter = await app.request("/digests", { headers: { "if-none-match": listTag } });
    expect(listAfter.status).toBe(200);
    expect(await listAfter.text()).toContain('href="/digests/2026-W48"');
  });

  it("renders digest ids in a space of their own, from the week", () => {
    const xml = renderDigestRss("https://casewire.example", [
      {
        week: "2026-W02",
        subject: "Week two",
        createdAt: "2026-01-12T08:00:00.000Z",
        caseCount: 2,
        storyCount: 3,
        candidateCount: 1,
      },
    ]);
    expect(xml).toContain("tag:casewire.example,2025:digest:202602");
    expect(xml).toContain("2 cases, 3 stories, 1 new lawsuits spotted.");
  });
});
