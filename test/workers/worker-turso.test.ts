/**
 * The Worker inside workerd on a real libSQL server (sqld, what Turso runs) through `@libsql/client/web`:
 * migrations from the embedded copy of drizzle/ (drizzle's bookkeeping), seeding, scheduled ingest, the API.
 */
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createWebDb } from "../../src/db/create-web-db";
import { EMBEDDED_MIGRATIONS } from "../../src/db/embedded-migrations";
import { MIGRATIONS_TABLE } from "../../src/db/migrate-embedded";
import type { WorkerEnv } from "../../src/runtime/worker-env";
import { DIGEST_CRON, INGEST_CRON, runScheduled, workerFetch } from "./worker-helpers";

const { DB: _d1, EMPTY_DB: _empty, ...rest } = env as typeof env & { EMPTY_DB: unknown };
const tursoEnv: WorkerEnv = { ...rest, DATABASE_URL: env.SQLD_URL };
const remote = createWebDb(env.SQLD_URL).db;

describe("Worker on Turso (sqld over HTTP)", () => {
  it("migrates from the embedded drizzle/ copy with drizzle's bookkeeping and seeds on first request", async () => {
    const res = await workerFetch("/api/cases", tursoEnv);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { cases: unknown[] }).cases.length).toBeGreaterThan(10);
    const rows = await remote.all<{ hash: string; created_at: number }>(
      sql`SELECT hash, created_at FROM ${sql.identifier(MIGRATIONS_TABLE)} ORDER BY created_at`,
    );
    expect(rows.map((r) => [r.hash, Number(r.created_at)])).toEqual(
      EMBEDDED_MIGRATIONS.map((m) => [m.hash, m.folderMillis]),
    );
    const fts = await remote.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE name = 'articles_fts'`,
    );
    expect(fts).toHaveLength(1);
  });

  it("runs a scheduled ingest into the remote database and serves the result", async () => {
    await runScheduled(INGEST_CRON, tursoEnv);
    const n = await remote.all<{ n: number }>(sql`SELECT count(*) AS n FROM articles`);
    expect(Number(n[0]?.n)).toBe(9);
    const res = await workerFetch("/api/articles?case=kadrey-v-meta", tursoEnv);
    const body = (await res.json()) as { articles: { title: string }[] };
    expect(body.articles.map((a) => a.title)).toContain(
      "Authors press Meta over LibGen torrents in Kadrey v. Meta",
    );
    const feed = await workerFetch("/feeds/cases/kadrey-v-meta.atom", tursoEnv);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("Kadrey v. Meta");
  });
});

describe("Worker start-up errors", () => {
  it("answers 503 naming the command when the D1 database is not migrated", async () => {
    const res = await workerFetch("/api/cases", {
      ...env,
      DB: (env as unknown as { EMPTY_DB: never }).EMPTY_DB,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/wrangler d1 migrations apply/);
  });

  it("answers 500 naming the variable when the configuration is invalid", async () => {
    const res = await workerFetch("/healthz", { ...env, FETCH_TIMEOUT_MS: "soon" });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/FETCH_TIMEOUT_MS/);
  });

  it("logs one JSON error line and rejects when a cron trigger meets an invalid configuration", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(runScheduled(DIGEST_CRON, { ...env, FETCH_MAX_BYTES: "lots" })).rejects.toThrow(
        /FETCH_MAX_BYTES/,
      );
      const lines = error.mock.calls.map((c) => JSON.parse(String(c[0])) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ level: "error", msg: "worker not ready", cron: DIGEST_CRON }),
      );
      expect(String(lines[0]?.error)).toMatch(/FETCH_MAX_BYTES/);
    } finally {
      error.mockRestore();
    }
  });
});
