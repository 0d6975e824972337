/**
 * HTTP validators (ETag, Last-Modified) derived from the data version or from the body sent, and
 * conditional-request checks.
 */
import { VERSION } from "../config";
import type { DataVersion } from "../db/data-version";
import { hashText } from "../domain/hash-text";

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

/** A body with its strong ETag (a hash of exactly these characters), for bodies served many times. */
export interface TaggedBody {
  body: string;
  etag: string;
}

/** Tags `body` with a strong ETag: a hash of its text and its length, so any change to it gives a new tag. */
export function tagBody(body: string): TaggedBody {
  return { body, etag: `"${hashText(body)}-${body.length.toString(36)}"` };
}

/** How serveWithValidators answers. */
export interface BodyServeOptions {
  contentType: string;
  cacheControl: string;
  /** Extra headers of a 200 (e.g. the page CSP); not sent with a 304. */
  headers?: Readonly<Record<string, string>>;
  /** When the content last changed (ISO or HTTP date): sent as Last-Modified, which If-Modified-Since uses. */
  lastModified?: string | null;
}

/**
 * Answers a GET with `body` (a string, or a TaggedBody made once for a body served often) and a strong ETag
 * of that very body: 304 when If-None-Match names it (or, without If-None-Match, If-Modified-Since is not
 * older than `lastModified`), else 200.
 */
export function serveWithValidators(
  req: Request,
  body: string | TaggedBody,
  opts: BodyServeOptions,
): Response {
  const tagged = typeof body === "string" ? tagBody(body) : body;
  const when = opts.lastModified ? new Date(opts.lastModified) : null;
  const lastModified = when && !Number.isNaN(when.getTime()) ? when.toUTCString() : "";
  const caching: Record<string, string> = { etag: tagged.etag, "cache-control": opts.cacheControl };
  if (lastModified) caching["last-modified"] = lastModified;
  if (isNotModified(req.headers, { etag: tagged.etag, lastModified })) {
    return new Response(null, { status: 304, headers: caching });
  }
  return new Response(tagged.body, {
    status: 200,
    headers: { "content-type": opts.contentType, ...opts.headers, ...caching },
  });
}
