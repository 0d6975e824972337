/**
 * The Worker's dependencies, built once per isolate from its bindings (memoised by env identity): config,
 * database (D1 binding, else Turso over `@libsql/client/web`), logger, the app, and a one-time preparation
 * (Turso: embedded migrations; both: registry + catalogue seeded when their fingerprint changed).
 */
import type { Config } from "../config";
import { createD1Db } from "../db/create-d1-db";
import { createWebDb } from "../db/create-web-db";
import type { Db } from "../db/database";
import { EMBEDDED_MIGRATIONS } from "../db/embedded-migrations";
import { migrateEmbedded } from "../db/migrate-embedded";
import { AppError, errorMessage } from "../domain/errors";
import { jsonLogger, type Logger } from "../domain/log";
import type { SourceDef } from "../domain/types";
import { createApp } from "../http/app";
import { createVersionCache, type VersionCache } from "../http/version-cache";
import type { FetchDeps } from "../ingest/fetch-resource";
import { type CycleBudget, type CycleReport, runIngestCycle } from "../jobs/ingest-cycle";
import { ingestDeps } from "../jobs/ingest-deps";
import { secretProvider } from "../jobs/secret";
import { seedIfChanged } from "../jobs/seed";
import { httpApiMailerFromConfig } from "../mail/http-api-mailer";
import type { Mailer } from "../mail/mailer";
import type { WorkerEnv } from "./worker-env";
import { workerSettings } from "./worker-settings";

/** Rendered bodies each isolate keeps in memory (the edge cache holds the rest; isolates have 128 MB). */
const ISOLATE_CACHE_ENTRIES = 32;

/** An ingest run's report plus the number of outgoing fetches it made. */
export interface WorkerIngestReport extends CycleReport {
  subrequests: number;
}

/** Everything the Worker's handlers use. */
export interface WorkerDeps {
  config: Config;
  budget: CycleBudget;
  catalogue: readonly SourceDef[];
  backend: "d1" | "libsql";
  db: Db;
  logger: Logger;
  app: { fetch: (request: Request) => Response | Promise<Response> };
  /** The data version (cached 1 s) the edge cache keys on. */
  version: VersionCache;
  /** Migrates (Turso) and seeds once per isolate; a failure is retried on the next call. */
  ready(): Promise<void>;
  /** One ingest cycle within the budget. */
  runIngest(): Promise<WorkerIngestReport>;
  /** The HTTP email API transport, or null when mail is off. */
  mailer: Mailer | null;
  /** The HMAC key for email tokens (SECRET, or generated once and kept in `settings`). */
  getSecret: () => Promise<string>;
}

const LEVELS = ["info", "warn", "error"] as const;

/**
 * A JSON-lines logger on the console (Workers Logs parses the JSON into fields); `level` (LOG_LEVEL: info,
 * warn, error; default info) drops the levels below it.
 */
function consoleLogger(level = "info"): Logger {
  const min = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const info = jsonLogger((line) => console.log(line));
  const warn = jsonLogger((line) => console.warn(line));
  const error = jsonLogger((line) => console.error(line));
  const off = () => {};
  return { info: min <= 0 ? info.info : off, warn: min <= 1 ? warn.warn : off, error: error.error };
}

/** Whether the error (or a cause: drizzle wraps driver errors as "Failed query") is SQLite's "no such table". */
function isMissingTable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (/no such table/i.test(errorMessage(e))) return true;
  }
  return false;
}

function buildDeps(env: WorkerEnv): WorkerDeps {
  const { config, budget, catalogue } = workerSettings(env);
  const logger = consoleLogger(
    typeof env.LOG_LEVEL === "string" ? env.LOG_LEVEL.trim().toLowerCase() : "info",
  );
  const now = () => Date.now();
  const backend = env.DB ? "d1" : "libsql";
  if (!env.DB && !/^(?:libsql|https?):\/\//.test(config.databaseUrl)) {
    throw new AppError(
      500,
      "Invalid configuration",
      "no D1 binding `DB` and DATABASE_URL is not a libsql://, https:// or http:// URL",
    );
  }
  const db = env.DB ? createD1Db(env.DB) : createWebDb(config.databaseUrl, config.databaseAuthToken).db;

  const prepare = async () => {
    if (backend === "libsql") {
      const applied = await migrateEmbedded(db, EMBEDDED_MIGRATIONS);
      if (applied.length > 0) logger.info("migrations applied", { migrations: applied.join(",") });
    }
    try {
      if (await seedIfChanged(db, catalogue, new Date(now()).toISOString()))
        logger.info("registry and catalogue seeded", { sources: catalogue.length });
    } catch (err) {
      if (backend === "d1" && isMissingTable(err)) {
        throw new AppError(
          503,
          "Database not migrated",
          "the D1 database has no tables: run `npx wrangler d1 migrations apply casewire --remote`",
        );
      }
      throw err;
    }
  };
  let readyPromise: Promise<void> | null = null;
  const ready = () => {
    readyPromise ??= prepare().catch((err) => {
      readyPromise = null;
      throw err;
    });
    return readyPromise;
  };

  const runIngest = async (): Promise<WorkerIngestReport> => {
    await ready();
    let subrequests = 0;
    const fetchDeps: FetchDeps = {
      // A plain call (not `deps.fetch(...)`): workerd's fetch throws "Illegal invocation" on another `this`.
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
        subrequests++;
        return fetch(input, init);
      }) as typeof fetch,
      now,
    };
    const report = await runIngestCycle(ingestDeps({ fetchDeps, logger, now }, config, db), { budget });
    return { ...report, subrequests };
  };

  // A plain call for the same reason as above.
  const mailer = httpApiMailerFromConfig(config, ((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init)) as typeof fetch);
  const getSecret = secretProvider(db, config.secret);
  const app = createApp(
    { db, config, logger, clock: () => new Date(now()), runIngest, mailer, getSecret },
    { compress: false, versionTtlMs: 1000, cacheEntries: ISOLATE_CACHE_ENTRIES },
  );
  const version = createVersionCache(db, now, 1000);
  return {
    config,
    budget,
    catalogue,
    backend,
    db,
    logger,
    app,
    version,
    ready,
    runIngest,
    mailer,
    getSecret,
  };
}

const memo = new WeakMap<object, WorkerDeps>();

/** The dependencies for this env object, built on first use in the isolate (a failure is not memoised). */
export function workerDeps(env: WorkerEnv): WorkerDeps {
  let deps = memo.get(env);
  if (!deps) {
    deps = buildDeps(env);
    memo.set(env, deps);
  }
  return deps;
}
