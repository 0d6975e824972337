/**
 * The Worker's bindings and the few runtime types casewire uses, hand-written so `tsc` works on a fresh clone
 * without `wrangler types` or @cloudflare/workers-types.
 */
import type { D1Binding } from "../db/create-d1-db";

/** Bindings from wrangler.toml ([vars], [[d1_databases]]) and `wrangler secret put`. */
export interface WorkerEnv {
  /** D1 database; when present it is used and DATABASE_URL is ignored. */
  DB?: D1Binding;
  /** Turso / libSQL server URL (`libsql://…`, `https://…`, `http://…`) when there is no DB binding. */
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  /** JSON array of sources replacing the built-in catalogue (the Workers form of SOURCES_FILE). */
  SOURCES_JSON?: string;
  /** Lowest log level written: info (default), warn or error. */
  LOG_LEVEL?: string;
  /** Every other configuration variable of DESIGN.md §4, as strings. */
  [name: string]: unknown;
}

/** What `scheduled()` receives about the trigger. */
export interface WorkerScheduledController {
  readonly cron: string;
  readonly scheduledTime: number;
}

/** The execution context of one invocation. */
export interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

/** The Workers Cache API surface used by the edge cache (`caches.default`). */
export interface EdgeCacheStore {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** The string-valued bindings, as parseConfig expects them. */
export function envVars(env: WorkerEnv): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === "string") vars[k] = v;
  return vars;
}

/** `caches.default` when the runtime has it (workerd), else undefined. */
export function defaultEdgeCache(): EdgeCacheStore | undefined {
  const storage = (globalThis as { caches?: { default?: EdgeCacheStore } }).caches;
  return storage?.default;
}
