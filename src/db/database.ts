/** The database handle type shared by Node (libSQL) and Workers (D1), and a batch helper that works on both. */
import { type SQL, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase, SQLiteColumn } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/** Drizzle's async SQLite database, the one type all query code is written against. */
export type Db = BaseSQLiteDatabase<"async", unknown, typeof schema>;

/** A drizzle query builder that can go into a batch (insert/update/delete/select or `db.run(sql)`). */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's batch item type is generic over every query builder.
export type BatchStatement = any;

/** Runs statements atomically as one batch: a transaction on libSQL, an implicit one on D1. */
export async function runBatch(db: Db, statements: BatchStatement[]): Promise<void> {
  if (statements.length === 0) return;
  const batchable = db as unknown as { batch?: (s: BatchStatement[]) => Promise<unknown> };
  if (typeof batchable.batch !== "function") throw new Error("database driver does not support batch()");
  await batchable.batch(statements);
}

/** Splits a list into chunks (D1 allows at most 100 bound parameters per statement). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `column NOT IN (list)` with the whole list bound as ONE parameter (a JSON array read by json_each), so it works
 * for any length on D1 (at most 100 bound parameters per statement) as on libSQL.
 */
export function notInList(column: SQLiteColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} NOT IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
