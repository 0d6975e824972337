/** One ingest cycle: due sources within a budget, each ingested independently, totals recorded in ingest_runs. */

import type { Db } from "../db/database";
import { finishRun, type RunTotals, startRun } from "../db/runs-repo";
import { dueSources, listSources } from "../db/sources-repo";
import type { Logger } from "../domain/log";
import type { ClassifyInput, ClassifyResult } from "../domain/types";
import { type FetchDeps, type FetchOptions, fetchResource } from "../ingest/fetch-resource";
import { createHostLimiter } from "../ingest/host-limiter";
import { createRobotsCache } from "../ingest/robots-cache";
import { type CycleContext, ingestSource, type SourceReport } from "./ingest-source";

/** Everything an ingest cycle needs, passed in by the runtime. */
export interface IngestDeps {
  db: Db;
  fetchDeps: FetchDeps;
  fetchOptions: FetchOptions;
  classify: (input: ClassifyInput) => ClassifyResult;
  logger: Logger;
  clock: () => Date;
}

/** Limits for one cycle (0 = unlimited); sources left over stay due for the next cycle. */
export interface CycleBudget {
  maxSources: number;
  deadlineMs: number;
  maxSubrequests: number;
}

/** Options of one cycle. */
export interface CycleOptions {
  /** Only these sources, due or not. */
  sourceIds?: string[];
  budget?: CycleBudget;
  /** Sources fetched at the same time (default 4). */
  concurrency?: number;
  /** Minimum pause between two requests to one host, in ms (default 250). */
  hostGapMs?: number;
  /** Article pages fetched per source and cycle at most (default 30); the rest wait for the next cycle. */
  pagesPerSource?: number;
}

/** Default pause between two requests to the same host. */
export const DEFAULT_HOST_GAP_MS = 250;
/** Default cap on article pages fetched per source and cycle. */
export const DEFAULT_PAGES_PER_SOURCE = 30;

/** The result of one cycle. */
export interface CycleReport {
  runId: number;
  startedAt: string;
  finishedAt: string;
  sources: SourceReport[];
  /** Enabled sources not due in this cycle (backoff or Retry-After), with when they are due again. */
  waiting: { id: string; nextFetchAt: string; lastError: string | null }[];
  totals: RunTotals;
}

/** Runs one ingest cycle; per-source failures are recorded, never thrown. */
export async function runIngestCycle(deps: IngestDeps, opts: CycleOptions = {}): Promise<CycleReport> {
  const startedMs = deps.clock().getTime();
  const startedAt = new Date(startedMs).toISOString();
  const budget = opts.budget ?? { maxSources: 0, deadlineMs: 0, maxSubrequests: 0 };
  const runId = await startRun(deps.db, startedAt);
  const due = await dueSources(deps.db, startedAt, opts.sourceIds);
  let subrequests = 0;
  const takeSubrequest = () => {
    if (budget.maxSubrequests > 0 && subrequests >= budget.maxSubrequests) return false;
    subrequests++;
    return true;
  };
  const limiter = createHostLimiter(opts.concurrency ?? 4, opts.hostGapMs ?? DEFAULT_HOST_GAP_MS);
  let storeChain: Promise<unknown> = Promise.resolve();
  const storeLock = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = storeChain.then(fn, fn);
    storeChain = run.catch(() => undefined);
    return run;
  };
  const ctx: CycleContext = {
    db: deps.db,
    fetchDeps: deps.fetchDeps,
    fetchOptions: deps.fetchOptions,
    classify: deps.classify,
    logger: deps.logger,
    clock: deps.clock,
    limit: (host, fn) => limiter.run(host, fn),
    takeSubrequest,
    pagesPerSource: opts.pagesPerSource ?? DEFAULT_PAGES_PER_SOURCE,
    storeLock,
    robots: createRobotsCache({
      userAgent: deps.fetchOptions.userAgent,
      fetchText: async (url: string) => {
        if (!takeSubrequest()) throw new Error("subrequest budget spent");
        return fetchResource(url, { ...deps.fetchOptions, accept: "text/plain" }, deps.fetchDeps);
      },
    }),
  };

  const reports: SourceReport[] = new Array(due.length);
  let next = 0;
  let started = 0;
  const outOfBudget = () =>
    (budget.maxSources > 0 && started >= budget.maxSources) ||
    (budget.deadlineMs > 0 && deps.clock().getTime() - startedMs >= budget.deadlineMs) ||
    (budget.maxSubrequests > 0 && subrequests >= budget.maxSubrequests);
  const worker = async () => {
    while (next < due.length) {
      const index = next++;
      const source = due[index]!;
      if (outOfBudget()) {
        reports[index] = deferred(source.id, source.name);
        continue;
      }
      started++;
      subrequests++;
      const r = await ingestSource(ctx, source);
      reports[index] = r;
      (r.status === "failed" ? deps.logger.warn : deps.logger.info)("source ingested", {
        source_id: source.id,
        url: source.url,
        status: r.httpStatus,
        result: r.status,
        items_seen: r.itemsSeen,
        items_new: r.itemsNew,
        items_later: r.itemsDeferred,
        error: r.error,
      });
    }
  };
  const width = Math.max(1, Math.min(opts.concurrency ?? 4, due.length));
  await Promise.all(Array.from({ length: width }, worker));

  const totals = sumTotals(reports);
  const finishedAt = deps.clock().toISOString();
  await finishRun(deps.db, runId, finishedAt, totals);
  const seen = new Set(due.map((s) => s.id));
  const waiting = opts.sourceIds
    ? []
    : (await listSources(deps.db))
        .filter((s) => s.enabled && s.nextFetchAt !== null && s.nextFetchAt > startedAt && !seen.has(s.id))
        .map((s) => ({ id: s.id, nextFetchAt: s.nextFetchAt!, lastError: s.lastError }));
  return { runId, startedAt, finishedAt, sources: reports, waiting, totals };
}

