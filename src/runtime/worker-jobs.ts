/**
 * What each cron trigger runs on Workers: the same jobs as the Node scheduler, keyed by the cron expressions of
 * the config (INGEST_CRON, DIGEST_CRON; defaults match wrangler.toml [triggers]).
 */
import { errorMessage } from "../domain/errors";
import { totalsLogFields } from "../jobs/ingest-cycle";
import { runWeeklyDigest } from "../jobs/weekly-digest";
import type { WorkerDeps } from "./worker-deps";

/** A scheduled job; rejects when the run failed (the trigger is then reported as failed). */
export type WorkerJob = (deps: WorkerDeps, scheduledTime: number) => Promise<void>;

/** Ingest cycle within the Worker budget; leftover sources stay due for the next trigger. */
const ingestJob: WorkerJob = async (deps) => {
  const started = Date.now();
  const report = await deps.runIngest();
  deps.logger.info("ingest cycle finished", {
    run_id: report.runId,
    ...totalsLogFields(report.totals),
    subrequests: report.subrequests,
    duration_ms: Date.now() - started,
  });
};

/**
 * Weekly digest (Monday 08:00 UTC) for the week just ended. A run is safe to repeat: deliveries are claimed in
 * a ledger, so a later trigger resumes where this one stopped; `maxSends` keeps one run within the subrequest
 * limit.
 */
const digestJob: WorkerJob = async (deps, scheduledTime) => {
  await deps.ready();
  await runWeeklyDigest(
    {
      db: deps.db,
      mailer: deps.mailer,
      config: deps.config,
      logger: deps.logger,
      clock: () => new Date(scheduledTime),
      getSecret: deps.getSecret,
    },
    { maxSends: 40 },
  );
};

/** The dispatch table: cron expression → job. */
function cronJobs(deps: WorkerDeps): Map<string, { name: string; job: WorkerJob }> {
  return new Map([
    [deps.config.ingestCron, { name: "ingest", job: ingestJob }],
    [deps.config.digestCron, { name: "digest", job: digestJob }],
  ]);
}

/** Runs the job of `cron` (or logs that there is none); logs and rethrows a failure. */
export async function runCron(deps: WorkerDeps, cron: string, scheduledTime: number): Promise<void> {
  const entry = cronJobs(deps).get(cron);
  if (!entry) {
    deps.logger.warn("no job for this cron trigger", { cron });
    return;
  }
  try {
    await entry.job(deps, scheduledTime);
  } catch (err) {
    deps.logger.error("scheduled job failed", { job: entry.name, cron, error: errorMessage(err) });
    throw err;
  }
}
