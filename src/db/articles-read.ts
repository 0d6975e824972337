/** Read-side article queries: keyset-paginated lists (by date or by search rank) and single articles. */
import { type SQL, sql } from "drizzle-orm";
import type { Topic } from "../domain/types";
import { chunk, type Db } from "./database";

/** An article as served (never its `content_text`). */
export interface ArticleRow {
  id: number;
  url: string;
  title: string;
  summary: string;
  sourceId: string;
  sourceName: string;
  publishedAt: string | null;
  fetchedAt: string;
  sortAt: string;
  updatedAt: string;
  topic: Topic;
}

/** A ranked search hit: the row plus its bm25 rank (lower is better) and a marked-up summary snippet. */
export interface RankedArticleRow extends ArticleRow {
  rank: number;
  /** Summary fragment with matches between SNIPPET_OPEN and SNIPPET_CLOSE (control characters, never in text). */
  snippet: string | null;
}

/** One case assignment of an article, with the case caption when the case is still in the registry. */
export interface ArticleCaseRow {
  caseId: string;
  caption: string | null;
  score: number;
  evidence: string[];
  origin: "auto" | "manual";
}

/** Filters shared by lists, search and feeds; every field is optional and ANDed. */
export interface ArticleFilter {
  caseId?: string | undefined;
  topic?: Topic | undefined;
  sourceId?: string | undefined;
  /** Inclusive lower bound on `sort_at` (ISO UTC). */
  since?: string | undefined;
  /** Exclusive upper bound on `sort_at` (ISO UTC). */
  until?: string | undefined;
  /** An FTS5 expression (from toFtsQuery) the article must match. */
  match?: string | undefined;
  /** Only articles whose link is http(s) (feeds leave the others out, so they must not count against a limit). */
  httpOnly?: boolean | undefined;
}

/** Keyset position in date order (newest first). */
export interface DateKey {
  sortAt: string;
  id: number;
}

/** Marks the start of a highlighted match in a snippet. */
export const SNIPPET_OPEN = "\u0002";
/** Marks the end of a highlighted match in a snippet. */
export const SNIPPET_CLOSE = "\u0003";

/** bm25 column weights: title, summary, content_text. */
const BM25 = sql`bm25(articles_fts, 5.0, 2.0, 1.0)`;

const COLUMNS = sql`a.id AS id, a.url AS url, a.title AS title, a.summary AS summary, a.source_id AS sourceId,
  s.name AS sourceName, a.published_at AS publishedAt, a.fetched_at AS fetchedAt, a.sort_at AS sortAt,
  a.updated_at AS updatedAt, a.topic AS topic`;

function snippetOf(match: string, idColumn: SQL): SQL {
  return sql`(SELECT snippet(articles_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 24)
    FROM articles_fts WHERE articles_fts MATCH ${match} AND rowid = ${idColumn})`;
}

function filterConditions(f: ArticleFilter, withMatch: boolean): SQL[] {
  const out: SQL[] = [];
  if (f.topic) out.push(sql`a.topic = ${f.topic}`);
  if (f.sourceId) out.push(sql`a.source_id = ${f.sourceId}`);
  if (f.since) out.push(sql`a.sort_at >= ${f.since}`);
  if (f.until) out.push(sql`a.sort_at < ${f.until}`);
  if (f.httpOnly) out.push(sql`(a.url LIKE 'https://%' OR a.url LIKE 'http://%')`);
  if (f.caseId) out.push(sql`a.id IN (SELECT article_id FROM article_cases WHERE case_id = ${f.caseId})`);
  if (withMatch && f.match) {
    out.push(sql`a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${f.match})`);
  }
  return out;
}

function whereOf(conds: SQL[]): SQL {
  return conds.length > 0 ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
}

function toRow<T extends ArticleRow>(r: T): T {
  return { ...r, id: Number(r.id) };
}

/**
 * Articles newest first (sort_at, id), after the given key; with `filter.match` each row carries a snippet.
 * The key is a position, not an offset, so articles arriving between pages cause no duplicates or gaps.
 */
export async function listArticlesByDate(
  db: Db,
  filter: ArticleFilter,
  limit: number,
  after?: DateKey,
): Promise<RankedArticleRow[]> {
  const conds = filterConditions(filter, true);
  if (after) conds.push(sql`(a.sort_at, a.id) < (${after.sortAt}, ${after.id})`);
  const page = sql`SELECT ${COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id ${whereOf(conds)}
    ORDER BY a.sort_at DESC, a.id DESC LIMIT ${limit}`;
  const query = filter.match
    ? sql`SELECT p.*, 0 AS rank, ${snippetOf(filter.match, sql`p.id`)} AS snippet FROM (${page}) p
        ORDER BY p.sortAt DESC, p.id DESC`
    : sql`SELECT p.*, 0 AS rank, NULL AS snippet FROM (${page}) p ORDER BY p.sortAt DESC, p.id DESC`;
  const rows = await db.all<RankedArticleRow>(query);
  return rows.map(toRow);
}

