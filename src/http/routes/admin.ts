/** Admin endpoints (Bearer ADMIN_TOKEN): run an ingest cycle; override an article's cases. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { manualCasesStatements } from "../../db/article-cases-write";
import { casesForArticles, getArticleRow } from "../../db/articles-read";
import { caseCaptions } from "../../db/cases-read";
import { runBatch } from "../../db/database";
import { AppError } from "../../domain/errors";
import type { Topic } from "../../domain/types";
import { adminAuth } from "../admin-auth";
import { articleJson } from "../article-view";
import type { HttpContext } from "../context";
import { badParameter, notFound } from "../problem";
import { Article, ArticleIdParam, ManualCasesBody, Problem } from "../schemas";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

const ingestRoute = createRoute({
  method: "post",
  path: "/api/admin/ingest",
  tags: ["admin"],
  summary: "Run one ingest cycle now and return its report",
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: "The cycle's report",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    401: problem("Missing or wrong bearer token"),
    404: problem("Admin endpoints are off (no ADMIN_TOKEN)"),
    501: problem("This runtime cannot run an ingest cycle on request"),
  },
});

const casesRoute = createRoute({
  method: "put",
  path: "/api/admin/articles/{id}/cases",
  tags: ["admin"],
  summary: "Set an article's cases by hand (origin manual; the list replaces every assignment)",
  description:
    "The manual list is authoritative: all assignments of the article are removed and the listed cases are " +
    "stored with origin `manual` (score 1), which re-classification never touches. A non-empty list sets the " +
    "topic to `ai-copyright-litigation`; an empty list removes every case and sets `topic` when given.",
  security: [{ bearer: [] }],
  request: {
    params: ArticleIdParam,
    body: { required: true, content: { "application/json": { schema: ManualCasesBody } } },
  },
  responses: {
    200: {
      description: "The article after the change",
      content: { "application/json": { schema: Article } },
    },
    400: problem("Invalid body or unknown case id (named in detail)"),
    401: problem("Missing or wrong bearer token"),
    404: problem("Unknown article, or admin endpoints are off"),
  },
});

/** Registers the admin routes behind the bearer guard. */
export function registerAdminRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  const { db, config, clock } = ctx.deps;
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.use("/api/admin/*", adminAuth(config.adminToken));

  app.openapi(ingestRoute, async (c) => {
    if (!ctx.deps.runIngest)
      throw new AppError(501, "Not Implemented", "this runtime cannot run ingest on request");
    const report = await ctx.deps.runIngest();
    ctx.version.invalidate();
    ctx.cache.clear();
    c.header("cache-control", "no-store");
    return c.json((report ?? {}) as Record<string, unknown>, 200);
  });

  app.openapi(casesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const known = await caseCaptions(db);
    const unknown = body.cases.filter((caseId) => !known.has(caseId));
    if (unknown.length > 0) {
      throw badParameter("cases", `unknown case ${unknown.map((u) => `"${u}"`).join(", ")}`);
    }
    if (!(await getArticleRow(db, id))) throw notFound("article", id);
    await runBatch(db, manualCasesStatements(db, id, body.cases, clock().toISOString(), body.topic as Topic));
    ctx.version.invalidate();
    ctx.cache.clear();
    const row = await getArticleRow(db, id);
    if (!row) throw notFound("article", id);
    const cases = await casesForArticles(db, [id]);
    c.header("cache-control", "no-store");
    return c.json(articleJson(row, cases.get(id) ?? []), 200);
  });
}
