/** GET /api/openapi.json (generated from the route definitions) and GET /docs (its HTML reference). */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { VERSION } from "../../config";
import { hashText } from "../../db/cases-repo";
import { isNotModified } from "../conditional";
import type { HttpContext } from "../context";
import { DocsPage, type OpenApiDoc } from "../pages/docs-page";
import { renderDocument } from "../pages/layout";
import { JSON_CONTENT_TYPE } from "../respond";
import { HTML_CONTENT_TYPE, pageHeaders } from "./pages";

const DESCRIPTION =
  "News coverage of AI copyright lawsuits, filed by case. Every error is application/problem+json. Lists " +
  "paginate with `limit` and an opaque `cursor` (keyset: stable while articles arrive) and send ETag and " +
  "Last-Modified; conditional requests get 304. Article text is never served, only links, titles and summaries.";

/** Builds the OpenAPI 3.1 document of every route registered on `app` with createRoute. */
export function openApiDocument(app: OpenAPIHono, publicUrl: string): OpenApiDoc {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "casewire API", version: VERSION, description: DESCRIPTION },
    servers: [{ url: publicUrl }],
  }) as unknown as OpenApiDoc;
}

/** Registers the document and the reference page (call after every API route is registered). */
export function registerDocRoutes(app: OpenAPIHono, ctx: HttpContext): void {
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/api/openapi.json",
    tags: ["operations"],
    summary: "This OpenAPI 3.1 document",
    responses: { 200: { description: "The document", content: { "application/json": { schema: {} } } } },
  });
  let cached: { json: string; etag: string; html: Promise<string> } | null = null;
  const docs = () => {
    if (!cached) {
      const doc = openApiDocument(app, ctx.urls.base);
      const json = JSON.stringify(doc);
      cached = {
        json,
        etag: `"${VERSION}.${hashText(json)}"`,
        html: renderDocument(<DocsPage urls={ctx.urls} doc={doc} />),
      };
    }
    return cached;
  };
  const send = async (req: Request, body: string, contentType: string, etag: string, extra = {}) => {
    const headers = { etag, "cache-control": "public, max-age=300", ...extra };
    if (isNotModified(req.headers, { etag, lastModified: "" }))
      return new Response(null, { status: 304, headers });
    return new Response(body, { headers: { "content-type": contentType, ...headers } });
  };
  app.get("/api/openapi.json", (c) => {
    const d = docs();
    return send(c.req.raw, d.json, JSON_CONTENT_TYPE, d.etag);
  });
  app.get("/docs", async (c) => {
    const d = docs();
    return send(c.req.raw, await d.html, HTML_CONTENT_TYPE, d.etag, await pageHeaders());
  });
}
