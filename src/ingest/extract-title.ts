/** Chooses an article title from page metadata and strips a trailing " | Site" only when it is clearly the site. */
import { collapseWhitespace } from "../domain/text";

/** Title-bearing strings found on a page (already entity-decoded once). */
export interface TitleSources {
  ogTitle?: string | null;
  jsonLdHeadline?: string | null;
  h1?: string | null;
  titleTag?: string | null;
  /** og:site_name or application-name, used to recognise a site suffix. */
  siteName?: string | null;
  /** Page URL, used to recognise a site suffix from the host name. */
  url?: string;
}

const SEPARATOR = /\s+(?:\||-|–|—|·|::|»|\/)\s+/g;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function hostCore(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const labels = new URL(url).hostname.toLowerCase().split(".");
    const skip = new Set(["www", "m", "amp", "edition", "news", "com", "org", "net", "co", "uk", "de", "fr"]);
    const core = labels.filter((l) => !skip.has(l)).join("");
    return core || null;
  } catch {
    return null;
  }
}

function looksLikeSite(suffix: string, siteName: string | null, host: string | null): boolean {
  const s = squash(suffix);
  if (!s) return false;
  if (siteName) {
    const site = squash(siteName);
    if (site && (s === site || (s.length >= 3 && site.startsWith(s)) || s.startsWith(site))) return true;
  }
  if (host && s.length >= 3 && (host.includes(s) || s.includes(host))) return true;
  return false;
}

/** Removes one trailing (or leading) segment such as " | The Verge" when it names the site. */
export function stripSiteSuffix(title: string, siteName?: string | null, url?: string): string {
  const host = hostCore(url);
  const seps = [...title.matchAll(SEPARATOR)];
  const last = seps.at(-1);
  if (last?.index !== undefined) {
    const head = title.slice(0, last.index).trim();
    const tail = title.slice(last.index + last[0].length).trim();
    if (head && looksLikeSite(tail, siteName ?? null, host)) return head;
  }
  const first = seps[0];
  if (first?.index !== undefined) {
    const head = title.slice(0, first.index).trim();
    const tail = title.slice(first.index + first[0].length).trim();
    if (tail && looksLikeSite(head, siteName ?? null, host) && tail.split(" ").length >= 3) return tail;
  }
  return title;
}

/** Removes a short " | Section" tail from a <title> (at most three words after the last pipe). */
function stripPipeTail(title: string): string {
  const at = title.lastIndexOf(" | ");
  if (at <= 0) return title;
  const head = title.slice(0, at).trim();
  const tail = title.slice(at + 3).trim();
  const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
  return words(tail) <= 3 && words(head) >= 3 ? head : title;
}

/**
 * The best title: og:title, then the JSON-LD headline, then the h1 when <title> confirms it (or there is
 * no <title>), then <title>, then any h1. Site suffixes are stripped only when they name the site.
 */
export function chooseTitle(src: TitleSources): string | null {
  const clean = (v: string | null | undefined): string => collapseWhitespace(v ?? "");
  const h1 = clean(src.h1);
  const tag = clean(src.titleTag);
  const og = clean(src.ogTitle);
  if (og) {
    // "<h1 text> | anything" → the h1 text: the page itself shows where the title ends.
    if (h1 && og !== h1 && og.startsWith(h1) && /^\s*(?:\||-|–|—|·|::|»)\s/.test(og.slice(h1.length)))
      return h1;
    return stripSiteSuffix(og, src.siteName, src.url);
  }
  const ld = clean(src.jsonLdHeadline);
  if (ld) return ld;
  if (h1 && (!tag || squash(tag).includes(squash(h1)))) return h1;
  if (tag) return stripPipeTail(stripSiteSuffix(tag, src.siteName, src.url));
  return h1 || null;
}
