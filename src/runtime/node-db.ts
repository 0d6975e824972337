/** Opens the libSQL database on Node: file (folder created, WAL), :memory:, or a remote server over HTTP. */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { createDb } from "../db/create-db";
import type { Db } from "../db/database";
import { migrateLibsql } from "../db/migrate-libsql";

/** The drizzle/ folder shipped with the package. */
export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** An open database and a way to close it. */
export interface OpenDb {
  db: Db;
  client: Client;
  close(): void;
}

/** Opens (and for files, creates) the database at `url`, then applies the migrations. */
export async function openNodeDb(url: string, authToken?: string): Promise<OpenDb> {
  const isFile = url.startsWith("file:");
  if (isFile) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  try {
    if (isFile) {
      await client.execute("PRAGMA journal_mode = WAL");
      await client.execute("PRAGMA busy_timeout = 5000");
    }
    await client.execute("PRAGMA foreign_keys = ON").catch(() => undefined);
    const db = createDb(client);
    await migrateLibsql(db, MIGRATIONS_FOLDER);
    return { db, client, close: () => client.close() };
  } catch (err) {
    client.close();
    throw new Error(`cannot open database ${redact(url)}: ${(err as Error).message}`);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