function deferred(id: string, name: string): SourceReport {
  return {
    id,
    name,
    status: "deferred",
    httpStatus: null,
    itemsSeen: 0,
    itemsNew: 0,
    itemsDeferred: 0,
    error: null,
  };
}

function sumTotals(reports: SourceReport[]): RunTotals {
  const t: RunTotals = {
    sourcesOk: 0,
    sourcesUnchanged: 0,
    sourcesFailed: 0,
    sourcesDeferred: 0,
    itemsSeen: 0,
    itemsNew: 0,
  };
  for (const r of reports) {
    if (r.status === "ok") t.sourcesOk++;
    else if (r.status === "unchanged") t.sourcesUnchanged++;
    else if (r.status === "failed") t.sourcesFailed++;
    else t.sourcesDeferred++;
    t.itemsSeen += r.itemsSeen;
    t.itemsNew += r.itemsNew;
  }
  return t;
}

/** The cycle's totals as structured log fields (snake_case, like every other log key). */
export function totalsLogFields(t: RunTotals): Record<string, number> {
  return {
    sources_ok: t.sourcesOk,
    sources_unchanged: t.sourcesUnchanged,
    sources_failed: t.sourcesFailed,
    sources_deferred: t.sourcesDeferred,
    items_seen: t.itemsSeen,
    items_new: t.itemsNew,
  };
}

/** Formats one summary line per source and a totals line, as the `ingest` command prints them. */
export function formatCycleReport(report: CycleReport): string {
  const lines = report.sources.map((s) => {
    const status = s.httpStatus === null ? "-" : String(s.httpStatus);
    const later = s.itemsDeferred > 0 ? ` later=${s.itemsDeferred}` : "";
    const base = `${s.id.padEnd(28)} ${s.status.padEnd(9)} http=${status.padEnd(3)} seen=${s.itemsSeen} new=${s.itemsNew}${later}`;
    return s.error ? `${base} error=${JSON.stringify(s.error)}` : base;
  });
  for (const w of report.waiting) {
    const why = w.lastError ? ` last-error=${JSON.stringify(w.lastError)}` : "";
    lines.push(`${w.id.padEnd(28)} waiting   until=${w.nextFetchAt}${why}`);
  }
  const t = report.totals;
  lines.push(
    `total: sources=${report.sources.length} ok=${t.sourcesOk} unchanged=${t.sourcesUnchanged} failed=${t.sourcesFailed} deferred=${t.sourcesDeferred} waiting=${report.waiting.length} seen=${t.itemsSeen} new=${t.itemsNew}`,
  );
  return lines.join("\n");
}
