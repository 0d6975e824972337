import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxArticleId, searchArticlesByRank } from "../../src/db/articles-read";
import { insertArticleStatements } from "../../src/db/articles-write";
import { readDataVersion } from "../../src/db/data-version";
import { runBatch } from "../../src/db/database";
import { article, httpTestApp, type TestApp } from "../helpers/http-app";

describe("searchArticlesByRank over more matches than its window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await httpTestApp();
    const statements = Array.from({ length: 1100 }, (_, i) => {
      const n = i + 1;
      return insertArticleStatements(
        t.db,
        article(n, {
          title: n % 10 === 0 ? `Ruling ruling ${n}` : `Ruling ${n}`,
          contentText: `ruling ${"filler ".repeat(n % 13)}`,
          topic: n % 4 === 0 ? "ai-copyright-litigation" : "not-relevant",
          // A rare filter whose articles rank last (long text, one mention).
          sourceId: n > 1095 ? "legal" : "wire",
          ...(n > 1095
            ? { title: `Other ${n}`, summary: "", contentText: `ruling ${"padding ".repeat(200)}` }
            : {}),
        }),
      );
    }).flat();
    await runBatch(t.db, statements);
  });
  afterAll(() => t.close());

  async function expected(where: (id: number) => boolean, limit: number): Promise<number[]> {
    const rows = await t.db.all<{ id: number }>(
      sql`SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH '"ruling"'
          ORDER BY bm25(articles_fts, 5.0, 2.0, 1.0), rowid`,
    );
    return rows
      .map((r) => Number(r.id))
      .filter(where)
      .slice(0, limit);
  }

  it("returns exactly the best filtered matches when the window holds a page", async () => {
    const maxId = await maxArticleId(t.db);
    const got = await searchArticlesByRank(t.db, '"ruling"', { topic: "ai-copyright-litigation" }, 25, maxId);
    expect(got.map((r) => r.id)).toEqual(await expected((id) => id % 4 === 0, 25));
    const ranks = got.map((r) => r.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it("falls back to every match when the filter is rare among the best ones", async () => {
    const maxId = await maxArticleId(t.db);
    const got = await searchArticlesByRank(t.db, '"ruling"', { sourceId: "legal" }, 10, maxId);
    expect(got.map((r) => r.id)).toEqual(await expected((id) => id > 1095, 10));
    expect(got).toHaveLength(5);
  });

  it("leaves out served ids and articles past the snapshot", async () => {
    const first = await searchArticlesByRank(t.db, '"ruling"', {}, 5, 1000);
    expect(first.every((r) => r.id <= 1000)).toBe(true);
    const next = await searchArticlesByRank(
      t.db,
      '"ruling"',
      {},
      5,
      1000,
      first.map((r) => r.id),
    );
    expect(next.map((r) => r.id)).toEqual((await expected((id) => id <= 1000, 10)).slice(5));
  });
});

describe("readDataVersion", () => {
  it("changes with inserts and case changes, and stays put otherwise", async () => {
    const t = await httpTestApp([article(1)]);
    try {
      const v1 = await readDataVersion(t.db);
      expect(await readDataVersion(t.db)).toEqual(v1);
      expect(v1.lastModified).toBe("2025-06-01T01:00:00.000Z");
      await t.insert([article(2)]);
      const v2 = await readDataVersion(t.db);
      expect(v2.token).not.toBe(v1.token);
      expect(v2.maxArticleId).toBe(2);
      await t.db.run(
        sql`INSERT INTO article_cases (article_id, case_id, score, evidence) VALUES (1, 'kadrey-v-meta', 1, '[]')`,
      );
      expect((await readDataVersion(t.db)).token).not.toBe(v2.token);
    } finally {
      t.close();
    }
  });
});
