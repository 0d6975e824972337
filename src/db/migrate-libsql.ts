/** Applies the drizzle/ SQL migrations to a libSQL database (Node runtime: reads the folder from disk). */

import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./database";

/** Applies every pending migration in `migrationsFolder`; safe to run on every start. */
export async function migrateLibsql(db: Db, migrationsFolder: string): Promise<void> {
  await migrate(db as unknown as LibSQLDatabase, { migrationsFolder });
}
