/** Why a fetch failed; callers branch on this, never on the message. */
export type FetchErrorCode =
  | "timeout"
  | "too-large"
  | "blocked"
  | "too-many-redirects"
  | "bad-scheme"
  | "http-status"
  | "network"
  | "bad-url";

/** Extra facts carried by a FetchError. */
export interface FetchErrorDetails {
  /** HTTP status of the response that failed (code `http-status`). */
  status?: number;
  /** Delay asked for by a 429/503 `Retry-After` header, in ms from now. */
  retryAfterMs?: number;
  cause?: unknown;
}

const MAX_URL_IN_MESSAGE = 300;

/** Shortens a URL for messages and logs. */
function shortUrl(url: string): string {
  return url.length > MAX_URL_IN_MESSAGE ? `${url.slice(0, MAX_URL_IN_MESSAGE)}…` : url;
}

/** A failed fetch: a machine-readable `code`, the URL it concerns, and a message that names that URL. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: FetchErrorCode, url: string, detail: string, details: FetchErrorDetails = {}) {
    super(`${detail} (${shortUrl(url)})`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}
