/** Reads and writes the `settings` key/value table. */
import { eq } from "drizzle-orm";
import type { BatchStatement, Db } from "./database";
import { settings } from "./schema";

/** The stored value of `key`, or null. */
export async function getSetting(db: Db, key: string): Promise<string | null> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return rows[0]?.value ?? null;
}

/** A statement that stores `value` under `key` (insert or replace), for a batch. */
export function putSettingStatement(db: Db, key: string, value: string, nowIso: string): BatchStatement {
  return db
    .insert(settings)
    .values({ key, value, updatedAt: nowIso })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: nowIso } });
}

/** Stores `value` under `key`. */
export async function putSetting(db: Db, key: string, value: string, nowIso: string): Promise<void> {
  await putSettingStatement(db, key, value, nowIso);
}
