/** GET /healthz and GET /api/sources (the catalogue with fetch health). */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { lastIngestAt } from "../../db/runs-repo";
import { listSources } from "../../db/sources-repo";
import { errorMessage } from "../../domain/errors";
import { serveWithValidators } from "../conditional";
import type { HttpContext } from "../context";
import { JSON_CONTENT_TYPE } from "../respond";
import { Health, Source } from "../schemas";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["operations"],
  summary: "Liveness: database reachable, time of the last finished ingest cycle",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: Health } } },
    503: {
      description: "The database is not reachable",
      content: { "application/json": { schema: Health } },
    },
  },
});

const sourcesRoute = createRoute({
  method: "get",
  path: "/api/sources",
  tags: ["operations"],
  summary: "The source catalogue with health: last success, last status, consecutive failures, items seen",
  responses: {
    200: {
      description: "Every source, enabled first",
      content: { "application/json": { schema: z.object({ sources: z.array(Source) }) } },
    },
    304: { description: "Not modified (ETag)" },
  },
});

/** Registers /healthz and /api/sources. */
export function registerHealthRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db, logger } = ctx.deps;
  app.openapi(healthRoute, async (c) => {
    c.header("cache-control", "no-store");
    try {
      const at = await lastIngestAt(db);
      return c.json({ ok: true, db: "ok" as const, lastIngestAt: at }, 200);
    } catch (err) {
      logger.error("health check failed", { error: errorMessage(err) });
      return c.json({ ok: false, db: "error" as const, lastIngestAt: null }, 503);
    }
  });

  app.openapi(sourcesRoute, async (c) => {
    const rows = await listSources(db);
    const body = JSON.stringify({
      sources: rows.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        url: s.url,
        homepage: s.homepage ?? null,
        language: s.language ?? null,
        enabled: s.enabled,
        health: {
          lastFetchAt: s.lastFetchAt,
          lastSuccessAt: s.lastSuccessAt,
          lastStatus: s.lastStatus,
          consecutiveFailures: s.consecutiveFailures,
          lastError: s.lastError,
          nextFetchAt: s.nextFetchAt,
          itemsSeen: s.itemsSeen,
        },
      })),
    });
    // Health changes with every fetch, not with articles: the tag is a hash of this small body.
    const newest = rows.reduce((m, s) => (s.lastFetchAt && s.lastFetchAt > m ? s.lastFetchAt : m), "");
    return serveWithValidators(c.req.raw, body, {
      contentType: JSON_CONTENT_TYPE,
      cacheControl: "no-cache",
      lastModified: newest || new Date(0).toISOString(),
    });
  });
}
