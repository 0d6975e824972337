/** Helpers shared by the Worker tests (they run inside workerd). */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/runtime/worker";
import type { WorkerEnv } from "../../src/runtime/worker-env";

/** The ingest cron of wrangler.toml. */
export const INGEST_CRON = "*/30 * * * *";
/** The digest cron of wrangler.toml. */
export const DIGEST_CRON = "0 8 * * 1";
/** The public origin the tests request. */
export const ORIGIN = "https://casewire.test";

/** Runs the Worker's scheduled() for `cron` with `env` and waits for everything it left in waitUntil. */
export async function runScheduled(cron: string, env: WorkerEnv): Promise<void> {
  const controller = createScheduledController({ cron, scheduledTime: Date.now() });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Calls the Worker's fetch() directly with `env` (for envs other than the one SELF uses). */
export async function workerFetch(path: string, env: WorkerEnv, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
