/** Drizzle schema: the tables of DESIGN.md §3 (FTS5 index and triggers live in a custom migration). */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The outlets we fetch, with their per-source fetch state. */
export const sources = sqliteTable("sources", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["feed", "html"] }).notNull(),
  url: text("url").notNull(),
  homepage: text("homepage"),
  language: text("language"),
  /** JSON: selectors and full-text rule from the catalogue. */
  config: text("config").notNull().default("{}"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  etag: text("etag"),
  lastModified: text("last_modified"),
  lastFetchAt: text("last_fetch_at"),
  lastSuccessAt: text("last_success_at"),
  lastStatus: integer("last_status"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  lastError: text("last_error"),
  nextFetchAt: text("next_fetch_at"),
  itemsSeen: integer("items_seen").notNull().default(0),
});

/** One stored article; `url` is canonical and unique, `dedupe_key` catches syndicated copies. */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull(),
    guid: text("guid"),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    contentText: text("content_text").notNull().default(""),
    author: text("author"),
    publishedAt: text("published_at"),
    fetchedAt: text("fetched_at").notNull(),
    /** Ordering key: published_at when known and not in the future, else fetched_at. */
    sortAt: text("sort_at").notNull(),
    topic: text("topic", { enum: ["ai-copyright-litigation", "ai-copyright-other", "not-relevant"] })
      .notNull()
      .default("not-relevant"),
    relevance: real("relevance").notNull().default(0),
    dedupeKey: text("dedupe_key").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("articles_url_unique").on(t.url),
    index("articles_dedupe_key_idx").on(t.dedupeKey),
    index("articles_sort_idx").on(t.sortAt, t.id),
    index("articles_topic_sort_idx").on(t.topic, t.sortAt, t.id),
    index("articles_source_sort_idx").on(t.sourceId, t.sortAt, t.id),
  ],
);

/** The case registry as stored (seeded from src/domain/registry). */
export const cases = sqliteTable("cases", {
  id: text("id").primaryKey(),
  caption: text("caption").notNull(),
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull(),
  court: text("court").notNull(),
  docket: text("docket").notNull(),
  jurisdiction: text("jurisdiction").notNull(),
  filed: text("filed").notNull(),
  judge: text("judge").notNull(),
  status: text("status").notNull(),
  statusDate: text("status_date"),
  plaintiffs: text("plaintiffs", { mode: "json" }).$type<string[]>().notNull(),
  defendants: text("defendants", { mode: "json" }).$type<string[]>().notNull(),
  keyTerms: text("key_terms", { mode: "json" }).$type<string[]>().notNull(),
  related: text("related", { mode: "json" }).$type<string[]>().notNull(),
  /** The full registry object as JSON, for facts not broken out into columns. */
  data: text("data").notNull(),
  /** Hash of `data`, so a registry change is detected and refreshed. */
  dataHash: text("data_hash").notNull(),
});

/** Which article is about which case, with the classifier's score and evidence. */
export const articleCases = sqliteTable(
  "article_cases",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    score: real("score").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<string[]>().notNull(),
    origin: text("origin", { enum: ["auto", "manual"] })
      .notNull()
      .default("auto"),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.caseId] }),
    index("article_cases_case_idx").on(t.caseId, t.articleId),
  ],
);

/** Captions seen in litigation coverage that match no registry case. */
export const candidates = sqliteTable("candidates", {
  key: text("key").primaryKey(),
  caption: text("caption").notNull(),
  firstSeenAt: text("first_seen_at").notNull(),
  lastSeenAt: text("last_seen_at").notNull(),
});

/** Articles that mention a candidate caption. */
export const candidateArticles = sqliteTable(
  "candidate_articles",
  {
    candidateKey: text("candidate_key")
      .notNull()
      .references(() => candidates.key, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.candidateKey, t.articleId] })],
);

/** One row per ingest cycle. */
export const ingestRuns = sqliteTable("ingest_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  sourcesOk: integer("sources_ok").notNull().default(0),
  sourcesUnchanged: integer("sources_unchanged").notNull().default(0),
  sourcesFailed: integer("sources_failed").notNull().default(0),
  sourcesDeferred: integer("sources_deferred").notNull().default(0),
  itemsSeen: integer("items_seen").notNull().default(0),
  itemsNew: integer("items_new").notNull().default(0),
});

/** Key/value settings the app keeps for itself (e.g. the generated SECRET on Node). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Digest subscribers (double opt-in); `email` is normalised and unique, `cases` null means every case. */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    status: text("status", { enum: ["pending", "active", "unsubscribed"] })
      .notNull()
      .default("pending"),
    /** JSON array of followed case ids; null = all cases. */
    cases: text("cases", { mode: "json" }).$type<string[] | null>(),
    /** Selection asked for in the latest confirmation email, applied on confirm: JSON {cases}. */
    pendingCases: text("pending_cases", { mode: "json" }).$type<{ cases: string[] | null } | null>(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    confirmedAt: text("confirmed_at"),
    unsubscribedAt: text("unsubscribed_at"),
    /** Confirmation-email rate limit: the UTC day (YYYY-MM-DD) counted and emails sent on it. */
    confirmDay: text("confirm_day"),
    confirmCount: integer("confirm_count").notNull().default(0),
  },
  (t) => [uniqueIndex("subscribers_email_unique").on(t.email), index("subscribers_status_idx").on(t.status)],
);

/** One archived digest per ISO week; `model` is the frozen content every delivery of the week renders. */
export const digests = sqliteTable("digests", {
  week: text("week").primaryKey(),
  startsAt: text("starts_at").notNull(),
  endsAt: text("ends_at").notNull(),
  subject: text("subject").notNull(),
  /** JSON DigestModel. */
  model: text("model").notNull(),
  /** The archive rendering (no personal links). */
  html: text("html").notNull(),
  text: text("text").notNull(),
  caseCount: integer("case_count").notNull().default(0),
  storyCount: integer("story_count").notNull().default(0),
  candidateCount: integer("candidate_count").notNull().default(0),
  status: text("status", { enum: ["sending", "complete"] })
    .notNull()
    .default("sending"),
  /** Set in the same batch that snapshots the recipients into digest_deliveries. */
  recipientsAt: text("recipients_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  completedAt: text("completed_at"),
});

/** The delivery ledger: one row per (week, subscriber), claimed with a lease so each digest is sent once. */
export const digestDeliveries = sqliteTable(
  "digest_deliveries",
  {
    week: text("week")
      .notNull()
      .references(() => digests.week, { onDelete: "cascade" }),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "sending", "retry", "sent", "failed", "skipped"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    messageId: text("message_id"),
    error: text("error"),
    /** Earliest time of the next attempt (status `retry`). */
    nextAttemptAt: text("next_attempt_at"),
    /** While `sending`: until when the claiming run owns the row (after that a new run may take it over). */
    leaseUntil: text("lease_until"),
    updatedAt: text("updated_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [
    primaryKey({ columns: [t.week, t.subscriberId] }),
    index("digest_deliveries_status_idx").on(t.week, t.status),
  ],
);
