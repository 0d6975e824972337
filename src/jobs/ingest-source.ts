/** One source's part of an ingest cycle: read, skip known items, extract, classify and store atomically. */

import {
  findKnownKeys,
  insertArticleStatements,
  type NewArticle,
  reclassifyStatements,
} from "../db/articles-write";
import { type Db, runBatch } from "../db/database";
import { type SourceState, sourceOutcomeStatement } from "../db/sources-repo";
import { backoffMs } from "../domain/backoff";
import { errorMessage } from "../domain/errors";
import { hostOf } from "../domain/identity";
import type { Logger } from "../domain/log";
import type { ClassifyInput, ClassifyResult, NormalisedItem } from "../domain/types";
import { type FetchDeps, FetchError, type FetchOptions } from "../ingest/fetch-resource";
import { fetchFullText, needsFullText } from "../ingest/full-text";
import { readSource, SourceContentError } from "../ingest/read-source";

/** What one source did in a cycle. */
export interface SourceReport {
  id: string;
  name: string;
  status: "ok" | "unchanged" | "failed" | "deferred";
  httpStatus: number | null;
  itemsSeen: number;
  itemsNew: number;
  /** New items left for the next cycle (page-fetch cap or budget reached); the feed is read again then. */
  itemsDeferred: number;
  error: string | null;
}

