/** Fetches an article page (robots.txt permitting) and extracts its main text for classification and search. */
import { extractArticle } from "./extract-article";
import { type FetchDeps, type FetchOptions, fetchResource } from "./fetch-resource";

/** Below this many characters of feed text, the article page is fetched for its full text. */
const SHORT_TEXT_CHARS = 1500;

/** Decides whether a source's item needs its page fetched, from the source's full-text rule. */
export function needsFullText(rule: string | undefined, feedTextLength: number): boolean {
  if (rule === "never" || rule === "full") return false;
  if (rule === "teaser") return true;
  return feedTextLength < SHORT_TEXT_CHARS;
}

/** Returns the page's extracted main text, or null when robots.txt forbids it or the page yields nothing. */
export async function fetchFullText(
  url: string,
  robots: { isAllowed(url: string): Promise<boolean> },
  opts: FetchOptions,
  deps: FetchDeps,
): Promise<string | null> {
  if (!(await robots.isAllowed(url))) return null;
  const res = await fetchResource(url, { ...opts, accept: "text/html,application/xhtml+xml;q=0.9" }, deps);
  if (res.notModified) return null;
  const extracted = extractArticle(res.text, res.finalUrl);
  return extracted.text.trim() ? extracted.text : null;
}
