/**
 * Versioned responses: validators from the data version, 304 without rendering, and rendered bodies kept in a
 * small LRU (keyed by path + query, valid for one data version) so repeated reads cost a map lookup. Kept
 * entries can also be answered synchronously before routing (fastServe), which is what makes a burst of feed
 * readers cheap.
 */
import type { DataVersion } from "../db/data-version";
import {
  cachingHeaders,
  type HeaderLookup,
  isNotModified,
  isNotModifiedBy,
  type Validators,
  validatorsFor,
} from "./conditional";
import { Lru } from "./lru";
import type { VersionCache } from "./version-cache";

/** Headers of feeds and JSON (pages pass their own, with the page CSP): nothing in them is ever active content. */
export const DATA_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** Bodies shorter than this are sent uncompressed. */
const GZIP_THRESHOLD = 1024;

interface Entry {
  token: string;
  validators: Validators;
  bytes: Uint8Array;
  /** Headers of a 200 with the identity body. */
  headers: Record<string, string>;
  /** Headers of a 304. */
  notModified: Record<string, string>;
  /** gzip body and its headers, made on first demand. */
  gzip?: Promise<Uint8Array>;
  gzipReady?: Uint8Array;
  gzipHeaders?: Record<string, string>;
}

/** What a versioned route serves. */
export interface VersionedSpec {
  /** Path plus query (from requestKey): identifies the representation. */
  key: string;
  contentType: string;
  cacheControl: string;
  /** Extra headers of a 200 (default DATA_HEADERS; pages pass the page CSP). */
  headers?: Record<string, string>;
  /** Keep the rendered body in memory (feeds, pages, aggregates), or render every time (ad-hoc queries). */
  keep: boolean;
  /** Renders the body; may throw an AppError (e.g. 404). */
  render: (v: DataVersion) => Promise<string>;
}

/** A kept response ready to write: what a server adapter needs, nothing else. */
export interface CachedHit {
  status: 200 | 304;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | null;
}

/** The cache behind versioned routes. */
export interface ResponseCache {
  /** Answers a GET for `spec`: 304 when the validators match, else the (cached or freshly rendered) body. */
  serve(req: Request, spec: VersionedSpec): Promise<Response>;
  /**
   * Answers a GET synchronously when its body is kept for the current (fresh) data version, else undefined;
   * never throws and never touches the database.
   */
  fastServe(req: Request): Response | undefined;
  /**
   * The same answer as plain data, for a server adapter that writes it itself (e.g. Node's http listener before
   * handing the request to the app): `pathAndQuery` is the request target, `header` reads request headers.
   */
  lookup(method: string, pathAndQuery: string, header: HeaderLookup): CachedHit | undefined;
  /** Drops every kept body (after a write made through the app). */
  clear(): void;
}

const encoder = new TextEncoder();

async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Whether the request accepts gzip (q > 0), per RFC 9110 Accept-Encoding. */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (name.trim() === "gzip") return q > 0;
    if (name.trim() === "*") wildcard = q > 0;
  }
  return wildcard;
}

/** Path plus query of an absolute request URL, without parsing it (the cache key of a GET). */
export function requestKey(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const hash = url.indexOf("#", start);
  return hash < 0 ? url.slice(start) : url.slice(start, hash);
}

/** Creates the cache: `entries` bodies at most; `compress` also keeps a gzip copy for clients that accept it. */
export function createResponseCache(
  version: VersionCache,
  entries: number,
  compress: boolean,
): ResponseCache {
  const lru = new Lru<string, Entry>(entries);
  const building = new Map<string, Promise<Entry>>();
  const vary: Record<string, string> = compress ? { vary: "Accept-Encoding" } : {};

  const makeEntry = (spec: VersionedSpec, v: DataVersion, body: string): Entry => {
    const validators = validatorsFor(v, spec.key);
    const caching = cachingHeaders(validators, spec.cacheControl);
    return {
      token: v.token,
      validators,
      bytes: encoder.encode(body),
      headers: { "content-type": spec.contentType, ...(spec.headers ?? DATA_HEADERS), ...caching, ...vary },
      notModified: { ...caching, ...vary },
    };
  };

  const build = (spec: VersionedSpec, v: DataVersion): Promise<Entry> => {
    const buildKey = `${v.token} ${spec.key}`;
    const inFlight = building.get(buildKey);
    if (inFlight) return inFlight;
    const p = spec
      .render(v)
      .then((body) => {
        const entry = makeEntry(spec, v, body);
        if (spec.keep) lru.set(spec.key, entry);
        return entry;
      })
      .finally(() => building.delete(buildKey));
    building.set(buildKey, p);
    return p;
  };

  const wantsGzip = (req: Request, entry: Entry) =>
    compress && entry.bytes.length >= GZIP_THRESHOLD && acceptsGzip(req.headers.get("accept-encoding"));

  // A different encoding is a different representation: weaken the tag, as hono/compress does.
  const gzipHeaders = (entry: Entry) =>
    (entry.gzipHeaders ??= {
      ...entry.headers,
      "content-encoding": "gzip",
      etag: `W/${entry.validators.etag}`,
    });

  const gzipResponse = (entry: Entry, gz: Uint8Array) =>
    new Response(gz as Uint8Array<ArrayBuffer>, { status: 200, headers: gzipHeaders(entry) });

  const respond = async (req: Request, entry: Entry): Promise<Response> => {
    if (wantsGzip(req, entry)) {
      entry.gzip ??= gzipBytes(entry.bytes).then((gz) => {
        entry.gzipReady = gz;
        return gz;
      });
      return gzipResponse(entry, await entry.gzip);
    }
    return new Response(entry.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: entry.headers });
  };

  const lookupHit = (key: string, header: HeaderLookup): CachedHit | undefined => {
    const v = version.peek();
    if (!v) return undefined;
    const entry = lru.peek(key);
    if (!entry || entry.token !== v.token) return undefined;
    if (isNotModifiedBy(header, entry.validators))
      return { status: 304, headers: entry.notModified, body: null };
    if (compress && entry.bytes.length >= GZIP_THRESHOLD && acceptsGzip(header("accept-encoding") ?? null)) {
      if (!entry.gzipReady) return undefined;
      return { status: 200, headers: gzipHeaders(entry), body: entry.gzipReady };
    }
    return { status: 200, headers: entry.headers, body: entry.bytes };
  };

  return {
    async serve(req, spec) {
      const v = await version.get();
      const cached = spec.keep ? lru.get(spec.key) : undefined;
      const current = cached && cached.token === v.token ? cached : undefined;
      const validators = current?.validators ?? validatorsFor(v, spec.key);
      if (isNotModified(req.headers, validators)) {
        const headers = current?.notModified ?? { ...cachingHeaders(validators, spec.cacheControl), ...vary };
        return new Response(null, { status: 304, headers });
      }
      return respond(req, current ?? (await build(spec, v)));
    },

    fastServe(req) {
      try {
        const hit = lookupHit(requestKey(req.url), (name) => req.headers.get(name));
        return hit ? new Response(hit.body as Uint8Array<ArrayBuffer> | null, hit) : undefined;
      } catch {
        return undefined;
      }
    },

    lookup(method, pathAndQuery, header) {
      if (method !== "GET") return undefined;
      try {
        return lookupHit(pathAndQuery, header);
      } catch {
        return undefined;
      }
    },

    clear() {
      lru.clear();
    },
  };
}
