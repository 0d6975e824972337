/** Reads the Worker's configuration from its bindings: Config, the ingest budget, and the source catalogue. */
import { type Config, parseConfig } from "../config";
import { AppError } from "../domain/errors";
import type { SourceDef } from "../domain/types";
import type { CycleBudget } from "../jobs/ingest-cycle";
import { CATALOGUE } from "../sources/catalogue";
import { parseSourcesJson } from "../sources/parse-sources-file";
import { envVars, type WorkerEnv } from "./worker-env";

/**
 * Budget of one scheduled ingest run when INGEST_MAX_SOURCES / INGEST_BUDGET_MS / INGEST_MAX_SUBREQUESTS are
 * unset, well under the Workers Paid limits (at least 1,000 subrequests and 1,000 D1 queries per invocation,
 * 30 s CPU by default, 15 min wall time for a cron run). Sources left over stay due and go first next run.
 */
export const WORKER_BUDGET_DEFAULTS: CycleBudget = {
  maxSources: 25,
  deadlineMs: 25_000,
  maxSubrequests: 500,
};

/** Everything the Worker derives from its bindings. */
export interface WorkerSettings {
  config: Config;
  budget: CycleBudget;
  catalogue: readonly SourceDef[];
}

const unset = (v: string | undefined) => v === undefined || v.trim() === "";

/** Parses the bindings; throws an AppError naming every bad variable. */
export function workerSettings(env: WorkerEnv): WorkerSettings {
  const vars = envVars(env);
  if (!unset(vars.SOURCES_FILE)) {
    throw new AppError(
      500,
      "Invalid configuration",
      "SOURCES_FILE needs a file system; on Workers use SOURCES_JSON",
    );
  }
  const config = parseConfig(vars);
  const b = config.ingestBudget;
  const budget: CycleBudget = {
    maxSources: unset(vars.INGEST_MAX_SOURCES) ? WORKER_BUDGET_DEFAULTS.maxSources : b.maxSources,
    deadlineMs: unset(vars.INGEST_BUDGET_MS) ? WORKER_BUDGET_DEFAULTS.deadlineMs : b.deadlineMs,
    maxSubrequests: unset(vars.INGEST_MAX_SUBREQUESTS)
      ? WORKER_BUDGET_DEFAULTS.maxSubrequests
      : b.maxSubrequests,
  };
  let catalogue: readonly SourceDef[] = CATALOGUE;
  if (!unset(vars.SOURCES_JSON)) {
    try {
      catalogue = parseSourcesJson(vars.SOURCES_JSON!);
    } catch (err) {
      throw new AppError(500, "Invalid configuration", `SOURCES_JSON: ${(err as Error).message}`);
    }
  }
  return { config: { ...config, ingestBudget: budget }, budget, catalogue };
}
