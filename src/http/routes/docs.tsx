/** GET /api/openapi.json (generated from the route definitions) and GET /docs (its HTML reference). */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { VERSION } from "../../config";
import { serveWithValidators, type TaggedBody, tagBody } from "../conditional";
import type { HttpContext } from "../context";
import { DocsPage, type OpenApiDoc } from "../pages/docs-page";
import { renderDocument } from "../pages/layout";
import { pageSecurityHeaders } from "../pages/style";
import { JSON_CONTENT_TYPE } from "../respond";
import { HTML_CONTENT_TYPE } from "./pages";

const DESCRIPTION =
  "News coverage of AI copyright lawsuits, filed by case. Every error is application/problem+json. Lists " +
  "paginate with `limit` and an opaque `cursor` (keyset: stable while articles arrive) and send ETag and " +
  "Last-Modified; conditional requests get 304. Article text is never served, only links, titles and summaries.";

const DOCS_CACHE_CONTROL = "public, max-age=300";

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
  // Both bodies are fixed for the life of the app: rendered and tagged once, each with its own ETag.
  let json: TaggedBody | null = null;
  let html: Promise<TaggedBody> | null = null;
  let doc: OpenApiDoc | null = null;
  const document = () => {
    doc ??= openApiDocument(app, ctx.urls.base);
    return doc;
  };
  app.get("/api/openapi.json", (c) => {
    json ??= tagBody(JSON.stringify(document()));
    return serveWithValidators(c.req.raw, json, {
      contentType: JSON_CONTENT_TYPE,
      cacheControl: DOCS_CACHE_CONTROL,
    });
  });
  app.get("/docs", async (c) => {
    html ??= renderDocument(<DocsPage urls={ctx.urls} doc={document()} />).then(tagBody, (err) => {
      html = null;
      throw err;
    });
    return serveWithValidators(c.req.raw, await html, {
      contentType: HTML_CONTENT_TYPE,
      cacheControl: DOCS_CACHE_CONTROL,
      headers: await pageSecurityHeaders(),
    });
  });
}
