/**
 * Minimal types of the `cloudflare:test` module (from @cloudflare/vitest-pool-workers) for what these tests use,
 * so `tsc` works without @cloudflare/workers-types.
 */
declare module "cloudflare:test" {
  type WorkerEnv = import("../../src/runtime/worker-env").WorkerEnv;
  type D1Binding = import("../../src/db/create-d1-db").D1Binding;
  type ExecutionContext = import("../../src/runtime/worker-env").WorkerExecutionContext;
  type ScheduledController = import("../../src/runtime/worker-env").WorkerScheduledController;

  /** A migration as readD1Migrations returns it. */
  export interface D1Migration {
    name: string;
    queries: string[];
  }

  /** The test bindings: wrangler.toml plus the miniflare bindings of vitest.config.ts. */
  export const env: WorkerEnv & {
    DB: D1Binding;
    TEST_MIGRATIONS: D1Migration[];
    FIXTURE_SITE_URL: string;
    SQLD_URL: string;
  };
  export const SELF: { fetch(input: string | Request | URL, init?: RequestInit): Promise<Response> };
  export function createExecutionContext(): ExecutionContext;
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>;
  export function createScheduledController(options?: {
    scheduledTime?: Date | number;
    cron?: string;
  }): ScheduledController;
  export function applyD1Migrations(db: D1Binding, migrations: D1Migration[], table?: string): Promise<void>;
}
