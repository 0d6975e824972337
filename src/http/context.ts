/** What the app needs from its runtime, its options, and the per-app state shared by the route modules. */
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Logger } from "../domain/log";
import type { Mailer } from "../mail/mailer";
import type { ResponseCache } from "./response-cache";
import type { PublicUrls } from "./urls";
import type { VersionCache } from "./version-cache";

/** What the app needs, passed in by the runtime. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  clock: () => Date;
  /** Runs one ingest cycle and returns its report (admin endpoint); absent → the endpoint answers 501. */
  runIngest?: () => Promise<unknown>;
  /** The mail transport for confirmation emails; null or absent = mail is off. */
  mailer?: Mailer | null;
  /** The HMAC key for email tokens; defaults to SECRET or one generated and kept in `settings`. */
  getSecret?: () => Promise<string>;
}

/** Runtime-specific switches. */
export interface AppOptions {
  /** gzip/deflate text responses (Node; Workers and most CDNs compress at the edge). Default false. */
  compress?: boolean;
  /** How long the data version is trusted before it is read again (ms). Default 1000; 0 = every request. */
  versionTtlMs?: number;
  /** Rendered feeds, pages and documents kept in memory. Default 256. */
  cacheEntries?: number;
}

/** State shared by every route module of one app. */
export interface HttpContext {
  deps: AppDeps;
  options: Required<AppOptions>;
  urls: PublicUrls;
  version: VersionCache;
  cache: ResponseCache;
}
