/**
 * The Worker inside workerd on a local D1 migrated from drizzle/: seeding without Node, scheduled ingest within
 * a budget against the loopback fixture site, the API and feeds through SELF.fetch, the edge cache, cron dispatch.
 */
import { env, SELF } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createD1Db } from "../../src/db/create-d1-db";
import { readDataVersion } from "../../src/db/data-version";
import { REGISTRY } from "../../src/domain/registry/cases";
import type { SourceDef } from "../../src/domain/types";
import { SEED_HASH_KEY, seedDatabase, seedFingerprint, seedIfChanged } from "../../src/jobs/seed";
import { edgeCacheKey } from "../../src/runtime/worker-edge-cache";
import { DIGEST_CRON, INGEST_CRON, ORIGIN, runScheduled, workerFetch } from "./worker-helpers";

const db = createD1Db(env.DB);
const catalogue = JSON.parse(env.SOURCES_JSON!) as SourceDef[];
const KADREY = "Authors press Meta over LibGen torrents in Kadrey v. Meta";
const get = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { headers });
const count = async (query: ReturnType<typeof sql>) => Number((await db.all<{ n: number }>(query))[0]?.n);
const lastRun = async () =>
  (
    await db.all<{ ok: number; unchanged: number; failed: number; deferred: number; items_new: number }>(
      sql`SELECT sources_ok AS ok, sources_unchanged AS unchanged, sources_failed AS failed,
          sources_deferred AS deferred, items_new FROM ingest_runs ORDER BY id DESC LIMIT 1`,
    )
  )[0]!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Worker on D1", () => {
  it("seeds the case registry and the catalogue into D1 on first use, with no Node step", async () => {
    const res = await get("/api/cases");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cases: { id: string }[] };
    expect(body.cases.map((c) => c.id).sort()).toEqual(REGISTRY.map((c) => c.id).sort());
    const sources = (await (await get("/api/sources")).json()) as { sources: { id: string }[] };
    expect(sources.sources.map((s) => s.id).sort()).toEqual(catalogue.map((s) => s.id).sort());
    const stored = await db.all<{ value: string }>(
      sql`SELECT value FROM settings WHERE key = ${SEED_HASH_KEY}`,
    );
    expect(stored[0]?.value).toBe(await seedFingerprint(catalogue));
    // Later isolates only compare the fingerprint; a changed catalogue seeds again.
    expect(await seedIfChanged(db, catalogue, new Date().toISOString())).toBeNull();
  });

  it("a scheduled run within its budget ingests two sources and leaves the rest due for the next run", async () => {
    const budgetEnv = { ...env, INGEST_MAX_SOURCES: "2" };
    const neverFetched = () => count(sql`SELECT count(*) AS n FROM sources WHERE last_fetch_at IS NULL`);
    await runScheduled(INGEST_CRON, budgetEnv);
    const first = await lastRun();
    expect(first.ok + first.unchanged + first.failed).toBe(2);
    expect(first.deferred).toBe(catalogue.length - 2);
    expect(await neverFetched()).toBe(catalogue.length - 2);
    // The next run starts with the sources the first one did not reach.
    await runScheduled(INGEST_CRON, budgetEnv);
    expect((await lastRun()).deferred).toBe(catalogue.length - 2);
    expect(await neverFetched()).toBe(catalogue.length - 4);
  });

  it("a scheduled run with the default budget fetches every due source, stores and classifies", async () => {
    await runScheduled(INGEST_CRON, env);
    const run = await lastRun();
    expect(run.deferred).toBe(0);
    // Every source but `missing`, which answered 404 in the previous run and waits out its backoff.
    expect(run.ok + run.unchanged + run.failed).toBe(catalogue.length - 1);
    expect(await count(sql`SELECT count(*) AS n FROM sources WHERE last_fetch_at IS NULL`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM articles`)).toBe(9);
    const filed = await db.all<{ case_id: string; title: string }>(
      sql`SELECT ac.case_id, a.title FROM article_cases ac JOIN articles a ON a.id = ac.article_id`,
    );
    expect(filed).toContainEqual({ case_id: "kadrey-v-meta", title: KADREY });
    expect(filed).toContainEqual({
      case_id: "bartz-v-anthropic",
      title: "Court approves the Bartz v. Anthropic settlement",
    });
    const missing = await db.all<{ last_status: number }>(
      sql`SELECT last_status FROM sources WHERE id = 'missing'`,
    );
    expect(missing[0]?.last_status).toBe(404);
  });

  it("serves the JSON API from D1, full-text search included", async () => {
    const byCase = (await (await get("/api/articles?case=kadrey-v-meta")).json()) as {
      articles: { id: number; title: string }[];
    };
    expect(byCase.articles.map((a) => a.title)).toContain(KADREY);
    const search = (await (await get("/api/articles?q=LibGen")).json()) as { articles: { title: string }[] };
    expect(search.articles.map((a) => a.title)).toContain(KADREY);
    const id = byCase.articles.find((a) => a.title === KADREY)!.id;
    const one = (await (await get(`/api/articles/${id}`)).json()) as { cases: { id: string }[] };
    expect(one.cases.map((c) => c.id)).toContain("kadrey-v-meta");
    const health = (await (await get("/healthz")).json()) as { ok: boolean; lastIngestAt: string | null };
    expect(health.ok).toBe(true);
    expect(health.lastIngestAt).not.toBeNull();
  });

  it("serves case feeds with validators and answers conditional requests with 304", async () => {
    const res = await get("/feeds/cases/kadrey-v-meta.rss");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/rss\+xml/);
    expect(res.headers.get("cache-control")).toMatch(/public/);
    expect(await res.text()).toContain(KADREY);
    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await get("/feeds/cases/kadrey-v-meta.rss", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const atom = await get("/feeds/all.atom");
    expect(atom.status).toBe(200);
    expect(await atom.text()).toContain(KADREY);
  });

  it("keeps rendered feeds in the Workers Cache API and serves them again without rendering", async () => {
    // Each `{ ...env }` is a new env object, hence fresh Worker deps (like another isolate): no in-memory copy.
    const path = "/feeds/all.json?limit=20";
    const first = await workerFetch(path, { ...env });
    expect(first.status).toBe(200);
    const body = await first.text();
    const key = edgeCacheKey(new Request(`${ORIGIN}${path}`), (await readDataVersion(db)).token);
    const cache = (globalThis as unknown as { caches: { default: Cache } }).caches.default;
    const stored = await cache.match(key);
    expect(stored).toBeDefined();
    expect(await stored!.text()).toBe(body);
    expect(stored!.headers.get("etag")).toBe(first.headers.get("etag"));
    // Replace the entry with a marker: the next reads must come from the cache, not from a new render.
    const marker = { version: "https://jsonfeed.org/version/1.1", title: "from the edge cache", items: [] };
    await cache.put(
      key,
      new Response(JSON.stringify(marker), {
        headers: {
          "content-type": "application/feed+json",
          etag: '"edge-marker"',
          "last-modified": first.headers.get("last-modified")!,
          "cache-control": "public, max-age=300",
        },
      }),
    );
    const second = await workerFetch(path, { ...env });
    expect(((await second.json()) as { title: string }).title).toBe("from the edge cache");
    // The same query written differently is the same representation.
    const reordered = await workerFetch(`${path}&`, { ...env });
    expect(((await reordered.json()) as { title: string }).title).toBe("from the edge cache");
    const conditional = await workerFetch(
      path,
      { ...env },
      { headers: { "if-none-match": '"edge-marker"' } },
    );
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get("etag")).toBe('"edge-marker"');
    expect(conditional.headers.get("cache-control")).toBe("public, max-age=300");
    // Authenticated and unversioned requests bypass the cache.
    const withAuth = await workerFetch(path, { ...env }, { headers: { authorization: "Bearer x" } });
    expect(((await withAuth.json()) as { title: string }).title).not.toBe("from the edge cache");
  });

  it("the admin endpoint runs an ingest cycle on the Worker (conditional GETs, nothing new)", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/admin/ingest`, {
      method: "POST",
      headers: { authorization: "Bearer test-admin-token" },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      totals: { itemsNew: number; sourcesUnchanged: number };
      subrequests: number;
    };
    expect(report.totals.itemsNew).toBe(0);
    expect(report.totals.sourcesUnchanged).toBeGreaterThan(0);
    expect(report.subrequests).toBeGreaterThan(0);
  });

  it("runs the weekly digest on the digest cron (archived, mail off) and logs unknown crons", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const verbose = { ...env, LOG_LEVEL: "warn" };
    await runScheduled(DIGEST_CRON, verbose);
    const archived = await db.all<{ week: string }>(sql`SELECT week FROM digests`);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.week).toMatch(/^\d{4}-W\d{2}$/);
    await runScheduled("5 4 * * *", verbose);
    const lines = warn.mock.calls.map((c) => JSON.parse(String(c[0])) as { msg: string; cron?: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "no job for this cron trigger", cron: "5 4 * * *" }),
    );
  });

  it("syncs catalogues over D1's 100-parameter limit", async () => {
    const many: SourceDef[] = Array.from({ length: 150 }, (_, i) => ({
      id: `bulk-${i}`,
      name: `Bulk ${i}`,
      kind: "feed",
      url: `https://bulk.example/${i}.rss`,
    }));
    await seedDatabase(db, many);
    expect(await count(sql`SELECT count(*) AS n FROM sources WHERE enabled = 1`)).toBe(150);
    expect(await count(sql`SELECT count(*) AS n FROM sources WHERE enabled = 0`)).toBe(catalogue.length);
  });
});
