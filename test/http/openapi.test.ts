import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagBody } from "../../src/http/conditional";
import { httpTestApp, PUBLIC_URL, type TestApp } from "../helpers/http-app";

interface Doc {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<
    string,
    Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** Every JSON route of DESIGN.md §7 that this issue serves, as OpenAPI paths. */
const JSON_ROUTES: [string, string][] = [
  ["get", "/healthz"],
  ["get", "/api/cases"],
  ["get", "/api/cases/{id}"],
  ["get", "/api/articles"],
  ["get", "/api/articles/{id}"],
  ["get", "/api/sources"],
  ["get", "/api/candidates"],
  ["get", "/api/openapi.json"],
  ["post", "/api/admin/ingest"],
  ["put", "/api/admin/articles/{id}/cases"],
  ["post", "/api/subscriptions"],
];

describe("OpenAPI document and /docs", () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await httpTestApp([], { adminToken: "x" });
    const res = await t.app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    doc = (await res.json()) as Doc;
  });
  afterAll(() => t.close());

  it("is an OpenAPI 3.1 document listing every JSON route", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe("casewire API");
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.servers[0]!.url).toBe(PUBLIC_URL);
    for (const [method, path] of JSON_ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(Object.keys(op!.responses).length).toBeGreaterThan(0);
    }
    expect(doc.paths["/feeds/cases/{id}.rss"]?.get).toBeDefined();
  });

  it("documents parameters, problem responses, schemas and the admin security scheme", () => {
    const list = doc.paths["/api/articles"]!.get!;
    expect(list.parameters!.map((p) => p.name).sort()).toEqual(
      ["case", "cursor", "limit", "q", "since", "sort", "source", "topic", "until"].sort(),
    );
    expect(list.responses["400"]).toMatchObject({ content: { "application/problem+json": {} } });
    for (const name of [
      "Article",
      "ArticleList",
      "CaseSummary",
      "CaseDetail",
      "Problem",
      "Source",
      "Candidate",
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    // Every $ref points at a defined schema.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
  });

  it("answers a conditional request with 304", async () => {
    const first = await t.app.request("/api/openapi.json");
    const again = await t.app.request("/api/openapi.json", {
      headers: { "if-none-match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });

  it("/docs has an ETag of its own HTML, not of the JSON document, and answers it with 304", async () => {
    const json = await t.app.request("/api/openapi.json");
    const res = await t.app.request("/docs");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).not.toBe(json.headers.get("etag"));
    expect(etag).toBe(tagBody(await res.text()).etag);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await t.app.request("/docs", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const stale = await t.app.request("/docs", { headers: { "if-none-match": json.headers.get("etag")! } });
    expect(stale.status).toBe(200);
  });

  it("/docs renders the reference on the server, with the strict CSP and no scripts", async () => {
    const res = await t.app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const $ = load(await res.text());
    expect($("script")).toHaveLength(0);
    const ops = $("h3 code")
      .map((_, c) => $(c).text())
      .get();
    for (const [method, path] of JSON_ROUTES) expect(ops).toContain(`${method.toUpperCase()} ${path}`);
    expect($("a[href='/api/openapi.json']")).toHaveLength(1);
  });
});
