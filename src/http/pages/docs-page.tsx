/** GET /docs: a browsable reference rendered on the server from the OpenAPI document (no scripts). */
import type { PublicUrls } from "../urls";
import { Layout, siteAlternates } from "./layout";

/** The subset of an OpenAPI 3.1 document the page reads. */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function schemaLabel(schema: unknown): string {
  if (!schema || typeof schema !== "object") return "";
  const s = schema as { type?: unknown; enum?: unknown[]; $ref?: string };
  if (s.$ref) return s.$ref.replace("#/components/schemas/", "");
  if (Array.isArray(s.enum)) return s.enum.map(String).join(" | ");
  return Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "");
}

function slug(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function OperationBlock(props: { method: string; path: string; op: Operation }) {
  const { method, path, op } = props;
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.["application/json"]?.schema;
  return (
    <li>
      <article id={slug(method, path)}>
        <h3>
          <code>
            {method.toUpperCase()} {path}
          </code>
        </h3>
        {op.summary ? <p>{op.summary}</p> : null}
        {op.description ? <p class="muted">{op.description}</p> : null}
        {op.security && op.security.length > 0 ? (
          <p class="meta">Needs Authorization: Bearer ADMIN_TOKEN.</p>
        ) : null}
        {params.length > 0 ? (
          <dl class="facts">
            {params.map((p) => (
              <>
                <dt>
                  <code>{p.name}</code> <span class="muted">({p.in})</span>
                </dt>
                <dd>
                  {p.required ? "required. " : ""}
                  {schemaLabel(p.schema)}
                  {p.description ? ` — ${p.description}` : ""}
                </dd>
              </>
            ))}
          </dl>
        ) : null}
        {body ? <p class="meta">JSON body: {schemaLabel(body)}</p> : null}
        <ul>
          {Object.entries(op.responses ?? {}).map(([status, r]) => (
            <li>
              <strong>{status}</strong> {r.description ?? ""}{" "}
              <span class="muted">{Object.keys(r.content ?? {}).join(", ")}</span>
            </li>
          ))}
        </ul>
      </article>
    </li>
  );
}

/** The API reference page. */
export function DocsPage(props: { urls: PublicUrls; doc: OpenApiDoc }) {
  const { doc } = props;
  const ops: { method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op) ops.push({ method, path, op });
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return (
    <Layout title={`${doc.info.title} reference`} alternates={siteAlternates(props.urls.base)}>
      <h1>
        {doc.info.title} <span class="muted">v{doc.info.version}</span>
      </h1>
      {doc.info.description ? <p>{doc.info.description}</p> : null}
      <p>
        Machine-readable: <a href="/api/openapi.json">OpenAPI {doc.openapi} document</a>. Errors are{" "}
        <code>application/problem+json</code>; lists take <code>limit</code> and an opaque <code>cursor</code>
        .
      </p>
      <nav aria-label="Operations">
        <ul>
          {ops.map((o) => (
            <li>
              <a href={`#${slug(o.method, o.path)}`}>
                {o.method.toUpperCase()} {o.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="ops-title">
        <h2 id="ops-title">Operations</h2>
        <ol class="items">
          {ops.map((o) => (
            <OperationBlock method={o.method} path={o.path} op={o.op} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="schemas-title">
        <h2 id="schemas-title">Schemas</h2>
        {schemas.map(([name, schema]) => (
          <article id={`schema-${name}`}>
            <h3>{name}</h3>
            <pre>{JSON.stringify(schema, null, 2)}</pre>
          </article>
        ))}
      </section>
    </Layout>
  );
}
