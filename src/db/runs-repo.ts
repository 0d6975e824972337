/** Queries for the `ingest_runs` log. */
import { desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "./database";
import { ingestRuns } from "./schema";

/** Totals of one ingest cycle. */
export interface RunTotals {
  sourcesOk: number;
  sourcesUnchanged: number;
  sourcesFailed: number;
  sourcesDeferred: number;
  itemsSeen: number;
  itemsNew: number;
}

/** Records the start of a cycle and returns its id. */
export async function startRun(db: Db, startedAt: string): Promise<number> {
  const rows = await db.insert(ingestRuns).values({ startedAt }).returning({ id: ingestRuns.id });
  return rows[0]!.id;
}

/** Records the end of a cycle with its totals. */
export async function finishRun(db: Db, id: number, finishedAt: string, totals: RunTotals): Promise<void> {
  await db
    .update(ingestRuns)
    .set({ finishedAt, ...totals })
    .where(eq(ingestRuns.id, id));
}

/** When the last cycle finished, or null. */
export async function lastIngestAt(db: Db): Promise<string | null> {
  const rows = await db
    .select({ at: ingestRuns.finishedAt })
    .from(ingestRuns)
    .where(isNotNull(ingestRuns.finishedAt))
    .orderBy(desc(ingestRuns.id))
    .limit(1);
  return rows[0]?.at ?? null;
}
