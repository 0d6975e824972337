/** A real migrated database seeded with the registry, two sources and articles, and the app over it. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { parseConfig } from "../../src/config";
import { insertArticleStatements, type NewArticle } from "../../src/db/articles-write";
import { syncRegistry } from "../../src/db/cases-repo";
import { type Db, runBatch } from "../../src/db/database";
import { syncCatalogue } from "../../src/db/sources-repo";
import { silentLogger } from "../../src/domain/log";
import { REGISTRY } from "../../src/domain/registry";
import type { SourceDef } from "../../src/domain/types";
import { type AppOptions, createApp } from "../../src/http/app";
import { memoryDb } from "./test-db";

/** Public base URL of the test app. */
export const PUBLIC_URL = "https://casewire.example";

/** The two sources of the test catalogue. */
export const TEST_SOURCES: SourceDef[] = [
  { id: "wire", name: "Example Wire", kind: "feed", url: "https://wire.example/feed.rss" },
  { id: "legal", name: "Legal Daily", kind: "feed", url: "https://legal.example/rss" },
];

/** A clock tests can move. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

/** The app, its database and helpers. */
export interface TestApp {
  app: OpenAPIHono;
  db: Db;
  clock: TestClock;
  insert(articles: NewArticle[]): Promise<void>;
  close(): void;
}

/** An article numbered `n` (unique URL, dated `n` hours after 2025-06-01), with overrides. */
export function article(n: number, over: Partial<NewArticle> = {}): NewArticle {
  const date = new Date(Date.UTC(2025, 5, 1) + n * 3_600_000).toISOString();
  return {
    url: `https://wire.example/news/${n}`,
    guid: null,
    sourceId: "wire",
    title: `Article number ${n}`,
    summary: `Summary of article ${n}.`,
    contentText: `Body text of article ${n}.`,
    author: null,
    publishedAt: date,
    fetchedAt: date,
    dedupeKey: `key-${n}`,
    topic: "ai-copyright-litigation",
    relevance: 0.9,
    cases: [],
    candidateCaptions: [],
    ...over,
  };
}

/** Opens a fresh in-memory database, seeds registry and sources, inserts `articles`, builds the app. */
export async function httpTestApp(
  articles: NewArticle[] = [],
  opts: { adminToken?: string; runIngest?: () => Promise<unknown>; app?: AppOptions } = {},
): Promise<TestApp> {
  const opened = await memoryDb();
  const db = opened.db;
  await syncRegistry(db, REGISTRY);
  await syncCatalogue(db, TEST_SOURCES);
  let now = Date.UTC(2026, 0, 15, 12);
  const clock: TestClock = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  const insert = async (list: NewArticle[]) => {
    for (const a of list) await runBatch(db, insertArticleStatements(db, a));
  };
  await insert(articles);
  const config = parseConfig({ PUBLIC_URL, ADMIN_TOKEN: opts.adminToken });
  const app = createApp(
    {
      db,
      config,
      logger: silentLogger,
      clock: clock.now,
      ...(opts.runIngest ? { runIngest: opts.runIngest } : {}),
    },
    { versionTtlMs: 0, ...opts.app },
  );
  return { app, db, clock, insert, close: opened.close };
}
