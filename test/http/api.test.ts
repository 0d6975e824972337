import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertArticleStatements } from "../../src/db/articles-write";
import { runBatch } from "../../src/db/database";
import { article, httpTestApp, PUBLIC_URL, type TestApp } from "../helpers/http-app";

const KADREY = { id: "kadrey-v-meta", score: 0.93, evidence: ["Kadrey", "LibGen"] };
const BARTZ = { id: "bartz-v-anthropic", score: 0.81, evidence: ["Bartz"] };

async function json(t: TestApp, path: string) {
  const res = await t.app.request(path);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

async function problem(t: TestApp, path: string, status: number) {
  const res = await t.app.request(path);
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string };
  expect(body.status).toBe(status);
  expect(body.type).toBe("about:blank");
  expect(body.title).toBeTruthy();
  return body;
}

describe("JSON API", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await httpTestApp([
      article(1, { title: "Kadrey ruling on fair use", cases: [KADREY] }),
      article(2, { sourceId: "legal", title: "Anthropic settles with authors", cases: [BARTZ] }),
      article(3, { title: "Meta and Anthropic cases compared", cases: [KADREY, BARTZ] }),
      article(4, { title: "Copyright Office report", topic: "ai-copyright-other" }),
      article(5, { title: "New phone released", topic: "not-relevant" }),
      article(6, { title: "A new lawsuit", candidateCaptions: ["Foo Authors v. Bar AI"] }),
      article(7, { title: "Javascript link", url: "javascript:alert(1)", cases: [KADREY] }),
    ]);
  });
  afterAll(() => t.close());

  it("GET /healthz reports the database and the last ingest", async () => {
    const { res, body } = await json(t, "/healthz");
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, db: "ok", lastIngestAt: null });
  });

  it("GET /api/cases lists every registry case with counts and feed links, covered cases first", async () => {
    const { res, body } = await json(t, "/api/cases");
    expect(res.status).toBe(200);
    const cases = body.cases as {
      id: string;
      caption: string;
      articleCount: number;
      latestArticleAt: string | null;
      feeds: Record<string, string>;
    }[];
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.slice(0, 2).map((c) => c.id)).toEqual(["kadrey-v-meta", "bartz-v-anthropic"]);
    const kadrey = cases[0]!;
    expect(Object.keys(kadrey).sort()).toEqual(
      ["articleCount", "caption", "court", "docket", "feeds", "id", "latestArticleAt", "status"].sort(),
    );
    expect(kadrey.articleCount).toBe(3);
    expect(kadrey.latestArticleAt).toBe("2025-06-01T07:00:00.000Z");
    expect(kadrey.feeds).toEqual({
      rss: `${PUBLIC_URL}/feeds/cases/kadrey-v-meta.rss`,
      atom: `${PUBLIC_URL}/feeds/cases/kadrey-v-meta.atom`,
      json: `${PUBLIC_URL}/feeds/cases/kadrey-v-meta.json`,
    });
    expect(cases.find((c) => c.id === "umg-v-suno")?.articleCount).toBe(0);
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("last-modified")).toBe(new Date("2025-06-01T07:00:00.000Z").toUTCString());
    expect(res.headers.get("cache-control")).toContain("max-age=");
  });

  it("GET /api/cases/:id has registry facts, latest articles and related cases", async () => {
    const { res, body } = await json(t, "/api/cases/kadrey-v-meta");
    expect(res.status).toBe(200);
    expect(body.caption).toBe("Kadrey v. Meta Platforms, Inc.");
    expect(body.docket).toBe("3:23-cv-03417-VC");
    expect(body.courtListenerUrl).toBe("https://www.courtlistener.com/?q=3%3A23-cv-03417-VC");
    expect(body.judge).toBe("Vince Chhabria");
    expect(body.articleCount).toBe(3);
    expect((body.latestArticles as { id: number }[]).map((a) => a.id)).toEqual([7, 3, 1]);
    expect((body.latestArticles as { url: string | null }[])[0]!.url).toBeNull();
    const related = body.related as { id: string; caption: string | null }[];
    expect(related.find((r) => r.id === "bartz-v-anthropic")?.caption).toBe("Bartz et al. v. Anthropic PBC");
    expect(Array.isArray(body.plaintiffs) && (body.plaintiffs as string[]).includes("Richard Kadrey")).toBe(
      true,
    );
  });

  it("a known path with the wrong method → 405 problem with Allow; an unknown path stays 404", async () => {
    const res = await t.app.request("/api/cases", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const post = await t.app.request("/api/articles/1", { method: "POST" });
    expect(post.status).toBe(405);
    const sub = await t.app.request("/api/subscriptions");
    expect(sub.status).toBe(405);
    expect(sub.headers.get("allow")).toBe("POST");
    expect((await t.app.request("/api/nothing-here", { method: "DELETE" })).status).toBe(404);
  });

  it("unknown case → 404 problem naming the id", async () => {
    const p = await problem(t, "/api/cases/no-such-case", 404);
    expect(p.detail).toContain("no-such-case");
    const p2 = await problem(t, "/api/articles?case=no-such-case", 404);
    expect(p2.detail).toContain("no-such-case");
  });

  it("GET /api/articles defaults to litigation articles, newest first, without article text", async () => {
    const { res, body } = await json(t, "/api/articles");
    expect(res.status).toBe(200);
    const articles = body.articles as Record<string, unknown>[];
    expect(articles.map((a) => a.id)).toEqual([7, 6, 3, 2, 1]);
    expect(body.nextCursor).toBeNull();
    for (const a of articles) {
      expect(Object.keys(a).sort()).toEqual(
        ["cases", "id", "publishedAt", "source", "summary", "title", "topic", "url"].sort(),
      );
      expect(JSON.stringify(a)).not.toContain("Body text");
    }
    expect(articles[0]!.url).toBeNull();
    expect(articles.find((a) => a.id === 2)!.source).toEqual({ id: "legal", name: "Legal Daily" });
  });

  it("filters by topic, case, source, since and until", async () => {
    const ids = async (q: string) =>
      ((await json(t, `/api/articles?${q}`)).body.articles as { id: number }[]).map((a) => a.id);
    expect(await ids("topic=all")).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await ids("topic=not-relevant")).toEqual([5]);
    expect(await ids("case=bartz-v-anthropic")).toEqual([3, 2]);
    expect(await ids("source=legal")).toEqual([2]);
    expect(await ids("since=2025-06-01T03:00:00Z&until=2025-06-01T07:00:00Z")).toEqual([6, 3]);
    expect(await ids("since=2025-06-01T03:00:00%2B02:00")).toEqual([7, 6, 3, 2, 1]);
    await problem(t, "/api/articles?source=nope", 404);
  });

  it("GET /api/articles?q= searches title, summary and text, ranked, with a summary snippet", async () => {
    const { body } = await json(t, "/api/articles?q=anthropic");
    const articles = body.articles as { id: number; score: number; snippet: { text: string } }[];
    expect(articles.map((a) => a.id).sort()).toEqual([2, 3]);
    expect(articles[0]!.score).toBeGreaterThanOrEqual(articles[1]!.score);
    expect(articles[0]!.snippet.text).toMatch(/Summary of article/);

    await runBatch(
      t.db,
      insertArticleStatements(t.db, {
        ...article(8, { summary: "The judge wrote that fair use covers the training of Llama models." }),
      }),
    );
    const hit = (await json(t, "/api/articles?q=%22fair%20use%22%20llama")).body.articles as {
      id: number;
      snippet: { text: string; highlights: [number, number][] };
    }[];
    expect(hit.map((a) => a.id)).toEqual([8]);
    const s = hit[0]!.snippet;
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b).toLowerCase())).toEqual(["fair use", "llama"]);
    // Only article text matched: the article is found, but its text is not served.
    const body8 = (await json(t, "/api/articles?q=text%20article%208")).body.articles as Record<
      string,
      unknown
    >[];
    expect(body8.map((a) => a.id)).toEqual([8]);
    expect(JSON.stringify(body8)).not.toContain("Body text");
  });

  it("search with sort=date orders by date; FTS syntax in q is treated as words", async () => {
    const { body } = await json(t, "/api/articles?q=article&sort=date&topic=all");
    const ids = (body.articles as { id: number; score?: number }[]).map((a) => a.id);
    expect(ids).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect((body.articles as { score?: number }[])[0]!.score).toBeUndefined();
    const weird = await t.app.request("/api/articles?q=NEAR(%22a%22%20b)%20OR%20*%20%22&topic=all");
    expect(weird.status).toBe(200);
  });

  it("bad parameters → 400 problems naming the parameter", async () => {
    expect((await problem(t, "/api/articles?limit=0", 400)).detail).toContain('"limit"');
    expect((await problem(t, "/api/articles?limit=101", 400)).detail).toContain('"limit"');
    expect((await problem(t, "/api/articles?limit=ten", 400)).detail).toContain('"limit"');
    expect((await problem(t, "/api/articles?since=yesterday", 400)).detail).toContain('"since"');
    expect((await problem(t, "/api/articles?until=2025-13-45", 400)).detail).toContain('"until"');
    expect((await problem(t, "/api/articles?cursor=garbage!", 400)).detail).toContain('"cursor"');
    expect((await problem(t, "/api/articles?cursor=WyJ4Il0", 400)).detail).toContain('"cursor"');
    expect((await problem(t, "/api/articles?topic=sports", 400)).detail).toContain('"topic"');
    expect((await problem(t, "/api/articles?q=%3F%3F%3F", 400)).detail).toContain('"q"');
    expect((await problem(t, "/api/articles?sort=relevance", 400)).detail).toContain('"sort"');
    expect((await problem(t, "/api/articles/abc", 400)).detail).toContain('"id"');
    expect((await problem(t, "/api/candidates?limit=-1", 400)).detail).toContain('"limit"');
  });

  it("a date cursor is refused by a relevance search and the other way round", async () => {
    const first = await json(t, "/api/articles?limit=1");
    const cursor = first.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    expect((await problem(t, `/api/articles?q=article&cursor=${cursor}`, 400)).detail).toContain('"cursor"');
  });

  it("GET /api/articles/:id returns the article with its cases; unknown → 404", async () => {
    const { res, body } = await json(t, "/api/articles/3");
    expect(res.status).toBe(200);
    expect(body).toEqual({
      id: 3,
      url: "https://wire.example/news/3",
      title: "Meta and Anthropic cases compared",
      summary: "Summary of article 3.",
      source: { id: "wire", name: "Example Wire" },
      publishedAt: "2025-06-01T03:00:00.000Z",
      topic: "ai-copyright-litigation",
      cases: [
        { id: "kadrey-v-meta", score: 0.93, evidence: ["Kadrey", "LibGen"] },
        { id: "bartz-v-anthropic", score: 0.81, evidence: ["Bartz"] },
      ],
    });
    expect((await problem(t, "/api/articles/999", 404)).detail).toContain("999");
  });

  it("GET /api/candidates lists proposed captions with article ids and first/last seen", async () => {
    const { body } = await json(t, "/api/candidates");
    expect(body).toEqual({
      candidates: [
        {
          caption: "Foo Authors v. Bar AI",
          articleIds: [6],
          firstSeenAt: "2025-06-01T06:00:00.000Z",
          lastSeenAt: "2025-06-01T06:00:00.000Z",
        },
      ],
      nextCursor: null,
    });
  });

  it("GET /api/sources lists the catalogue with health and answers If-None-Match with 304", async () => {
    const res = await t.app.request("/api/sources");
    const body = (await res.json()) as { sources: { id: string; health: { consecutiveFailures: number } }[] };
    expect(body.sources.map((s) => s.id).sort()).toEqual(["legal", "wire"]);
    expect(body.sources[0]!.health.consecutiveFailures).toBe(0);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("last-modified")).toBe(new Date(0).toUTCString());
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const again = await t.app.request("/api/sources", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("unknown API paths are problem+json 404s", async () => {
    expect((await problem(t, "/api/nothing-here", 404)).detail).toContain("/api/nothing-here");
    await problem(t, "/feeds/nothing.rss", 404);
  });
});
