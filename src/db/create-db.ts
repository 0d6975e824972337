/** Builds the drizzle database from a libSQL client (file, :memory:, or remote over HTTP). */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Db } from "./database";
import * as schema from "./schema";

/** Wraps a libSQL client (Node `@libsql/client` or `@libsql/client/web`) in drizzle with our schema. */
export function createDb(client: Client): Db {
  return drizzle(client, { schema }) as unknown as Db;
}
