/** Builds the ingest dependencies from the config and the runtime's pieces (same on Node and Workers). */
import type { Config } from "../config";
import type { Db } from "../db/database";
import { classify } from "../domain/classifier/classify";
import type { Logger } from "../domain/log";
import type { FetchDeps } from "../ingest/fetch-resource";
import type { IngestDeps } from "./ingest-cycle";

/** The dependencies of an ingest cycle for this config. */
export function ingestDeps(
  p: { fetchDeps: FetchDeps; logger: Logger; now: () => number },
  config: Config,
  db: Db,
): IngestDeps {
  return {
    db,
    fetchDeps: p.fetchDeps,
    fetchOptions: {
      timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.fetchMaxBytes,
      userAgent: config.userAgent,
      allowHosts: config.fetchAllowHosts,
    },
    classify,
    logger: p.logger,
    clock: () => new Date(p.now()),
  };
}
