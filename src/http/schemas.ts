/** Zod schemas of the JSON API: request validation and, from the same definitions, the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { TOPICS } from "../domain/types";
import { MAX_CURSOR_LENGTH } from "./cursor";

const TOPIC_FILTER = [...TOPICS, "all"] as unknown as [string, ...string[]];

const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Whether `s` is an ISO 8601 date or date-time that denotes a real instant. */
export function isIsoDate(s: string): boolean {
  return ISO_RE.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));
}

/** An ISO 8601 date or date-time as UTC `YYYY-MM-DDTHH:MM:SS.sssZ` (a bare date is midnight UTC). */
export function normaliseIso(s: string): string {
  return new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString();
}

const limitParam = (max: number, def: number) =>
  z.coerce
    .number({ error: `must be an integer from 1 to ${max}` })
    .int({ error: `must be an integer from 1 to ${max}` })
    .min(1, { error: `must be an integer from 1 to ${max}` })
    .max(max, { error: `must be an integer from 1 to ${max}` })
    .optional()
    .openapi({ description: `Page size (default ${def}, at most ${max}).`, example: def });

const isoParam = (what: string) =>
  z
    .string()
    .refine(isIsoDate, {
      error: "must be an ISO 8601 date or date-time, e.g. 2025-06-01 or 2025-06-01T12:00:00Z",
    })
    .optional()
    .openapi({ description: what, example: "2025-06-01T00:00:00Z" });

const cursorParam = z
  .string()
  .max(MAX_CURSOR_LENGTH, { error: "not a cursor issued for this list" })
  .optional()
  .openapi({ description: "Opaque cursor from a previous page's `nextCursor`." });

/** Query of GET /api/articles. */
export const ArticlesQuery = z.object({
  case: z.string().max(200).optional().openapi({ description: "Only articles filed under this case id." }),
  topic: z
    .enum(TOPIC_FILTER, {
      error: `must be one of ${[...TOPICS, "all"].join(", ")}`,
    })
    .optional()
    .openapi({
      description: "Topic filter; default `ai-copyright-litigation`; `all` for every stored article.",
    }),
  q: z
    .string()
    .max(500, { error: "must be at most 500 characters" })
    .optional()
    .openapi({ description: 'Full-text search (words are ANDed; "quoted phrases"; word* prefixes).' }),
  sort: z
    .enum(["relevance", "date"], { error: "must be relevance or date" })
    .optional()
    .openapi({ description: "With `q`: `relevance` (bm25, default) or `date`; without `q` always date." }),
  since: isoParam("Only articles dated at or after this instant."),
  until: isoParam("Only articles dated before this instant."),
  source: z.string().max(200).optional().openapi({ description: "Only articles from this source id." }),
  limit: limitParam(100, 20),
  cursor: cursorParam,
});

/** Query of GET /api/candidates. */
export const CandidatesQuery = z.object({ limit: limitParam(100, 20), cursor: cursorParam });

/** Path of routes keyed by a case id. */
export const CaseIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, example: "kadrey-v-meta" }),
});

/** Path of routes keyed by an article id. */
export const ArticleIdParam = z.object({
  id: z.coerce
    .number({ error: "must be a positive integer" })
    .int({ error: "must be a positive integer" })
    .min(1, { error: "must be a positive integer" })
    .max(Number.MAX_SAFE_INTEGER, { error: "must be a positive integer" })
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});

/** RFC 9457 problem details. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: "about:blank" }),
    title: z.string().openapi({ example: "Not Found" }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: 'unknown case "no-such-case"' }),
  })
  .openapi("Problem");

const FeedLinks = z
  .object({ rss: z.string().url(), atom: z.string().url(), json: z.string().url() })
  .openapi("FeedLinks");

/** A case in the list. */
export const CaseSummary = z
  .object({
    id: z.string(),
    caption: z.string(),
    court: z.string(),
    docket: z.string(),
    status: z.string(),
    articleCount: z.number().int(),
    latestArticleAt: z.string().nullable(),
    feeds: FeedLinks,
  })
  .openapi("CaseSummary");

