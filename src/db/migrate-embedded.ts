/**
 * Applies migrations embedded in the bundle (no file system: Workers with Turso), with the same bookkeeping as
 * drizzle's libSQL migrator (`__drizzle_migrations`: sha256 of the file, journal `when`), so either side can
 * migrate a database the other one created.
 */
import { sql } from "drizzle-orm";
import { type BatchStatement, type Db, runBatch } from "./database";

/** One migration file of drizzle/ as the bundle carries it. */
export interface EmbeddedMigration {
  /** Journal tag, i.e. the file name without `.sql`. */
  tag: string;
  /** Journal `when`: drizzle stores it as `created_at` and compares it to decide what is pending. */
  folderMillis: number;
  /** sha256 (hex) of the whole file, as drizzle's migrator computes it. */
  hash: string;
  /** The whole file; statements are separated by `--> statement-breakpoint`. */
  sql: string;
}

/** drizzle's default bookkeeping table. */
export const MIGRATIONS_TABLE = "__drizzle_migrations";

const BREAKPOINT = "--> statement-breakpoint";

/** The statements of one migration file, split exactly as drizzle splits them. */
export function migrationStatements(m: EmbeddedMigration): string[] {
  return m.sql.split(BREAKPOINT);
}

/** `created_at` of the newest applied migration, or null on a fresh database. */
async function lastAppliedMillis(db: Db): Promise<number | null> {
  await db.run(
    sql`CREATE TABLE IF NOT EXISTS ${sql.identifier(MIGRATIONS_TABLE)} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const rows = await db.values<[unknown, unknown, unknown]>(
    sql`SELECT id, hash, created_at FROM ${sql.identifier(MIGRATIONS_TABLE)} ORDER BY created_at DESC LIMIT 1`,
  );
  const last = rows[0];
  return last ? Number(last[2]) : null;
}

/** The migrations not applied yet, by drizzle's rule (newer than the newest applied `created_at`). */
async function pendingMigrations(
  db: Db,
  migrations: readonly EmbeddedMigration[],
): Promise<EmbeddedMigration[]> {
  const last = await lastAppliedMillis(db);
  return migrations.filter((m) => last === null || last < m.folderMillis);
}

/** Runs the statements the way drizzle's libSQL migrator does (client.migrate: foreign keys off), else one batch. */
async function runMigrationBatch(db: Db, statements: BatchStatement[]): Promise<void> {
  const session = (db as unknown as { session?: { migrate?: (s: BatchStatement[]) => Promise<unknown> } })
    .session;
  if (session && typeof session.migrate === "function") await session.migrate(statements);
  else await runBatch(db, statements);
}

/**
 * Applies every pending migration atomically; returns the tags applied. When another instance migrated the
 * same database at the same moment (the batch fails), it succeeds if nothing is pending any more.
 */
export async function migrateEmbedded(db: Db, migrations: readonly EmbeddedMigration[]): Promise<string[]> {
  const pending = await pendingMigrations(db, migrations);
  if (pending.length === 0) return [];
  const statements: BatchStatement[] = [];
  for (const m of pending) {
    for (const stmt of migrationStatements(m)) statements.push(db.run(sql.raw(stmt)));
    statements.push(
      db.run(
        sql`INSERT INTO ${sql.identifier(MIGRATIONS_TABLE)} ("hash", "created_at") VALUES (${m.hash}, ${m.folderMillis})`,
      ),
    );
  }
  try {
    await runMigrationBatch(db, statements);
  } catch (err) {
    if ((await pendingMigrations(db, migrations)).length > 0) throw err;
    return [];
  }
  return pending.map((m) => m.tag);
}
