/** Builds the drizzle database on a remote libSQL server over HTTP(S) without Node APIs (Workers + Turso). */
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import type { Db } from "./database";
import * as schema from "./schema";

/** An open remote database and its client. */
export interface WebDb {
  db: Db;
  close(): void;
}

/** Opens `libsql://`, `https://` or `http://` with `@libsql/client/web` (fetch-based; works inside workerd). */
export function createWebDb(url: string, authToken?: string): WebDb {
  const client = createClient(authToken ? { url, authToken } : { url });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, close: () => client.close() };
}
