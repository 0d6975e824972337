import robotsParser from "robots-parser";
import { FetchError } from "./fetch-error";
import type { FetchResult } from "./fetch-resource";

/** Options of createRobotsCache. */
export interface RobotsCacheOptions {
  /**
   * Fetches robots.txt (normally fetchResource) and resolves with its text or FetchResult (2xx);
   * failures throw, an HTTP status as FetchError `http-status` with `status`.
   */
  fetchText: (url: string) => Promise<string | FetchResult>;
  /** Our User-Agent; its product token (before the first `/` or space) selects the robots.txt group. */
  userAgent: string;
  /** How long a fetched robots.txt (or a 4xx) is trusted; default 24 h. */
  ttlMs?: number;
  /** How long a temporary failure (5xx, 429, network) is remembered; default min(ttlMs, 10 min). */
  errorTtlMs?: number;
  now?: () => number;
  /** Origins remembered at most (oldest dropped first); default 1000. */
  maxEntries?: number;
}

/** Answers whether our crawler may fetch a URL, per its origin's robots.txt. */
export interface RobotsCache {
  /** True when robots.txt of the URL's origin allows our user agent to fetch it. */
  isAllowed(url: string): Promise<boolean>;
}

type Verdict = (url: string) => boolean;

interface Entry {
  expires: number;
  verdict: Promise<Verdict>;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const ALLOW_ALL: Verdict = () => true;
const DISALLOW_ALL: Verdict = () => false;

/** Status of a failed robots.txt fetch, or undefined when it failed without a response. */
function failureStatus(err: unknown): number | undefined {
  return err instanceof FetchError && err.code === "http-status" ? err.status : undefined;
}

/**
 * Policy for a robots.txt that could not be fetched (after Google's convention, except 401/403):
 * 404/410 and other 4xx mean no robots.txt, so everything is allowed; 401/403 disallow the whole host;
 * 429, 5xx, timeouts, network errors and oversized files disallow everything for now (short TTL);
 * too many redirects counts as no robots.txt.
 */
function verdictForFailure(err: unknown): { verdict: Verdict; temporary: boolean } {
  const status = failureStatus(err);
  if (status === 401 || status === 403) return { verdict: DISALLOW_ALL, temporary: false };
  if (status === 429 || (status !== undefined && status >= 500))
    return { verdict: DISALLOW_ALL, temporary: true };
  if (status !== undefined && status >= 400) return { verdict: ALLOW_ALL, temporary: false };
  if (err instanceof FetchError && err.code === "too-many-redirects")
    return { verdict: ALLOW_ALL, temporary: false };
  return { verdict: DISALLOW_ALL, temporary: true };
}

/**
 * Creates a per-origin robots.txt cache (robots-parser): one fetch per origin per TTL, concurrent callers
 * share the same in-flight fetch.
 */
export function createRobotsCache(opts: RobotsCacheOptions): RobotsCache {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
  const errorTtlMs = opts.errorTtlMs ?? Math.min(ttlMs, 10 * 60 * 1000);
  const maxEntries = opts.maxEntries ?? 1000;
  const agent = opts.userAgent.trim().split(/[\s/]/)[0] || "*";
  const entries = new Map<string, Entry>();

  const load = (origin: string): Entry => {
    const robotsUrl = `${origin}/robots.txt`;
    const entry: Entry = { expires: Number.POSITIVE_INFINITY, verdict: Promise.resolve(ALLOW_ALL) };
    entry.verdict = Promise.resolve()
      .then(() => opts.fetchText(robotsUrl))
      .then(
        (body) => {
          entry.expires = now() + ttlMs;
          const text = typeof body === "string" ? body : body.notModified ? "" : body.text;
          const robots = robotsParser(robotsUrl, text);
          return (url: string) => robots.isAllowed(url, agent) !== false;
        },
        (err: unknown) => {
          const { verdict, temporary } = verdictForFailure(err);
          entry.expires = now() + (temporary ? errorTtlMs : ttlMs);
          return verdict;
        },
      );
    return entry;
  };

  return {
    async isAllowed(url: string): Promise<boolean> {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return false;
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") return false;
      const origin = target.origin;
      let entry = entries.get(origin);
      if (!entry || entry.expires <= now()) {
        entries.delete(origin);
        entry = load(origin);
        entries.set(origin, entry);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      const verdict = await entry.verdict;
      return verdict(target.href);
    },
  };
}
