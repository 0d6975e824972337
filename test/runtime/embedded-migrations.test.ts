/**
 * The Worker's embedded copy of drizzle/ (Turso on Workers) matches the folder, and its migrator agrees with
 * drizzle's libSQL migrator (Node) on `__drizzle_migrations`, in both directions and when racing itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/create-db";
import type { Db } from "../../src/db/database";
import { EMBEDDED_MIGRATIONS } from "../../src/db/embedded-migrations";
import { MIGRATIONS_TABLE, migrateEmbedded, migrationStatements } from "../../src/db/migrate-embedded";
import { migrateLibsql } from "../../src/db/migrate-libsql";
import { MIGRATIONS_FOLDER, openNodeDb } from "../../src/runtime/node-db";
import { readMigrationsFolder, renderEmbeddedModule } from "../../src/runtime/worker-embed-migrations";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function memory(): Db {
  const client = createClient({ url: ":memory:" });
  cleanups.push(() => client.close());
  return createDb(client);
}

async function bookkeeping(db: Db): Promise<[string, number][]> {
  const rows = await db.all<{ hash: string; created_at: number }>(
    sql`SELECT hash, created_at FROM ${sql.identifier(MIGRATIONS_TABLE)} ORDER BY created_at`,
  );
  return rows.map((r) => [r.hash, Number(r.created_at)]);
}

async function tables(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') ORDER BY name`,
  );
  return rows.map((r) => r.name);
}

describe("embedded migrations", () => {
  it("match drizzle/ (after a new migration run `npm run db:embed`)", () => {
    const folder = readMigrationsFolder();
    expect(
      EMBEDDED_MIGRATIONS.map((m) => m.tag),
      "run `npm run db:embed`",
    ).toEqual(folder.map((m) => m.tag));
    expect(EMBEDDED_MIGRATIONS, "run `npm run db:embed`").toEqual(folder);
    expect(renderEmbeddedModule(folder)).toContain(`hash: ${JSON.stringify(folder[0]!.hash)}`);
  });

  it("split into the statements drizzle runs, FTS triggers included", () => {
    const fts = EMBEDDED_MIGRATIONS.find((m) => m.tag.endsWith("_fts"))!;
    const statements = migrationStatements(fts);
    expect(statements.length).toBeGreaterThanOrEqual(4);
    expect(statements.some((s) => /CREATE TRIGGER[\s\S]*BEGIN[\s\S]*END;/.test(s))).toBe(true);
  });

  it("leave nothing for Node's migrator to do, with the same bookkeeping", async () => {
    const db = memory();
    expect(await migrateEmbedded(db, EMBEDDED_MIGRATIONS)).toEqual(EMBEDDED_MIGRATIONS.map((m) => m.tag));
    const before = await bookkeeping(db);
    expect(before).toEqual(EMBEDDED_MIGRATIONS.map((m) => [m.hash, m.folderMillis]));
    await migrateLibsql(db, MIGRATIONS_FOLDER);
    expect(await bookkeeping(db)).toEqual(before);
    expect(await tables(db)).toContain("articles_fts_ai");
  });

  it("find nothing to do on a database Node's migrator created", async () => {
    const opened = await openNodeDb(":memory:");
    cleanups.push(() => opened.close());
    const before = await bookkeeping(opened.db);
    expect(await migrateEmbedded(opened.db, EMBEDDED_MIGRATIONS)).toEqual([]);
    expect(await bookkeeping(opened.db)).toEqual(before);
  });

  it("and Node's migrator take over from each other half-way", async () => {
    const db = memory();
    await migrateEmbedded(db, EMBEDDED_MIGRATIONS.slice(0, 1));
    await migrateLibsql(db, MIGRATIONS_FOLDER);
    expect(await bookkeeping(db)).toEqual(EMBEDDED_MIGRATIONS.map((m) => [m.hash, m.folderMillis]));
    const reference = memory();
    await migrateLibsql(reference, MIGRATIONS_FOLDER);
    expect(await tables(db)).toEqual(await tables(reference));
  });

  it("tolerate two instances migrating the same fresh database at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casewire-embedded-"));
    const url = `file:${join(dir, "race.db")}`;
    const a = createClient({ url });
    const b = createClient({ url });
    cleanups.push(() => {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await a.execute("PRAGMA busy_timeout = 5000");
    await b.execute("PRAGMA busy_timeout = 5000");
    const results = await Promise.all([
      migrateEmbedded(createDb(a), EMBEDDED_MIGRATIONS),
      migrateEmbedded(createDb(b), EMBEDDED_MIGRATIONS),
    ]);
    expect(results.flat().sort()).toEqual(EMBEDDED_MIGRATIONS.map((m) => m.tag).sort());
    expect(await bookkeeping(createDb(a))).toHaveLength(EMBEDDED_MIGRATIONS.length);
  });
});