const ArticleCase = z
  .object({ id: z.string(), score: z.number(), evidence: z.array(z.string()) })
  .openapi("ArticleCase");

/** One article as served (never the article text). */
export const Article = z
  .object({
    id: z.number().int(),
    url: z.string().nullable().openapi({ description: "Link to the original article (http/https only)." }),
    title: z.string(),
    summary: z.string(),
    source: z.object({ id: z.string(), name: z.string() }),
    publishedAt: z.string().nullable(),
    topic: z.enum(TOPICS as unknown as [string, ...string[]]),
    cases: z.array(ArticleCase),
  })
  .openapi("Article");

const Snippet = z
  .object({
    text: z.string().openapi({ description: "Plain-text fragment of the summary." }),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .openapi({ description: "[start, end) UTF-16 offsets of matched terms in `text`." }),
  })
  .openapi("Snippet");

/** A list item: the article, plus its snippet and score when the list is a search. */
export const ArticleListItem = Article.extend({
  snippet: Snippet.optional(),
  score: z
    .number()
    .optional()
    .openapi({ description: "Search relevance (higher is better); with `q` only." }),
}).openapi("ArticleListItem");

/** A page of articles. */
export const ArticleList = z
  .object({ articles: z.array(ArticleListItem), nextCursor: z.string().nullable() })
  .openapi("ArticleList");

const ArticleBrief = z
  .object({
    id: z.number().int(),
    url: z.string().nullable(),
    title: z.string(),
    source: z.object({ id: z.string(), name: z.string() }),
    publishedAt: z.string().nullable(),
  })
  .openapi("ArticleBrief");

/** One case with every registry fact, its coverage and related cases. */
export const CaseDetail = z
  .object({
    id: z.string(),
    caption: z.string(),
    aliases: z.array(z.string()),
    court: z.string(),
    docket: z.string(),
    courtListenerUrl: z.string().url(),
    jurisdiction: z.string(),
    filed: z.string(),
    judge: z.string(),
    status: z.string(),
    statusDate: z.string().nullable(),
    plaintiffs: z.array(z.string()),
    defendants: z.array(z.string()),
    works: z.array(z.string()),
    modelsOrProducts: z.array(z.string()),
    keyTerms: z.array(z.string()),
    references: z.array(z.string()),
    related: z.array(z.object({ id: z.string(), caption: z.string().nullable() })),
    articleCount: z.number().int(),
    latestArticleAt: z.string().nullable(),
    latestArticles: z.array(ArticleBrief),
    feeds: FeedLinks,
  })
  .openapi("CaseDetail");

/** A source with its fetch health. */
export const Source = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["feed", "html"]),
    url: z.string(),
    homepage: z.string().nullable(),
    language: z.string().nullable(),
    enabled: z.boolean(),
    health: z.object({
      lastFetchAt: z.string().nullable(),
      lastSuccessAt: z.string().nullable(),
      lastStatus: z.number().int().nullable(),
      consecutiveFailures: z.number().int(),
      lastError: z.string().nullable(),
      nextFetchAt: z.string().nullable(),
      itemsSeen: z.number().int(),
    }),
  })
  .openapi("Source");

/** A proposed new case. */
export const Candidate = z
  .object({
    caption: z.string(),
    articleIds: z.array(z.number().int()),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi("Candidate");

/** Liveness and database health. */
export const Health = z
  .object({ ok: z.boolean(), db: z.enum(["ok", "error"]), lastIngestAt: z.string().nullable() })
  .openapi("Health");

/** Body of PUT /api/admin/articles/{id}/cases. */
export const ManualCasesBody = z
  .object({
    cases: z
      .array(z.string().min(1).max(200), { error: "must be an array of case ids" })
      .max(50, { error: "must list at most 50 cases" }),
    topic: z
      .enum(TOPICS as unknown as [string, ...string[]], { error: `must be one of ${TOPICS.join(", ")}` })
      .optional()
      .openapi({ description: "Topic to set when `cases` is empty (ignored otherwise: litigation)." }),
  })
  .openapi("ManualCases");
