/** Read-side queries for new-case candidates (captions seen in coverage that match no registry case). */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./database";

/** A candidate with the articles that mention it. */
export interface CandidateRow {
  key: string;
  caption: string;
  firstSeenAt: string;
  lastSeenAt: string;
  articleIds: number[];
}

/** Keyset position in candidate order (most recently seen first). */
export interface CandidateKey {
  lastSeenAt: string;
  key: string;
}

interface RawRow {
  key: string;
  caption: string;
  firstSeenAt: string;
  lastSeenAt: string;
  ids: string | null;
}

/** Candidates most recently seen first, after the given key, with their article ids (newest first). */
export async function listCandidates(db: Db, limit: number, after?: CandidateKey): Promise<CandidateRow[]> {
  const where: SQL = after ? sql`WHERE (c.last_seen_at, c.key) < (${after.lastSeenAt}, ${after.key})` : sql``;
  const rows =
    await db.all<RawRow>(sql`SELECT c.key AS key, c.caption AS caption, c.first_seen_at AS firstSeenAt,
      c.last_seen_at AS lastSeenAt,
      (SELECT group_concat(article_id, ',') FROM
         (SELECT ca.article_id FROM candidate_articles ca WHERE ca.candidate_key = c.key ORDER BY ca.article_id DESC)
      ) AS ids
    FROM candidates c ${where}
    ORDER BY c.last_seen_at DESC, c.key DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    key: r.key,
    caption: r.caption,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    articleIds: r.ids ? r.ids.split(",").map(Number) : [],
  }));
}