/** Shared, per-cycle machinery passed to every source. */
export interface CycleContext {
  db: Db;
  fetchDeps: FetchDeps;
  fetchOptions: FetchOptions;
  classify: (input: ClassifyInput) => ClassifyResult;
  logger: Logger;
  clock: () => Date;
  robots: { isAllowed(url: string): Promise<boolean> };
  /** Runs a request for a host: one at a time per host, a few at a time overall. */
  limit: <T>(host: string, fn: () => Promise<T>) => Promise<T>;
  /** Takes one subrequest from the cycle's budget; false when it is spent. */
  takeSubrequest: () => boolean;
  /** At most this many article pages fetched per source and cycle; further items wait for the next cycle. */
  pagesPerSource: number;
  /** Serialises the final dedupe check and write, so two sources carrying one story store it once. */
  storeLock: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Ingests one source; never throws (failures are recorded on the source and reported). */
export async function ingestSource(ctx: CycleContext, source: SourceState): Promise<SourceReport> {
  const report: SourceReport = {
    id: source.id,
    name: source.name,
    status: "ok",
    httpStatus: null,
    itemsSeen: 0,
    itemsNew: 0,
    itemsDeferred: 0,
    error: null,
  };
  const nowIso = ctx.clock().toISOString();
  try {
    const read = await ctx.limit(hostOf(source.url), () =>
      readSource(source, source, ctx.fetchOptions, ctx.fetchDeps),
    );
    report.httpStatus = read.status;
    if (read.kind === "unchanged") {
      report.status = "unchanged";
      await runBatch(ctx.db, [
        sourceOutcomeStatement(ctx.db, source.id, {
          ok: true,
          status: read.status,
          error: null,
          itemsSeen: 0,
          nowIso,
          nextFetchAt: null,
        }),
      ]);
      return report;
    }
    report.itemsSeen = read.items.length;
    const { fresh, refile } = await splitKnown(ctx, source.id, read.items);
    const prepared: NewArticle[] = [];
    const pages = { left: ctx.pagesPerSource };
    for (const item of fresh) {
      const article = await prepare(ctx, source, item, nowIso, pages);
      if (article) prepared.push(article);
      else report.itemsDeferred++;
    }
    // With items left over, keep the old validators so the next cycle reads the feed again (no 304).
    const validators = report.itemsDeferred > 0 ? {} : { etag: read.etag, lastModified: read.lastModified };
    await ctx.storeLock(async () => {
      const toStore = await unknownArticles(ctx.db, prepared);
      report.itemsNew = toStore.length;
      await runBatch(ctx.db, [
        ...toStore.flatMap((a) => insertArticleStatements(ctx.db, a)),
        ...refile.flatMap((r) =>
          reclassifyStatements(
            ctx.db,
            r.articleId,
            r.result.topic,
            r.result.relevance,
            r.result.cases,
            nowIso,
          ),
        ),
        sourceOutcomeStatement(ctx.db, source.id, {
          ok: true,
          status: read.status,
          error: null,
          ...validators,
          itemsSeen: read.items.length,
          nowIso,
          nextFetchAt: null,
        }),
      ]);
    });
    if (read.skipped > 0)
      ctx.logger.warn("items without an http(s) link skipped", { source_id: source.id, count: read.skipped });
    return report;
  } catch (err) {
    return recordFailure(ctx, source, report, err, nowIso);
  }
}

/** A stored copy of a story to file as litigation, because this source's copy of it is about a lawsuit. */
interface Refile {
  articleId: number;
  result: ClassifyResult;
}

/**
 * Splits a feed's items into new ones (not stored by canonical URL or title fingerprint, and not repeated in
 * the batch) and stored stories to re-file. Items this source stored before are skipped without any work; a
 * story first stored from another source and not filed as litigation is classified on this source's text,
 * and re-filed when that copy is about a lawsuit (the first copy seen is not always the informative one).
 */
async function splitKnown(
  ctx: CycleContext,
  sourceId: string,
  items: NormalisedItem[],
): Promise<{ fresh: NormalisedItem[]; refile: Refile[] }> {
  const known = await findKnownKeys(
    ctx.db,
    items.map((i) => i.url),
    items.map((i) => i.titleKey),
  );
  const fresh: NormalisedItem[] = [];
  const refile = new Map<number, Refile>();
  const urls = new Set<string>();
  const keys = new Set<string>();
  for (const item of items) {
    const stored = known.urls.get(item.url) ?? known.dedupeKeys.get(item.titleKey);
    if (stored) {
      if (
        stored.sourceId !== sourceId &&
        stored.topic !== "ai-copyright-litigation" &&
        !refile.has(stored.id)
      ) {
        const result = ctx.classify({
          title: item.title,
          text: `${item.summary}\n\n${item.contentText}`,
          url: item.url,
        });
        if (result.topic === "ai-copyright-litigation")
          refile.set(stored.id, { articleId: stored.id, result });
      }
      continue;
    }
    if (urls.has(item.url) || keys.has(item.titleKey)) continue;
    urls.add(item.url);
    keys.add(item.titleKey);
    fresh.push(item);
  }
  return { fresh, refile: [...refile.values()] };
}

/** Re-checks prepared articles against the database right before the write (other sources may have stored them). */
async function unknownArticles(db: Db, prepared: NewArticle[]): Promise<NewArticle[]> {
  const known = await findKnownKeys(
    db,
    prepared.map((a) => a.url),
    prepared.map((a) => a.dedupeKey),
  );
  return prepared.filter((a) => !known.urls.has(a.url) && !known.dedupeKeys.has(a.dedupeKey));
}

/** Fetches the full text when the item needs it and classifies; null = deferred (page cap or budget reached). */
async function prepare(
  ctx: CycleContext,
  source: SourceState,
  item: NormalisedItem,
  nowIso: string,
  pages: { left: number },
): Promise<NewArticle | null> {
  let contentText = item.contentText;
  if (needsFullText(source.fullText, contentText.length)) {
    if (pages.left <= 0 || !ctx.takeSubrequest()) return null;
    pages.left--;
    try {
      const page = await ctx.limit(hostOf(item.url), () =>
        fetchFullText(item.url, ctx.robots, ctx.fetchOptions, ctx.fetchDeps),
      );
      if (page && page.length > contentText.length) contentText = page;
    } catch (err) {
      ctx.logger.warn("full text not fetched", {
        source_id: source.id,
        url: item.url,
        error: errorMessage(err),
      });
    }
  }
  const result = ctx.classify({
    title: item.title,
    text: `${item.summary}\n\n${contentText}`,
    url: item.url,
  });
  return {
    url: item.url,
    guid: item.guid,
    sourceId: source.id,
    title: item.title,
    summary: item.summary,
    contentText,
    author: item.author,
    publishedAt: item.publishedAt,
    fetchedAt: nowIso,
    dedupeKey: item.titleKey,
    topic: result.topic,
    relevance: result.relevance,
    cases: result.topic === "ai-copyright-litigation" ? result.cases : [],
    candidateCaptions: result.topic === "ai-copyright-litigation" ? result.unknownCaptions : [],
  };
}

async function recordFailure(
  ctx: CycleContext,
  source: SourceState,
  report: SourceReport,
  err: unknown,
  nowIso: string,
): Promise<SourceReport> {
  const message = errorMessage(err);
  const status =
    err instanceof FetchError || err instanceof SourceContentError ? (err.status ?? null) : report.httpStatus;
  const retryAfter = err instanceof FetchError ? (err.retryAfterMs ?? 0) : 0;
  const waitMs = Math.max(backoffMs(source.consecutiveFailures + 1), retryAfter);
  const nextFetchAt = new Date(Date.parse(nowIso) + waitMs).toISOString();
  report.status = "failed";
  report.httpStatus = status;
  report.error = message;
  try {
    await runBatch(ctx.db, [
      sourceOutcomeStatement(ctx.db, source.id, {
        ok: false,
        status,
        error: message,
        itemsSeen: 0,
        nowIso,
        nextFetchAt,
      }),
    ]);
  } catch (dbErr) {
    ctx.logger.error("could not record source failure", { source_id: source.id, error: errorMessage(dbErr) });
  }
  return report;
}
