import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database";
import { listSources, syncCatalogue } from "../../src/db/sources-repo";
import { classify } from "../../src/domain/classifier/classify";
import { silentLogger } from "../../src/domain/log";
import type { ClassifyInput, SourceDef } from "../../src/domain/types";
import { formatCycleReport, type IngestDeps, runIngestCycle } from "../../src/jobs/ingest-cycle";
import { seedDatabase } from "../../src/jobs/seed";
import { type FixtureSite, fixtureSources, startFixtureSite } from "../helpers/fixture-site";
import { memoryDb } from "../helpers/test-db";

function catalogue(base: string): SourceDef[] {
  const feed = (id: string, path: string): SourceDef => ({
    id,
    name: id,
    kind: "feed",
    url: `${base}${path}`,
  });
  return [
    ...fixtureSources(base).filter((s) => s.id !== "missing"),
    feed("page-as-feed", "/feeds/page.html"),
    feed("limited", "/feeds/limited"),
    feed("loop", "/feeds/loop"),
    feed("metadata", "/feeds/metadata"),
    feed("slow", "/feeds/slow"),
    feed("bomb", "/feeds/bomb"),
    feed("missing", "/feeds/missing"),
  ];
}

describe("ingest cycle against a loopback site", () => {
  let site: FixtureSite;
  let db: Db;
  let close: () => void;
  let now = Date.parse("2026-11-07T12:00:00Z");
  const deps = (over: Partial<IngestDeps> = {}): IngestDeps => ({
    db,
    fetchDeps: { fetch: globalThis.fetch, now: () => now },
    fetchOptions: {
      timeoutMs: 1500,
      maxBytes: 1024 * 1024,
      userAgent: "casewire-test",
      allowHosts: ["127.0.0.1"],
    },
    classify,
    logger: silentLogger,
    clock: () => new Date(now),
    ...over,
  });
  const count = async (q: ReturnType<typeof sql>) => (await db.all<{ n: number }>(q))[0]!.n;

  beforeAll(async () => {
    site = await startFixtureSite();
    ({ db, close } = await memoryDb());
    await seedDatabase(db, catalogue(site.url));
  });
  afterAll(async () => {
    close();
    await site.close();
  });

  it("stores every valid item once and records a clear error per bad source", async () => {
    const report = await runIngestCycle(deps());
    const by = new Map(report.sources.map((s) => [s.id, s]));
    // The Kadrey story is in both feeds (another URL, same title): whichever source stores it first wins.
    expect(by.get("wire")?.status).toBe("ok");
    expect(by.get("syndicated")?.status).toBe("ok");
    expect((by.get("wire")?.itemsNew ?? 0) + (by.get("syndicated")?.itemsNew ?? 0)).toBe(5);
    expect(by.get("broken")).toMatchObject({ status: "ok", itemsNew: 1 });
    expect(by.get("win1252")).toMatchObject({ status: "ok", itemsNew: 1 });
    expect(by.get("listing")).toMatchObject({ status: "ok", itemsNew: 2 });
    for (const bad of ["page-as-feed", "limited", "loop", "metadata", "slow", "bomb", "missing"]) {
      expect(by.get(bad)?.status, bad).toBe("failed");
      expect(by.get(bad)?.error, bad).toBeTruthy();
    }
    expect(by.get("page-as-feed")?.error).toMatch(/html/i);
    expect(report.totals.itemsNew).toBe(9);
    expect(await count(sql`SELECT count(*) AS n FROM articles`)).toBe(9);

    const rows = await db.all<{ url: string; title: string }>(sql`SELECT url, title FROM articles`);
    for (const r of rows) {
      expect(r.url).toMatch(/^https?:\/\//);
      expect(r.url).not.toMatch(/utm_|fbclid|#/);
      expect(r.title).not.toMatch(/[<>]/);
    }
    expect(rows.map((r) => r.title)).toContain("Café owners “quote” the Díaz ruling – again");
    expect(rows.filter((r) => r.title.startsWith("Authors press Meta over LibGen"))).toHaveLength(1);
  });

  it("records source health: Retry-After, backoff and the last error", async () => {
    const sources = new Map((await listSources(db)).map((s) => [s.id, s]));
    const limited = sources.get("limited")!;
    expect(limited.lastStatus).toBe(429);
    expect(limited.consecutiveFailures).toBe(1);
    expect(Date.parse(limited.nextFetchAt!) - now).toBeGreaterThanOrEqual(120_000);
    expect(sources.get("wire")?.lastSuccessAt).toBe(new Date(now).toISOString());
    expect(sources.get("wire")?.etag).toBe('"wire.rss-0"');
  });

  it("classifies stored articles and files them under cases", async () => {
    const filed = await db.all<{ case_id: string; title: string }>(
      sql`SELECT ac.case_id, a.title FROM article_cases ac JOIN articles a ON a.id = ac.article_id`,
    );
    expect(filed).toContainEqual({
      case_id: "kadrey-v-meta",
      title: "Authors press Meta over LibGen torrents in Kadrey v. Meta",
    });
    expect(filed).toContainEqual({
      case_id: "bartz-v-anthropic",
      title: "Court approves the Bartz v. Anthropic settlement",
    });
    const candidates = await db.all<{ caption: string }>(sql`SELECT caption FROM candidates`);
    expect(candidates.map((c) => c.caption)).toContain("Acme Poets Guild v. Example AI");
    const phones = await db.all<{ topic: string }>(sql`SELECT topic FROM articles WHERE url LIKE '%phones%'`);
    expect(phones[0]?.topic).toBe("not-relevant");
  });

  it("a second cycle sends conditional requests and stores nothing new", async () => {
    now += 60_000;
    const before = site.hits.length;
    const report = await runIngestCycle(deps());
    const second = site.hits.slice(before);
    const wireHits = second.filter((h) => h.path === "/feeds/wire.rss");
    expect(wireHits).toHaveLength(1);
    expect(wireHits[0]).toMatchObject({ status: 304, ifNoneMatch: '"wire.rss-0"', bodyBytes: 0 });
    expect(second.some((h) => h.path.startsWith("/articles/"))).toBe(false);
    expect(report.totals.itemsNew).toBe(0);
    expect(report.sources.find((s) => s.id === "limited")?.status).toBeUndefined();
    expect(await count(sql`SELECT count(*) AS n FROM articles`)).toBe(9);
  });

  it("a cycle that throws half-way loses nothing and the next cycle completes", async () => {
    site.setFeed(
      "wire.rss",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>${site.url}/</link><description>d</description>
      <item><title>New filing one in Bartz v. Anthropic</title><link>${site.url}/articles/bartz-settlement.html?x=1</link><description>Alsup hears the authors.</description></item>
      <item><title>Second new story about Getty Images v. Stability AI</title><link>${site.url}/articles/getty-us.html?x=2</link><description>Getty's case.</description></item>
      </channel></rss>`,
    );
    now += 60_000;
    let calls = 0;
    const crashing = (input: ClassifyInput) => {
      if (++calls === 2) throw new Error("simulated crash");
      return classify(input);
    };
    const crashed = await runIngestCycle(deps({ classify: crashing }), { sourceIds: ["wire"] });
    expect(crashed.sources[0]?.status).toBe("failed");
    expect(await count(sql`SELECT count(*) AS n FROM articles`)).toBe(9);
    now += 24 * 3600_000;
    const next = await runIngestCycle(deps(), { sourceIds: ["wire"] });
    expect(next.sources[0]).toMatchObject({ status: "ok", itemsNew: 2 });
    expect(await count(sql`SELECT count(*) AS n FROM articles`)).toBe(11);
    expect(
      await count(sql`SELECT count(*) AS n FROM (SELECT url FROM articles GROUP BY url HAVING count(*) > 1)`),
    ).toBe(0);
  });

  it("caps article pages per source: the rest wait, and the feed is read again (no 304) until done", async () => {
    now += 24 * 3600_000;
    site.setFeed(
      "wire.rss",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>${site.url}/</link><description>d</description>
      <item><title>Third story on Concord v. Anthropic lyrics</title><link>${site.url}/articles/concord.html?x=3</link><description>Lyrics.</description></item>
      <item><title>Fourth story on GEMA v. OpenAI in Munich</title><link>${site.url}/articles/gema-openai.html?x=4</link><description>GEMA.</description></item>
      </channel></rss>`,
    );
    const first = await runIngestCycle(deps(), { sourceIds: ["wire"], pagesPerSource: 1, hostGapMs: 0 });
    expect(first.sources[0]).toMatchObject({ status: "ok", itemsNew: 1, itemsDeferred: 1 });
    const before = site.hits.length;
    const second = await runIngestCycle(deps(), { sourceIds: ["wire"], pagesPerSource: 1, hostGapMs: 0 });
    expect(site.hits.slice(before).find((h) => h.path === "/feeds/wire.rss")?.status).toBe(200);
    expect(second.sources[0]).toMatchObject({ status: "ok", itemsNew: 1, itemsDeferred: 0 });
    const third = await runIngestCycle(deps(), { sourceIds: ["wire"], hostGapMs: 0 });
    expect(third.sources[0]?.status).toBe("unchanged");
  });

  it("re-files a stored story as litigation when another source's copy of it is about a lawsuit", async () => {
    now += 24 * 3600_000;
    const url = `${site.url}/articles/phones.html?copy=1`;
    site.setFeed(
      "win1252.rss",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><link>${site.url}/</link><description>d</description>
      <item><title>Cross-posted item</title><link>${url}</link><description>Same story.</description></item></channel></rss>`,
    );
    await runIngestCycle(deps(), { sourceIds: ["win1252"], hostGapMs: 0 });
    const before = await db.all<{ topic: string }>(sql`SELECT topic FROM articles WHERE url = ${url}`);
    expect(before).toEqual([{ topic: "not-relevant" }]);
    site.setFeed(
      "broken.rss",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>B</title><link>${site.url}/</link><description>d</description>
      <item><title>Authors press Meta in Kadrey v. Meta over Llama training</title><link>${url}</link>
      <description>Judge Vince Chhabria heard the authors' copyright claims against Meta.</description></item></channel></rss>`,
    );
    const r = await runIngestCycle(deps(), { sourceIds: ["broken"], hostGapMs: 0 });
    expect(r.sources[0]).toMatchObject({ status: "ok", itemsNew: 0 });
    const after = await db.all<{ topic: string; case_id: string }>(
      sql`SELECT a.topic, ac.case_id FROM articles a JOIN article_cases ac ON ac.article_id = a.id WHERE a.url = ${url}`,
    );
    expect(after).toEqual([{ topic: "ai-copyright-litigation", case_id: "kadrey-v-meta" }]);
    expect(await count(sql`SELECT count(*) AS n FROM articles WHERE url = ${url}`)).toBe(1);
  });

  it("lists sources in backoff as waiting in the report", async () => {
    await runIngestCycle(deps(), { sourceIds: ["limited"], hostGapMs: 0 });
    const report = await runIngestCycle(deps(), {
      hostGapMs: 0,
      budget: { maxSources: 1, deadlineMs: 0, maxSubrequests: 0 },
    });
    expect(report.waiting.map((w) => w.id)).toContain("limited");
    expect(formatCycleReport(report)).toMatch(/^limited\s+waiting\s+until=\S+ last-error=/m);
  });

  it("a budget defers the remaining sources, which stay due", async () => {
    now += 24 * 3600_000;
    await syncCatalogue(db, catalogue(site.url));
    const report = await runIngestCycle(deps(), {
      budget: { maxSources: 2, deadlineMs: 0, maxSubrequests: 0 },
    });
    const started = report.sources.filter((s) => s.status !== "deferred");
    expect(started).toHaveLength(2);
    expect(report.totals.sourcesDeferred).toBe(report.sources.length - 2);
  });
});
