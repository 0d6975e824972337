/**
 * Edge cache for Workers: versioned GET responses (feeds, JSON lists, pages) are kept in the Workers Cache API
 * under a key that carries the data version, so every isolate of a data centre serves a burst of readers from
 * one render, and a new ingest (a new version) simply misses. ETag / Last-Modified / Cache-Control are the
 * app's own (the same as on Node); conditional requests are answered 304 from the cached validators.
 */
import { isNotModified, notModifiedResponse } from "../http/conditional";
import type { VersionCache } from "../http/version-cache";
import type { EdgeCacheStore } from "./worker-env";

/** Paths whose representations depend only on the data version (the app's versioned routes). */
const VERSIONED_PATH = /^\/(?:$|cases\/[^/]+$|feeds\/|api\/(?:cases|articles|candidates)(?:\/|$))/;

/** Query parameter of the cache key that holds the data version token. */
export const VERSION_PARAM = "__cw_v";

/** What the edge cache needs. */
export interface EdgeCacheDeps {
  store: EdgeCacheStore;
  version: VersionCache;
  /** Renders the request (the app). */
  handle: (request: Request) => Promise<Response>;
  /** Keeps the cache write alive after the response is sent. */
  waitUntil: (promise: Promise<unknown>) => void;
}

/** Whether the request may be answered from (and stored in) the edge cache. */
export function edgeCacheable(request: Request): boolean {
  if (request.method !== "GET") return false;
  if (request.headers.has("authorization") || request.headers.has("cookie")) return false;
  return VERSIONED_PATH.test(new URL(request.url).pathname);
}

/** The cache key of a request at data version `token`: same origin and path, sorted query, plus the version. */
export function edgeCacheKey(request: Request, token: string): Request {
  const key = new URL(request.url);
  key.hash = "";
  key.searchParams.sort();
  key.searchParams.set(VERSION_PARAM, token);
  return new Request(key.href, { method: "GET" });
}

/** Whether the app's response is a shareable 200 with validators. */
function storable(response: Response): boolean {
  const cc = response.headers.get("cache-control") ?? "";
  return (
    response.status === 200 &&
    response.headers.has("etag") &&
    /\bpublic\b/.test(cc) &&
    !/\b(?:no-store|private)\b/.test(cc) &&
    !response.headers.has("set-cookie")
  );
}

/** Answers from the edge cache when it holds this version of the resource; otherwise renders and stores it. */
export async function serveWithEdgeCache(request: Request, deps: EdgeCacheDeps): Promise<Response> {
  if (!edgeCacheable(request)) return deps.handle(request);
  const version = await deps.version.get();
  const key = edgeCacheKey(request, version.token);
  const hit = await deps.store.match(key);
  if (hit) {
    const etag = hit.headers.get("etag");
    const cacheControl = hit.headers.get("cache-control") ?? "";
    const validators = { etag: etag ?? "", lastModified: hit.headers.get("last-modified") ?? "" };
    if (etag && isNotModified(request.headers, validators)) {
      void hit.body?.cancel();
      return notModifiedResponse(validators, cacheControl, hit.headers.get("vary") ?? undefined);
    }
    return hit;
  }
  const response = await deps.handle(request);
  if (!storable(response)) return response;
  // Store only a render of the version in the key (the app's ETag embeds its data version token); when the
  // app saw another version, ours is stale: read it again next time and store nothing now.
  if (response.headers.get("etag")?.includes(version.token)) {
    deps.waitUntil(deps.store.put(key, response.clone()));
  } else {
    deps.version.invalidate();
  }
  return response;
}
