/** A migrated in-memory database seeded with the registry, two sources and a week (2026-W48) of coverage. */
import { type Config, parseConfig } from "../../src/config";
import { insertArticleStatements, type NewArticle } from "../../src/db/articles-write";
import { syncRegistry } from "../../src/db/cases-repo";
import { type Db, runBatch } from "../../src/db/database";
import { subscribers } from "../../src/db/schema";
import { syncCatalogue } from "../../src/db/sources-repo";
import { REGISTRY } from "../../src/domain/registry";
import { memoryDb } from "./test-db";

/** Public base URL of the test world. */
export const WORLD_URL = "https://casewire.example";
/** Body text stored with every article: must never appear in an email or page. */
export const SECRET_BODY = "FULL-ARTICLE-BODY-NEVER-REPUBLISHED";

/** A clock tests can move. */
export interface MovableClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** The world. */
export interface DigestWorld {
  db: Db;
  clock: MovableClock;
  config(vars?: Record<string, string>): Config;
  addSubscriber(
    email: string,
    status: "pending" | "active" | "unsubscribed",
    cases?: string[] | null,
  ): Promise<number>;
  insert(articles: NewArticle[]): Promise<void>;
  close(): void;
}

/** An article of 2026-W48 (`day` 23–29 November), litigation, filed under `cases`. */
export function weekArticle(
  n: number,
  title: string,
  cases: string[],
  over: Partial<NewArticle> = {},
): NewArticle {
  const date = new Date(Date.UTC(2026, 10, 23 + (n % 7), 10, n)).toISOString();
  return {
    url: `https://wire.example/news/${n}`,
    guid: null,
    sourceId: n % 2 === 0 ? "wire" : "legal",
    title,
    summary: `Our summary of story ${n}.`,
    contentText: `${SECRET_BODY} ${n}`,
    author: null,
    publishedAt: date,
    fetchedAt: date,
    dedupeKey: `key-${n}`,
    topic: "ai-copyright-litigation",
    relevance: 0.9,
    cases: cases.map((id) => ({ id, score: 0.9, evidence: ["test"] })),
    candidateCaptions: [],
    ...over,
  };
}

/** The default week of coverage: Bartz (ruling, syndicated twice), Kadrey (two stories), NYT, a candidate. */
export function defaultWeek(): NewArticle[] {
  return [
    weekArticle(1, "Judge approves $1.5 billion Anthropic settlement with authors", ["bartz-v-anthropic"]),
    weekArticle(2, "Judge approves $1.5 billion Anthropic settlement with authors", ["bartz-v-anthropic"], {
      url: "https://other.example/anthropic-settlement",
    }),
    weekArticle(3, "Meta asks Ninth Circuit to review torrenting claims in Kadrey case", ["kadrey-v-meta"]),
    weekArticle(4, "Authors push back on Meta's bid for an early appeal", ["kadrey-v-meta"]),
    weekArticle(5, "OpenAI must hand over 20 million ChatGPT logs, judge rules", ["nyt-v-microsoft-openai"]),
    weekArticle(6, "Voice actors sue NewAI over cloned voices", [], {
      candidateCaptions: ["Doe v. NewAI Corp"],
    }),
    weekArticle(7, "An older story from the week before", ["kadrey-v-meta"], {
      publishedAt: "2026-11-20T10:00:00.000Z",
      fetchedAt: "2026-11-20T10:00:00.000Z",
    }),
    weekArticle(8, "Not litigation at all", [], { topic: "not-relevant" }),
  ];
}

/** Opens the world at Monday 2026-11-30 08:00 UTC. */
export async function digestWorld(articles: NewArticle[] = defaultWeek()): Promise<DigestWorld> {
  const opened = await memoryDb();
  const db = opened.db;
  await syncRegistry(db, REGISTRY);
  await syncCatalogue(db, [
    { id: "wire", name: "Example Wire", kind: "feed", url: "https://wire.example/feed.rss" },
    { id: "legal", name: "Legal Daily", kind: "feed", url: "https://legal.example/rss" },
  ]);
  let now = Date.parse("2026-11-30T08:00:00.000Z");
  const clock: MovableClock = {
    now: () => new Date(now),
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
  const insert = async (list: NewArticle[]) => {
    for (const a of list) await runBatch(db, insertArticleStatements(db, a));
  };
  await insert(articles);
  return {
    db,
    clock,
    insert,
    config: (vars = {}) =>
      parseConfig({
        PUBLIC_URL: WORLD_URL,
        SECRET: "world-secret",
        EMAIL_FROM: "casewire <digest@casewire.example>",
        ...vars,
      }),
    async addSubscriber(email, status, cases = null) {
      const iso = clock.now().toISOString();
      const rows = await db
        .insert(subscribers)
        .values({
          email,
          status,
          cases,
          createdAt: iso,
          updatedAt: iso,
          confirmedAt: status === "active" ? iso : null,
        })
        .returning({ id: subscribers.id });
      return rows[0]!.id;
    },
    close: opened.close,
  };
}
