/**
 * Cloudflare Workers entry: `fetch` serves the same Hono app as Node (through the edge cache), `scheduled`
 * runs the job of each cron trigger. Dependencies are built from the bindings once per isolate.
 */
import { AppError, errorMessage } from "../domain/errors";
import { problemResponse } from "../http/problem";
import { type WorkerDeps, workerDeps } from "./worker-deps";
import { serveWithEdgeCache } from "./worker-edge-cache";
import {
  defaultEdgeCache,
  type WorkerEnv,
  type WorkerExecutionContext,
  type WorkerScheduledController,
} from "./worker-env";
import { runCron } from "./worker-jobs";

function failure(err: unknown): Response {
  if (err instanceof AppError) return problemResponse(err.status, err.title, err.detail);
  return problemResponse(500, "Internal Server Error", "the worker could not start; see the logs");
}

/** Handles one HTTP request. */
async function fetchHandler(
  request: Request,
  env: WorkerEnv,
  ctx: WorkerExecutionContext,
): Promise<Response> {
  let deps: WorkerDeps;
  try {
    deps = workerDeps(env);
    await deps.ready();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "worker not ready", error: errorMessage(err) }));
    return failure(err);
  }
  const handle = async (req: Request) => deps.app.fetch(req);
  const store = defaultEdgeCache();
  if (!store) return handle(request);
  return serveWithEdgeCache(request, {
    store,
    version: deps.version,
    handle,
    waitUntil: (p) =>
      ctx.waitUntil(
        p.catch((err) => deps.logger.warn("edge cache write failed", { error: errorMessage(err) })),
      ),
  });
}

/** Handles one cron trigger: the job runs under `waitUntil`. */
async function scheduledHandler(
  controller: WorkerScheduledController,
  env: WorkerEnv,
  ctx: WorkerExecutionContext,
): Promise<void> {
  let deps: WorkerDeps;
  try {
    deps = workerDeps(env);
  } catch (err) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "worker not ready",
        cron: controller.cron,
        error: errorMessage(err),
      }),
    );
    throw err;
  }
  ctx.waitUntil(runCron(deps, controller.cron, controller.scheduledTime));
}

/** The Worker module. */
export default { fetch: fetchHandler, scheduled: scheduledHandler };
