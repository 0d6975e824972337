import { eq } from "drizzle-orm";
import Parser from "rss-parser";
import { afterEach, describe, expect, it } from "vitest";
import { reclassifyStatements } from "../../src/db/articles-write";
import { runBatch } from "../../src/db/database";
import { articleCases } from "../../src/db/schema";
import { secretsEqual } from "../../src/http/admin-auth";
import { article, httpTestApp, type TestApp } from "../helpers/http-app";

const TOKEN = "s3cret-admin-token";
const KADREY = { id: "kadrey-v-meta", score: 0.9, evidence: ["Kadrey"] };

function put(t: TestApp, id: number | string, body: unknown, token: string | null = TOKEN) {
  return t.app.request(`/api/admin/articles/${id}/cases`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function detail(res: Response): Promise<string> {
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  return ((await res.json()) as { detail: string }).detail;
}

describe("admin endpoints", () => {
  let t: TestApp;
  afterEach(() => t.close());

  it("answer 404 when no ADMIN_TOKEN is configured, even with a token", async () => {
    t = await httpTestApp([article(1)], { runIngest: async () => ({ ran: true }) });
    const ingest = await t.app.request("/api/admin/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ingest.status).toBe(404);
    await detail(ingest);
    expect((await put(t, 1, { cases: [] })).status).toBe(404);
  });

  it("answer 401 with WWW-Authenticate when the token is missing or wrong", async () => {
    let ran = 0;
    t = await httpTestApp([article(1)], {
      adminToken: TOKEN,
      runIngest: async () => {
        ran++;
        return {};
      },
    });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong" },
      { authorization: `Basic ${TOKEN}` },
    ];
    for (const headers of attempts) {
      const res = await t.app.request("/api/admin/ingest", { method: "POST", headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
      await detail(res);
    }
    expect((await put(t, 1, { cases: ["kadrey-v-meta"] }, "nope")).status).toBe(401);
    expect((await put(t, 1, { cases: ["kadrey-v-meta"] }, `${TOKEN}x`)).status).toBe(401);
    expect(ran).toBe(0);
  });

  it("POST /api/admin/ingest runs a cycle and returns its report", async () => {
    t = await httpTestApp([], {
      adminToken: TOKEN,
      runIngest: async () => ({ runId: 7, totals: { itemsNew: 2 } }),
    });
    const res = await t.app.request("/api/admin/ingest", {
      method: "POST",
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ runId: 7, totals: { itemsNew: 2 } });
  });

  it("POST /api/admin/ingest is 501 where the runtime gives no ingest", async () => {
    t = await httpTestApp([], { adminToken: TOKEN });
    const res = await t.app.request("/api/admin/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(501);
    await detail(res);
  });

  it("PUT cases replaces every assignment with manual ones, sets the topic, survives reclassification", async () => {
    // A long version TTL: only the app's own invalidation can make the feed change show at once.
    t = await httpTestApp([article(1, { cases: [KADREY] }), article(2, { topic: "not-relevant" })], {
      adminToken: TOKEN,
      app: { versionTtlMs: 60_000 },
    });
    const feed1 = await t.app.request("/feeds/cases/bartz-v-anthropic.rss");
    const etag = feed1.headers.get("etag")!;
    expect(
      (await t.app.request("/feeds/cases/bartz-v-anthropic.rss", { headers: { "if-none-match": etag } }))
        .status,
    ).toBe(304);

    const res = await put(t, 2, { cases: ["bartz-v-anthropic", "umg-v-suno"] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { topic: string; cases: { id: string; score: number }[] };
    expect(body.topic).toBe("ai-copyright-litigation");
    expect(body.cases.map((c) => c.id).sort()).toEqual(["bartz-v-anthropic", "umg-v-suno"]);

    const replaced = await put(t, 1, { cases: ["bartz-v-anthropic"] });
    expect(((await replaced.json()) as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual([
      "bartz-v-anthropic",
    ]);
    const rows = await t.db.select().from(articleCases).where(eq(articleCases.articleId, 1));
    expect(rows.map((r) => [r.caseId, r.origin])).toEqual([["bartz-v-anthropic", "manual"]]);

    // Re-classification touches only automatic rows.
    await runBatch(
      t.db,
      reclassifyStatements(t.db, 1, "ai-copyright-litigation", 0.9, [KADREY], "2026-02-01T00:00:00.000Z"),
    );
    const after = (await (await t.app.request("/api/articles/1")).json()) as { cases: { id: string }[] };
    expect(after.cases.map((c) => c.id).sort()).toEqual(["bartz-v-anthropic", "kadrey-v-meta"]);

    // Feeds see the change at once (new ETag, new items).
    const feed2 = await t.app.request("/feeds/cases/bartz-v-anthropic.rss", {
      headers: { "if-none-match": etag },
    });
    expect(feed2.status).toBe(200);
    const items = (await new Parser().parseString(await feed2.text())).items.map((i) => i.link);
    expect(items).toEqual(["https://wire.example/news/2", "https://wire.example/news/1"]);
  });

  it("PUT cases with an empty list removes every case and may set the topic", async () => {
    t = await httpTestApp([article(1, { cases: [KADREY] })], { adminToken: TOKEN });
    const res = await put(t, 1, { cases: [], topic: "ai-copyright-other" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ cases: [], topic: "ai-copyright-other" });
  });

  it("PUT cases validates the body and the case ids against the registry", async () => {
    t = await httpTestApp([article(1)], { adminToken: TOKEN });
    const unknown = await put(t, 1, { cases: ["kadrey-v-meta", "made-up-case"] });
    expect(unknown.status).toBe(400);
    const d = await detail(unknown);
    expect(d).toContain("made-up-case");
    expect(d).toContain('"cases"');
    expect(d).not.toContain("kadrey-v-meta");
    const shape = await put(t, 1, { cases: "kadrey-v-meta" });
    expect(shape.status).toBe(400);
    expect(await detail(shape)).toContain('"cases"');
    const topic = await put(t, 1, { cases: [], topic: "gossip" });
    expect(topic.status).toBe(400);
    expect(await detail(topic)).toContain('"topic"');
    const missing = await put(t, 999, { cases: ["kadrey-v-meta"] });
    expect(missing.status).toBe(404);
    expect(await detail(missing)).toContain("999");
    const malformed = await t.app.request("/api/admin/articles/1/cases", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    await detail(malformed);
  });

  it("compares secrets without early exit on length or content", async () => {
    expect(await secretsEqual("abc", "abc")).toBe(true);
    expect(await secretsEqual("abc", "abd")).toBe(false);
    expect(await secretsEqual("abc", "abcd")).toBe(false);
    expect(await secretsEqual("", "a")).toBe(false);
  });
});