/** Best-ranked matches joined first when the list has filters; enough for a page unless the filters are rare. */
const RANK_WINDOW = 1000;

/**
 * Full-text hits best first by bm25 (ties by id), restricted to ids ≤ `maxId` (the snapshot taken on the first
 * page, so later arrivals never enter a walk under way) and leaving out the ids already served. bm25 scores
 * drift as articles arrive (corpus statistics change), so a walk is defined by what it has served, not by a
 * score boundary: no duplicates and no gaps whatever the drift.
 *
 * Ranking is cheap, joining every match to filter it is not (a random row read each): the filters are first
 * applied to the RANK_WINDOW best matches only. If that yields a full page it is exactly the right page (every
 * match outside the window ranks below every match inside); otherwise the query runs over all matches.
 */
export async function searchArticlesByRank(
  db: Db,
  match: string,
  filter: ArticleFilter,
  limit: number,
  maxId: number,
  seen: readonly number[] = [],
): Promise<RankedArticleRow[]> {
  const conds = filterConditions(filter, false);
  const notSeen =
    seen.length > 0 ? sql`AND rowid NOT IN (SELECT value FROM json_each(${JSON.stringify(seen)}))` : sql``;
  const run = async (window: number | null) => {
    const cut = window === null ? sql`` : sql`ORDER BY rank, rowid LIMIT ${window}`;
    const rows =
      await db.all<RankedArticleRow>(sql`SELECT p.*, ${snippetOf(match, sql`p.id`)} AS snippet FROM (
        SELECT ${COLUMNS}, m.rank AS rank
        FROM (SELECT rowid AS id, ${BM25} AS rank FROM articles_fts
              WHERE articles_fts MATCH ${match} AND rowid <= ${maxId} ${notSeen} ${cut}) m
        CROSS JOIN articles a ON a.id = m.id JOIN sources s ON s.id = a.source_id
        ${whereOf(conds)}
        ORDER BY m.rank, m.id LIMIT ${limit}) p
      ORDER BY p.rank, p.id`);
    return rows.map((r) => ({ ...toRow(r), rank: Number(r.rank) }));
  };
  if (conds.length === 0) return run(limit);
  const windowed = await run(Math.max(RANK_WINDOW, limit));
  return windowed.length >= limit ? windowed : run(null);
}

/** The largest article id now (the snapshot bound of a ranked search). */
export async function maxArticleId(db: Db): Promise<number> {
  const rows = await db.all<{ m: number | null }>(sql`SELECT max(id) AS m FROM articles`);
  return Number(rows[0]?.m ?? 0);
}

/** One article by id, or null. */
export async function getArticleRow(db: Db, id: number): Promise<ArticleRow | null> {
  const rows = await db.all<ArticleRow>(
    sql`SELECT ${COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ${id}`,
  );
  return rows[0] ? toRow(rows[0]) : null;
}

interface CaseJoinRow {
  articleId: number;
  caseId: string;
  caption: string | null;
  score: number;
  evidence: string;
  origin: "auto" | "manual";
}

function parseEvidence(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The case assignments of each article (best score first), in batches under D1's parameter limit. */
export async function casesForArticles(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ArticleCaseRow[]>> {
  const out = new Map<number, ArticleCaseRow[]>();
  for (const part of chunk([...new Set(ids)], 90)) {
    const rows = await db.all<CaseJoinRow>(sql`SELECT ac.article_id AS articleId, ac.case_id AS caseId,
        c.caption AS caption, ac.score AS score, ac.evidence AS evidence, ac.origin AS origin
      FROM article_cases ac LEFT JOIN cases c ON c.id = ac.case_id
      WHERE ac.article_id IN (${sql.join(
        part.map((id) => sql`${id}`),
        sql`, `,
      )})
      ORDER BY ac.article_id, ac.score DESC, ac.case_id`);
    for (const r of rows) {
      const list = out.get(Number(r.articleId)) ?? [];
      list.push({
        caseId: r.caseId,
        caption: r.caption,
        score: Number(r.score),
        evidence: parseEvidence(r.evidence),
        origin: r.origin,
      });
      out.set(Number(r.articleId), list);
    }
  }
  return out;
}
