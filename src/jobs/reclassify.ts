/** Re-runs the classifier over stored articles (after a registry change), keeping manual case assignments. */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { reclassifyStatements } from "../db/articles-write";
import { bumpContentRevStatement } from "../db/data-version";
import { type Db, runBatch } from "../db/database";
import { articleCases, articles } from "../db/schema";
import type { ClassifyInput, ClassifyResult } from "../domain/types";

const PAGE = 90; // under D1's 100 bound parameters for the IN list

/** Reclassifies every article page by page; returns how many were seen and how many changed. */
export async function reclassifyAll(
  db: Db,
  classify: (input: ClassifyInput) => ClassifyResult,
  clock: () => Date,
): Promise<{ articles: number; changed: number }> {
  let lastId = 0;
  let seen = 0;
  let changed = 0;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        url: articles.url,
        title: articles.title,
        summary: articles.summary,
        contentText: articles.contentText,
        topic: articles.topic,
      })
      .from(articles)
      .where(gt(articles.id, lastId))
      .orderBy(asc(articles.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const manualRows = await db
      .select({ articleId: articleCases.articleId })
      .from(articleCases)
      .where(
        and(
          inArray(
            articleCases.articleId,
            rows.map((r) => r.id),
          ),
          eq(articleCases.origin, "manual"),
        ),
      );
    const withManual = new Set(manualRows.map((r) => r.articleId));
    const statements = [];
    const nowIso = clock().toISOString();
    for (const row of rows) {
      seen++;
      const result = classify({
        title: row.title,
        text: `${row.summary}\n\n${row.contentText}`,
        url: row.url,
      });
      const topic = withManual.has(row.id) ? "ai-copyright-litigation" : result.topic;
      const cases = result.topic === "ai-copyright-litigation" ? result.cases : [];
      if (topic !== row.topic) changed++;
      statements.push(...reclassifyStatements(db, row.id, topic, result.relevance, cases, nowIso));
    }
    await runBatch(db, statements);
  }
  // Topic-only changes touch no case rows: bump the content revision so ETags and cached feeds move on.
  if (seen > 0) await runBatch(db, [bumpContentRevStatement(db, clock().toISOString())]);
  return { articles: seen, changed };
}
