/** Manual case assignments (admin override): the manual list replaces every assignment of the article. */
import { eq } from "drizzle-orm";
import type { Topic } from "../domain/types";
import { bumpContentRevStatement } from "./data-version";
import type { BatchStatement, Db } from "./database";
import { articleCases, articles } from "./schema";

/** Evidence recorded on a manual assignment. */
export const MANUAL_EVIDENCE = ["manual assignment"];

/**
 * Statements that make `caseIds` the article's only cases (origin `manual`, score 1, kept by re-classification),
 * set its topic (litigation when the list is non-empty, else `topic` when given), bump `updated_at` and the
 * content revision (so the data version changes even when the clock does not move).
 */
export function manualCasesStatements(
  db: Db,
  articleId: number,
  caseIds: readonly string[],
  nowIso: string,
  topic?: Topic,
): BatchStatement[] {
  const newTopic: Topic | undefined = caseIds.length > 0 ? "ai-copyright-litigation" : topic;
  const out: BatchStatement[] = [
    db.delete(articleCases).where(eq(articleCases.articleId, articleId)),
    db
      .update(articles)
      .set({ updatedAt: nowIso, ...(newTopic ? { topic: newTopic } : {}) })
      .where(eq(articles.id, articleId)),
    bumpContentRevStatement(db, nowIso),
  ];
  for (const caseId of new Set(caseIds)) {
    out.push(
      db
        .insert(articleCases)
        .values({ articleId, caseId, score: 1, evidence: MANUAL_EVIDENCE, origin: "manual" }),
    );
  }
  return out;
}
