/** GET /api/candidates: litigation coverage that matches no known case. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listCandidates } from "../../db/candidates-read";
import type { HttpContext } from "../context";
import { decodeCursor, encodeCursor } from "../cursor";
import { serveApiJson } from "../respond";
import { Candidate, CandidatesQuery, Problem } from "../schemas";

const route = createRoute({
  method: "get",
  path: "/api/candidates",
  tags: ["cases"],
  summary: "Proposed new cases: captions seen in litigation coverage that match no registry case",
  request: { query: CandidatesQuery },
  responses: {
    200: {
      description: "One page, most recently seen first",
      content: {
        "application/json": {
          schema: z.object({ candidates: z.array(Candidate), nextCursor: z.string().nullable() }),
        },
      },
    },
    304: { description: "Not modified (ETag / Last-Modified)" },
    400: {
      description: "A parameter is invalid (named in detail)",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

/** Registers the candidates route. */
export function registerCandidateRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  app.openapi(route, (c) => {
    const q = c.req.valid("query");
    return serveApiJson(ctx, c.req.raw, false, async () => {
      const limit = q.limit ?? 20;
      const after = q.cursor ? decodeCursor(q.cursor, "candidate") : undefined;
      const rows = await listCandidates(ctx.deps.db, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? encodeCursor({ kind: "candidate", lastSeenAt: last.lastSeenAt, key: last.key })
          : null;
      return JSON.stringify({
        candidates: page.map((r) => ({
          caption: r.caption,
          articleIds: r.articleIds,
          firstSeenAt: r.firstSeenAt,
          lastSeenAt: r.lastSeenAt,
        })),
        nextCursor,
      });
    });
  });
}
