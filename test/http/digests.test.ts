import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/domain/log";
import { digestRoutes } from "../../src/http/routes/digests";
import { runWeeklyDigest } from "../../src/jobs/weekly-digest";
import { type DigestWorld, digestWorld, SECRET_BODY } from "../helpers/digest-world";

let world: DigestWorld;
let app: Hono;

beforeEach(async () => {
  world = await digestWorld();
  app = new Hono();
  app.route("/", digestRoutes({ db: world.db, config: world.config() }));
  await runWeeklyDigest(
    { db: world.db, mailer: null, config: world.config(), logger: silentLogger, clock: world.clock.now },
    {},
  );
});

afterEach(() => world.close());

describe("digest archive", () => {
  it("lists archived weeks", async () => {
    const res = await app.request("/digests");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/digests/2026-W48"');
    expect(html).toContain("AI copyright this week: Judge approves $1.5 billion Anthropic settlement");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(html).toContain('type="application/rss+xml"');
  });

  it("shows a week's digest as a page: escaped, script-free, no article text, no personal links", async () => {
    const res = await app.request("/digests/2026-W48");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Bartz et al. v. Anthropic PBC");
    expect(html).toContain("New lawsuits spotted");
    expect(html).toContain('href="https://other.example/anthropic-settlement"');
    expect(html).not.toContain(SECRET_BODY);
    expect(html).not.toMatch(/<script|\sstyle="|subscriptions\/unsubscribe/);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await app.request("/digests/2026-W48", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers 404 for unknown or malformed weeks", async () => {
    for (const path of ["/digests/2026-W47", "/digests/nope", "/digests/2026-W99"]) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
    }
  });

  it("serves the digest feed with digest ids and absolute links", async () => {
    const res = await app.request("/feeds/digests.rss");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/rss\+xml/);
    const xml = await res.text();
    expect(xml).toContain("<link>https://casewire.example/digests/2026-W48</link>");
    expect(xml).toMatch(/<guid isPermaLink="false">(<!\[CDATA\[)?tag:casewire\.example,2025:digest:202648/);
    expect(xml).not.toContain(":article:");
    expect(xml).toContain("casewire weekly digest");
  });
});
