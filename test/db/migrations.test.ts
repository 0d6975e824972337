import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { syncRegistry } from "../../src/db/cases-repo";
import { articles, cases } from "../../src/db/schema";
import { listSources, syncCatalogue } from "../../src/db/sources-repo";
import { REGISTRY } from "../../src/domain/registry/cases";
import { openNodeDb } from "../../src/runtime/node-db";
import { fileDb, memoryDb } from "../helpers/test-db";

describe("migrations and seeding", () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const c of cleanups) c();
  });

  it("creates every table and the FTS index in :memory:", async () => {
    const { db, close } = await memoryDb();
    cleanups.push(close);
    const rows = await db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`,
    );
    const names = rows.map((r) => r.name);
    for (const t of [
      "sources",
      "articles",
      "cases",
      "article_cases",
      "ingest_runs",
      "candidates",
      "articles_fts",
    ]) {
      expect(names).toContain(t);
    }
  });

  it("uses WAL for file databases and is idempotent when reopened", async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    const mode = await f.client.execute("PRAGMA journal_mode");
    expect(String(mode.rows[0]?.[0])).toBe("wal");
    const again = await openNodeDb(f.url);
    cleanups.push(again.close);
    const n = await again.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    expect(n[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("seeds the registry once and refreshes only changed cases", async () => {
    const { db, close } = await memoryDb();
    cleanups.push(close);
    const first = await syncRegistry(db, REGISTRY);
    expect(first.inserted).toBe(REGISTRY.length);
    const second = await syncRegistry(db, REGISTRY);
    expect(second).toEqual({ inserted: 0, updated: 0, removed: 0 });
    const changed = REGISTRY.map((c, i) => (i === 0 ? { ...c, status: "2026-11-01: changed" } : c));
    const third = await syncRegistry(db, changed);
    expect(third).toEqual({ inserted: 0, updated: 1, removed: 0 });
    const row = await db.select().from(cases).where(sql`${cases.id} = ${REGISTRY[0]!.id}`);
    expect(row[0]?.statusDate).toBe("2026-11-01");
  });

  it("keeps fetch state across catalogue syncs and disables dropped sources", async () => {
    const { db, close } = await memoryDb();
    cleanups.push(close);
    const a = { id: "a", name: "A", kind: "feed" as const, url: "https://a.example/feed" };
    const b = { id: "b", name: "B", kind: "feed" as const, url: "https://b.example/feed" };
    await syncCatalogue(db, [a, b]);
    await db.run(sql`UPDATE sources SET etag = '"x"' WHERE id IN ('a','b')`);
    await syncCatalogue(db, [a, { ...b, url: "https://b.example/other" }]);
    await syncCatalogue(db, [{ ...b, url: "https://b.example/other" }]);
    const list = await listSources(db);
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(byId.get("a")?.enabled).toBe(false);
    expect(byId.get("a")?.etag).toBe('"x"');
    expect(byId.get("b")?.etag).toBeNull();
    expect(byId.get("b")?.url).toBe("https://b.example/other");
  });

  it("indexes articles in FTS5 through the triggers", async () => {
    const { db, close } = await memoryDb();
    cleanups.push(close);
    await syncCatalogue(db, [{ id: "s", name: "S", kind: "feed", url: "https://s.example/feed" }]);
    const now = "2026-01-01T00:00:00.000Z";
    await db.insert(articles).values({
      url: "https://s.example/a",
      sourceId: "s",
      title: "Judge Chhabria rules on fair use",
      summary: "Diaz and others",
      contentText: "Llama training",
      fetchedAt: now,
      sortAt: now,
      dedupeKey: "k",
      updatedAt: now,
    });
    const hit = await db.all<{ rowid: number }>(
      sql`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'chhabria'`,
    );
    expect(hit).toHaveLength(1);
    await db.run(sql`UPDATE articles SET title = 'Renamed' WHERE url = 'https://s.example/a'`);
    const miss = await db.all(sql`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'chhabria'`);
    expect(miss).toHaveLength(0);
  });
});
