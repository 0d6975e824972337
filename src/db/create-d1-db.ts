/** Builds the drizzle database on a Cloudflare D1 binding (Workers), papering over D1 driver differences. */
import { is } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteRaw } from "drizzle-orm/sqlite-core/query-builders/raw";
import type { Db } from "./database";
import * as schema from "./schema";

/**
 * The part of a D1 binding drizzle uses (hand-written: @cloudflare/workers-types is not a dependency).
 * D1 differs from libSQL in ways the query modules already respect: no interactive transactions (writes go
 * through `runBatch`), at most 100 bound parameters per statement (`chunk`, `notInList`); FTS5 and triggers
 * work as on libSQL.
 */
export interface D1Binding {
  prepare(query: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<unknown[]>;
  exec(query: string): Promise<unknown>;
}

type BatchFn = (items: unknown[]) => Promise<unknown>;

/**
 * drizzle-orm 0.45's D1 batch reads `stmt` of every item, which a raw `db.run(sql\`…${param}\`)` does not
 * have (TypeError "reading 'bind'"): give such items a prepared statement before the batch runs.
 */
function prepareRawItems(binding: D1Binding, items: unknown[]): void {
  for (const item of items) {
    if (!is(item, SQLiteRaw)) continue;
    const raw = item as unknown as { stmt?: unknown; getQuery(): { sql: string; params: unknown[] } };
    if (raw.stmt === undefined) raw.stmt = binding.prepare(raw.getQuery().sql);
  }
}

/** Wraps a D1 binding in drizzle with our schema. */
export function createD1Db(binding: D1Binding): Db {
  const db = drizzle(binding as never, { schema });
  const target = db as unknown as { batch: BatchFn };
  const batch = target.batch.bind(db);
  target.batch = (items) => {
    prepareRawItems(binding, items);
    return batch(items);
  };
  return db as unknown as Db;
}
