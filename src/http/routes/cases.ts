/** GET /api/cases and GET /api/cases/{id}. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listArticlesByDate } from "../../db/articles-read";
import { caseCaptions, getCaseDetail, listCaseSummaries } from "../../db/cases-read";
import { caseDetailJson, caseSummaryJson } from "../case-view";
import type { HttpContext } from "../context";
import { notFound } from "../problem";
import { serveApiJson } from "../respond";
import { CaseDetail, CaseIdParam, CaseSummary, Problem } from "../schemas";

/** Articles listed on a case document. */
const LATEST_ON_CASE = 10;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/cases",
  tags: ["cases"],
  summary: "Every case in the registry with its coverage, most recently covered first",
  responses: {
    200: {
      description: "The cases",
      content: { "application/json": { schema: z.object({ cases: z.array(CaseSummary) }) } },
    },
    304: { description: "Not modified (ETag / Last-Modified)" },
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/cases/{id}",
  tags: ["cases"],
  summary: "One case: registry facts, coverage, latest articles and related cases",
  request: { params: CaseIdParam },
  responses: {
    200: { description: "The case", content: { "application/json": { schema: CaseDetail } } },
    304: { description: "Not modified (ETag / Last-Modified)" },
    404: problem("Unknown case id"),
  },
});

/** Registers the case routes. */
export function registerCaseRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db } = ctx.deps;
  app.openapi(listRoute, (c) =>
    serveApiJson(ctx, c.req.raw, true, async () => {
      const cases = await listCaseSummaries(db);
      return JSON.stringify({ cases: cases.map((s) => caseSummaryJson(s, ctx.urls)) });
    }),
  );

  app.openapi(oneRoute, (c) => {
    const { id } = c.req.valid("param");
    return serveApiJson(ctx, c.req.raw, true, async () => {
      const detail = await getCaseDetail(db, id);
      if (!detail) throw notFound("case", id);
      const [latest, captions] = await Promise.all([
        listArticlesByDate(db, { caseId: id }, LATEST_ON_CASE),
        caseCaptions(db),
      ]);
      return JSON.stringify(caseDetailJson(detail, latest, captions, ctx.urls));
    });
  });
}
