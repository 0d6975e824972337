/**
 * Turns untrusted feed view data into clean values every renderer can emit as is: single-line text without
 * characters that make XML ill-formed, http(s)-only links, valid dates and stable entry ids.
 */

import { collapseWhitespace, stripControlChars } from "../domain/text";
import type { FeedEntry, FeedMeta } from "./feed-types";
import { escapeText } from "./safe-html";

/** A feed entry after cleaning; every string is safe to hand to an XML or JSON generator. */
export interface PreparedEntry {
  /** Stable id used as RSS guid, Atom id and JSON Feed item id. */
  guid: string;
  url: string;
  title: string;
  /** May be empty. */
  summary: string;
  /** Date shown to readers: `publishedAt`, else `fetchedAt`. */
  date: Date;
  /** Only when the source gave a publication date. */
  published: Date | null;
  sourceName: string;
  /** Case captions, cleaned, without empties or duplicates. */
  categories: string[];
}

/** Feed-level facts after cleaning. */
export interface PreparedMeta {
  id: string;
  title: string;
  description: string;
  homeUrl: string;
  selfUrls: { rss: string; atom: string | undefined; json: string | undefined };
  updated: Date;
  ttlMinutes: number;
  language: string | undefined;
}

/** Date part of every entry id; fixed forever so that ids never change. */
const TAG_DATE = "2025";

const MAYBE_BAD_CHAR =
  /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]/;

/** Single-line plain text: control characters, lone surrogates and U+FFFE/U+FFFF removed, spaces collapsed. */
export function cleanText(s: string | null | undefined): string {
  if (!s) return "";
  // Fast path: most text has nothing for stripControlChars to remove, and its full scan is slower.
  return collapseWhitespace(MAYBE_BAD_CHAR.test(s) ? stripControlChars(s) : s);
}

/** Escapes plain text for use inside HTML (for elements whose content readers treat as HTML). */
export const escapeHtml = escapeText;

/** The normalised absolute URL when `s` is an http(s) URL, else null. */
export function httpUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Host part usable as a tag: URI authority (a DNS-style name); falls back to `localhost`. */
function tagAuthority(homeUrl: string): string {
  try {
    const host = new URL(homeUrl).hostname.toLowerCase();
    return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(host) ? host : "localhost";
  } catch {
    return "localhost";
  }
}

/**
 * Stable entry id as an RFC 4151 tag URI, e.g. `tag:casewire.example,2025:article:42`: the authority is the
 * public host (universally unique per deployment), the rest depends only on our article id.
 */
export function entryGuid(homeUrl: string, articleId: number): string {
  return tagId(tagAuthority(homeUrl), `article:${articleId}`);
}

/**
 * A tag URI of this deployment for any other kind of entry, e.g. `tagUri(base, "digest:202648")` gives
 * `tag:casewire.example,2025:digest:202648`; `specific` must not start with `article:` (entryGuid's space).
 */
export function tagUri(homeUrl: string, specific: string): string {
  return tagId(tagAuthority(homeUrl), specific);
}

function tagId(authority: string, specific: string): string {
  return `tag:${authority},${TAG_DATE}:${specific}`;
}

function toDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Cleans the feed-level facts; throws when a URL the feed needs is not absolute http(s). */
export function prepareMeta(meta: FeedMeta): PreparedMeta {
  const need = (value: string, name: string): string => {
    const url = httpUrl(value);
    if (!url) throw new Error(`feed ${name} must be an absolute http(s) URL`);
    return url;
  };
  const optional = (value: string | undefined, name: string) =>
    value === undefined ? undefined : need(value, name);
  const atom = optional(meta.selfUrls.atom, "selfUrls.atom");
  return {
    id: cleanText(meta.id) || atom || need(meta.selfUrls.rss, "selfUrls.rss"),
    title: cleanText(meta.title) || "casewire",
    description: cleanText(meta.description),
    homeUrl: need(meta.homeUrl, "homeUrl"),
    selfUrls: {
      rss: need(meta.selfUrls.rss, "selfUrls.rss"),
      atom,
      json: optional(meta.selfUrls.json, "selfUrls.json"),
    },
    updated: toDate(meta.updated) ?? new Date(0),
    ttlMinutes: Math.max(1, Math.round(Number.isFinite(meta.ttlMinutes) ? meta.ttlMinutes : 60)),
    language: cleanText(meta.language) || undefined,
  };
}

/** Cleans entries in order; entries without an http(s) link are left out (links must be http(s)). */
export function prepareEntries(homeUrl: string, entries: readonly FeedEntry[]): PreparedEntry[] {
  const authority = tagAuthority(homeUrl);
  const out: PreparedEntry[] = [];
  for (const e of entries) {
    const url = httpUrl(e.url);
    if (!url) continue;
    const published = toDate(e.publishedAt);
    const categories = [...new Set(e.categories.map(cleanText).filter((c) => c !== ""))];
    out.push({
      guid: e.guid !== undefined ? cleanText(e.guid) : tagId(authority, `article:${e.id}`),
      url,
      title: cleanText(e.title) || "(untitled)",
      summary: cleanText(e.summary),
      date: published ?? toDate(e.fetchedAt) ?? new Date(0),
      published,
      sourceName: cleanText(e.sourceName) || new URL(url).hostname,
      categories,
    });
  }
  return out;
}
