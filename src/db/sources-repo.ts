/** Queries for the source catalogue and its per-source fetch state. */
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { ListSelectors, SourceDef } from "../domain/types";
import { type BatchStatement, type Db, notInList, runBatch } from "./database";
import { sources } from "./schema";

/** A source as stored: its catalogue definition plus fetch state and health. */
export interface SourceState extends SourceDef {
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: number | null;
  consecutiveFailures: number;
  lastError: string | null;
  nextFetchAt: string | null;
  itemsSeen: number;
}

type SourceRow = typeof sources.$inferSelect;

function toState(row: SourceRow): SourceState {
  let cfg: { selectors?: ListSelectors; fullText?: SourceDef["fullText"] } = {};
  try {
    cfg = JSON.parse(row.config) as typeof cfg;
  } catch {
    cfg = {};
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    ...(row.homepage ? { homepage: row.homepage } : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(cfg.selectors ? { selectors: cfg.selectors } : {}),
    ...(cfg.fullText ? { fullText: cfg.fullText } : {}),
    enabled: row.enabled,
    etag: row.etag,
    lastModified: row.lastModified,
    lastFetchAt: row.lastFetchAt,
    lastSuccessAt: row.lastSuccessAt,
    lastStatus: row.lastStatus,
    consecutiveFailures: row.consecutiveFailures,
    lastError: row.lastError,
    nextFetchAt: row.nextFetchAt,
    itemsSeen: row.itemsSeen,
  };
}

/** Upserts the catalogue (keeping fetch state; resetting validators when a URL changes) and disables sources not in it. */
export async function syncCatalogue(db: Db, defs: readonly SourceDef[]): Promise<void> {
  const statements: BatchStatement[] = defs.map((d) => {
    const config = JSON.stringify({ selectors: d.selectors, fullText: d.fullText });
    const values = {
      id: d.id,
      name: d.name,
      kind: d.kind,
      url: d.url,
      homepage: d.homepage ?? null,
      language: d.language ?? null,
      config,
      enabled: d.enabled !== false,
    };
    return db
      .insert(sources)
      .values(values)
      .onConflictDoUpdate({
        target: sources.id,
        set: {
          name: values.name,
          kind: values.kind,
          homepage: values.homepage,
          language: values.language,
          config: values.config,
          enabled: values.enabled,
          url: values.url,
          etag: sql`CASE WHEN ${sources.url} = ${values.url} THEN ${sources.etag} ELSE NULL END`,
          lastModified: sql`CASE WHEN ${sources.url} = ${values.url} THEN ${sources.lastModified} ELSE NULL END`,
        },
      });
  });
  const ids = defs.map((d) => d.id);
  statements.push(
    ids.length > 0
      ? db.update(sources).set({ enabled: false }).where(notInList(sources.id, ids))
      : db.update(sources).set({ enabled: false }),
  );
  await runBatch(db, statements);
}

/** Every source in the database, enabled first, by id. */
export async function listSources(db: Db): Promise<SourceState[]> {
  const rows = await db.select().from(sources).orderBy(sql`${sources.enabled} DESC`, asc(sources.id));
  return rows.map(toState);
}

/**
 * Enabled sources whose next fetch is due at `nowIso` (or the given ids, due or not), never-fetched first, then
 * least recently fetched: a cycle cut short by its budget resumes with the sources it did not reach.
 */
export async function dueSources(db: Db, nowIso: string, ids?: readonly string[]): Promise<SourceState[]> {
  const where =
    ids && ids.length > 0
      ? inArray(sources.id, [...ids])
      : and(eq(sources.enabled, true), or(isNull(sources.nextFetchAt), lte(sources.nextFetchAt, nowIso)));
  const rows = await db
    .select()
    .from(sources)
    .where(where)
    .orderBy(sql`COALESCE(${sources.lastFetchAt}, '')`, asc(sources.id));
  return rows.map(toState);
}

/** Fetch outcome recorded on a source. */
export interface SourceOutcome {
  status: number | null;
  ok: boolean;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  itemsSeen: number;
  nowIso: string;
  nextFetchAt: string | null;
}

/** A statement that records a fetch outcome (success resets failures; failure increments them). */
export function sourceOutcomeStatement(db: Db, id: string, o: SourceOutcome): BatchStatement {
  const common = {
    lastFetchAt: o.nowIso,
    lastStatus: o.status,
    nextFetchAt: o.nextFetchAt,
    itemsSeen: sql`${sources.itemsSeen} + ${o.itemsSeen}`,
  };
  if (o.ok) {
    return db
      .update(sources)
      .set({
        ...common,
        lastSuccessAt: o.nowIso,
        consecutiveFailures: 0,
        lastError: null,
        ...(o.etag !== undefined ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
      })
      .where(eq(sources.id, id));
  }
  return db
    .update(sources)
    .set({ ...common, consecutiveFailures: sql`${sources.consecutiveFailures} + 1`, lastError: o.error })
    .where(eq(sources.id, id));
}
