import { assertHostAllowed, type LookupFn } from "./address-guard";
import { decodeBody } from "./decode-charset";
import { FetchError } from "./fetch-error";
import { readBody } from "./read-body";
import { parseRetryAfter } from "./retry-after";

export { FetchError, type FetchErrorCode } from "./fetch-error";

/** Per-request options of fetchResource. */
export interface FetchOptions {
  /** Total time for the whole fetch: DNS, connect, headers, redirects and body. Default 20000. */
  timeoutMs?: number;
  /** Cap on the decoded (decompressed) body. Default 5 MiB. */
  maxBytes?: number;
  userAgent: string;
  /** Hosts allowed although they are loopback/private (exact name, case-insensitive); never link-local. */
  allowHosts?: readonly string[];
  /** Validators from the previous fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Redirects followed before giving up with `too-many-redirects`. Default 5. */
  maxRedirects?: number;
}

/** Runtime services fetchResource needs, injected by the runtime. */
export interface FetchDeps {
  fetch: typeof fetch;
  /** DNS resolution (Node runtime); when absent only literal IPs and `localhost` are checked. */
  lookup?: LookupFn;
  now?: () => number;
}

/** The resource did not change since the validators in the options. */
export interface FetchNotModified {
  status: 304;
  notModified: true;
  finalUrl: string;
}

/** A successful 2xx response with its decoded body. */
export interface FetchOk {
  status: number;
  notModified: false;
  finalUrl: string;
  text: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decoded (decompressed) body size in bytes. */
  bytes: number;
  charset: string;
}

/** Outcome of fetchResource; failures are thrown as FetchError. */
export type FetchResult = FetchNotModified | FetchOk;

/** Default total time budget of one fetch, in ms (also the FETCH_TIMEOUT_MS default). */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Default cap on the decoded body size, in bytes (also the FETCH_MAX_BYTES default). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Default number of redirects followed before failing. */
export const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json;q=0.9, application/xml;q=0.9, " +
  "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Parses an absolute http(s) URL or throws `bad-url` / `bad-scheme`. */
function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    throw new FetchError("bad-url", raw, "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      "bad-scheme",
      url.href,
      `refused to fetch a ${url.protocol} URL; only http and https`,
    );
  }
  if (url.username || url.password)
    throw new FetchError("bad-url", url.href, "URLs with credentials are refused");
  return url;
}

/** Request headers for one hop. */
function requestHeaders(opts: FetchOptions): Headers {
  const h = new Headers({
    "user-agent": opts.userAgent,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  });
  if (opts.etag) h.set("if-none-match", opts.etag);
  if (opts.lastModified) h.set("if-modified-since", opts.lastModified);
  return h;
}

/** Settles with the promise, or rejects with the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Releases a body we will not read. */
function discard(res: Response): void {
  void res.body?.cancel().catch(() => {});
}

/** The FetchError for a non-2xx, non-redirect, non-304 response. */
function statusError(res: Response, url: string, now: number): FetchError {
  const retryAfterMs =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(res.headers.get("retry-after"), now)
      : undefined;
  const suffix = retryAfterMs === undefined ? "" : `, retry after ${Math.round(retryAfterMs / 1000)} s`;
  return new FetchError("http-status", url, `HTTP ${res.status}${suffix}`, {
    status: res.status,
    retryAfterMs,
  });
}

/** Follows redirects by hand, checking scheme and address on every hop, until a final response. */
async function fetchFinal(
  start: URL,
  opts: FetchOptions,
  deps: FetchDeps,
  signal: AbortSignal,
): Promise<{ res: Response; url: URL }> {
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // Called without `this`: workerd's fetch throws "Illegal invocation" when called as `deps.fetch(...)`.
  const doFetch = deps.fetch;
  let url = start;
  for (let hop = 0; ; hop++) {
    await untilAborted(assertHostAllowed(url, opts.allowHosts ?? [], deps.lookup), signal);
    let res: Response;
    try {
      res = await doFetch(url.href, {
        method: "GET",
        headers: requestHeaders(opts),
        redirect: "manual",
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new FetchError("network", url.href, `request failed: ${String(err)}`, { cause: err });
    }
    if (!REDIRECT_STATUSES.has(res.status)) return { res, url };
    const location = res.headers.get("location");
    discard(res);
    if (!location)
      throw new FetchError("http-status", url.href, `HTTP ${res.status} without a Location header`);
    if (hop >= maxRedirects) {
      throw new FetchError("too-many-redirects", url.href, `more than ${maxRedirects} redirects`);
    }
    url = parseTarget(location, url);
  }
}

/**
 * Fetches a feed or page (GET) with a total timeout, a cap on the decoded body, manual redirects
 * re-checked on every hop, an SSRF guard, conditional GET and charset decoding. Runs on Node and Workers.
 */
export async function fetchResource(url: string, opts: FetchOptions, deps: FetchDeps): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = deps.now ?? Date.now;
  const start = parseTarget(url.trim());
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new FetchError("timeout", start.href, `timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const { signal } = controller;
  try {
    const { res, url: final } = await fetchFinal(start, opts, deps, signal);
    if (res.status === 304) {
      discard(res);
      return { status: 304, notModified: true, finalUrl: final.href };
    }
    if (res.status < 200 || res.status > 299) {
      discard(res);
      throw statusError(res, final.href, now());
    }
    const body = await readBody(res, maxBytes, signal, final.href);
    const contentType = res.headers.get("content-type");
    const { text, charset } = decodeBody(body, contentType);
    return {
      status: res.status,
      notModified: false,
      finalUrl: final.href,
      text,
      contentType,
      etag: res.headers.get("etag"),
      lastModified: res.headers.get("last-modified"),
      bytes: body.length,
      charset,
    };
  } catch (err) {
    if (signal.aborted && signal.reason instanceof FetchError) throw signal.reason;
    if (err instanceof FetchError) throw err;
    throw new FetchError("network", start.href, `fetch failed: ${String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
