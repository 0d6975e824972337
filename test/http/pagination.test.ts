import { afterEach, describe, expect, it } from "vitest";
import { insertArticleStatements } from "../../src/db/articles-write";
import { runBatch } from "../../src/db/database";
import { MAX_RANKED_RESULTS } from "../../src/http/article-listing";
import { article, httpTestApp, type TestApp } from "../helpers/http-app";

interface Page {
  articles: { id: number; score?: number }[];
  nextCursor: string | null;
}

async function page(t: TestApp, query: string, cursor: string | null): Promise<Page> {
  const res = await t.app.request(
    `/api/articles?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

/** Walks every page, calling `between` after each one (to insert articles mid-walk). */
async function walk(
  t: TestApp,
  query: string,
  between: (pageNo: number) => Promise<void>,
): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n++) {
    const p = await page(t, query, cursor);
    seen.push(...p.articles.map((a) => a.id));
    if (!p.nextCursor) return seen;
    cursor = p.nextCursor;
    await between(n);
  }
  throw new Error("walk did not end");
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("cursor pagination", () => {
  let t: TestApp;
  afterEach(() => t.close());

  it("walks newest first in pages with no duplicates and no gaps while articles arrive", async () => {
    t = await httpTestApp(range(1, 25).map((n) => article(n)));
    let next = 1000;
    const seen = await walk(t, "limit=7", async () => {
      // A fresh article (newest) and a back-dated one that lands between already-seen articles.
      await t.insert([article(next++), article(next++, { publishedAt: "2025-06-01T12:30:00.000Z" })]);
    });
    expect(new Set(seen).size).toBe(seen.length);
    const originals = seen.filter((id) => id <= 25);
    expect(originals).toEqual(range(1, 25).reverse());
  });

  it("keeps equal dates apart by id", async () => {
    const same = "2025-07-01T00:00:00.000Z";
    t = await httpTestApp(range(1, 9).map((n) => article(n, { publishedAt: same, fetchedAt: same })));
    const seen = await walk(t, "limit=2", async () => {});
    expect(seen).toEqual(range(1, 9).reverse());
  });

  it("walks a relevance-ranked search on a snapshot: no duplicates, no gaps, later arrivals left out", async () => {
    const docs = range(1, 30).map((n) =>
      article(n, {
        title: n % 3 === 0 ? "Fair use ruling in the fair use case" : `Story ${n} about a ruling`,
        summary: `${"fair use ".repeat(n % 5)}summary ${n}`,
        contentText: `fair use ${"filler ".repeat(n % 7)}`,
      }),
    );
    t = await httpTestApp(docs);
    const all = await page(t, "q=fair%20use&limit=100", null);
    expect(all.articles).toHaveLength(30);
    const scores = all.articles.map((a) => a.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    let next = 1000;
    const seen = await walk(t, "q=fair%20use&limit=4", async () => {
      await t.insert([
        article(next++, { title: "Fair use fair use fair use", summary: "fair use fair use" }),
        article(next++, { title: "Another fair use story", contentText: "long ".repeat(50) }),
      ]);
    });
    // bm25 scores drift as articles arrive, so later pages may order the rest a little differently; what a
    // walk guarantees is the set: every article of the snapshot exactly once, and nothing that arrived later.
    expect(seen.slice(0, 4)).toEqual(all.articles.slice(0, 4).map((a) => a.id));
    expect(seen).toHaveLength(30);
    expect([...seen].sort((a, b) => a - b)).toEqual(range(1, 30));
  });

  it("stops a relevance walk at MAX_RANKED_RESULTS; sort=date goes on", async () => {
    t = await httpTestApp();
    const statements = range(1, MAX_RANKED_RESULTS + 5).flatMap((n) =>
      insertArticleStatements(t.db, article(n, { title: `Ruling ${n}` })),
    );
    await runBatch(t.db, statements);
    const ranked = await walk(t, "q=ruling&limit=100", async () => {});
    expect(ranked).toHaveLength(MAX_RANKED_RESULTS);
    expect(new Set(ranked).size).toBe(MAX_RANKED_RESULTS);
    const dated = await walk(t, "q=ruling&sort=date&limit=100", async () => {});
    expect(dated).toHaveLength(MAX_RANKED_RESULTS + 5);
  });

  it("walks a date-ordered search while articles arrive", async () => {
    t = await httpTestApp(
      range(1, 20).map((n) => article(n, { title: n % 2 ? `Fair use ${n}` : `Other ${n}` })),
    );
    let next = 1000;
    const seen = await walk(t, "q=fair&sort=date&limit=3", async () => {
      await t.insert([article(next++, { title: "Fair use news" })]);
    });
    expect(seen.filter((id) => id < 1000)).toEqual(
      range(1, 20)
        .filter((n) => n % 2)
        .reverse(),
    );
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("pages candidates", async () => {
    t = await httpTestApp(
      range(1, 5).map((n) => article(n, { candidateCaptions: [`Plaintiff${n} v. Defendant`] })),
    );
    const captions: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.request(`/api/candidates?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const body = (await res.json()) as { candidates: { caption: string }[]; nextCursor: string | null };
      captions.push(...body.candidates.map((c) => c.caption));
      cursor = body.nextCursor;
    } while (cursor);
    expect(captions).toEqual(
      range(1, 5)
        .reverse()
        .map((n) => `Plaintiff${n} v. Defendant`),
    );
  });
});
