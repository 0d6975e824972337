/** HTTP validators (ETag, Last-Modified) derived from the data version, and conditional-request checks. */
import { VERSION } from "../config";
import { hashText } from "../db/cases-repo";
import type { DataVersion } from "../db/data-version";

/** Validators of one representation. */
export interface Validators {
  /** Strong, quoted ETag. */
  etag: string;
  /** HTTP date. */
  lastModified: string;
}

/** Cache-Control of feeds and pages. */
export const FEED_CACHE_CONTROL = "public, max-age=300";
/** Cache-Control of JSON lists and documents. */
export const API_CACHE_CONTROL = "public, max-age=60";

/** Validators for the resource `key` (path and normalised query) at data version `v` (and this code version). */
export function validatorsFor(v: DataVersion, key: string): Validators {
  const modified = v.lastModified ? new Date(v.lastModified) : new Date(0);
  const lastModified = (Number.isNaN(modified.getTime()) ? new Date(0) : modified).toUTCString();
  return { etag: `"${VERSION}.${v.token}.${hashText(key)}"`, lastModified };
}

function opaqueTag(tag: string): string {
  const t = tag.trim();
  return t.startsWith("W/") ? t.slice(2) : t;
}

/** Reads one request header by lower-case name (a Headers object, or Node's IncomingMessage headers). */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * Whether a GET with these request headers can be answered 304: If-None-Match (weak comparison, `*`) wins;
 * If-Modified-Since is used only without it.
 */
export function isNotModifiedBy(header: HeaderLookup, v: Validators): boolean {
  const inm = header("if-none-match");
  if (inm !== null && inm !== undefined) {
    if (inm === v.etag) return true;
    const mine = opaqueTag(v.etag);
    return inm.split(",").some((t) => t.trim() === "*" || opaqueTag(t) === mine);
  }
  const ims = header("if-modified-since");
  if (ims !== null && ims !== undefined) {
    const since = Date.parse(ims);
    const modified = Date.parse(v.lastModified);
    return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
  }
  return false;
}

/** isNotModifiedBy over a Headers object. */
export function isNotModified(headers: Headers, v: Validators): boolean {
  return isNotModifiedBy((name) => headers.get(name), v);
}

/** The validator and caching headers sent with a 200 or a 304. */
export function cachingHeaders(v: Validators, cacheControl: string): Record<string, string> {
  return { etag: v.etag, "last-modified": v.lastModified, "cache-control": cacheControl };
}

/** An empty 304 carrying the validators. */
export function notModifiedResponse(v: Validators, cacheControl: string, vary?: string): Response {
  const headers = cachingHeaders(v, cacheControl);
  if (vary) headers.vary = vary;
  return new Response(null, { status: 304, headers });
}
