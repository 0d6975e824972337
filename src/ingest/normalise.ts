/** Turns one untrusted RawItem into a NormalisedItem: plain text, canonical http(s) URL, parsed date, dedupe keys. */

import { parseFeedDate } from "../domain/dates";
import { canonicalUrl, hostOf, titleFingerprint, urlKey } from "../domain/identity";
import { collapseWhitespace, stripControlChars, truncateAtWord } from "../domain/text";
import type { NormalisedItem, RawItem } from "../domain/types";
import { htmlToText } from "./html-to-text";

/** Where the item came from; used to resolve relative links and scope short-title fingerprints. */
export interface NormaliseContext {
  /** The feed URL as configured. */
  feedUrl: string;
  /** The URL the feed was finally served from, after redirects. */
  finalUrl?: string;
  /** Host of the source, used to scope fingerprints of short titles. */
  sourceHost?: string;
}

/** Maximum length of the summary we produce. */
const SUMMARY_MAX = 300;
const TITLE_MAX = 400;
const UNTITLED_MAX = 80;
const AUTHOR_MAX = 200;
const GUID_MAX = 2000;

/** Single-line plain text of an HTML-or-text field. */
function lineText(s: string | undefined): string {
  return s ? collapseWhitespace(htmlToText(s)) : "";
}

/** Converting a prefix is enough when it already gives comfortably more text than the summary keeps. */
const SUMMARY_PREFIX = 4096;

/** Single-line text for the summary, converting only a prefix of long HTML when that suffices. */
function summaryText(html: string | undefined): string {
  if (!html) return "";
  if (html.length > SUMMARY_PREFIX * 2) {
    const prefix = lineText(html.slice(0, SUMMARY_PREFIX));
    if (prefix.length > SUMMARY_MAX + 50) return prefix;
  }
  return lineText(html);
}

function cleanString(s: string | undefined, max: number): string | null {
  if (typeof s !== "string") return null;
  const v = collapseWhitespace(stripControlChars(s));
  return v === "" ? null : v.slice(0, max);
}

/** The base that relative links resolve against: the item's xml:base (itself resolved) or the document URL. */
function baseFor(raw: RawItem, ctx: NormaliseContext): string | undefined {
  const doc = ctx.finalUrl ?? ctx.feedUrl;
  if (raw.base === undefined) return doc;
  try {
    return new URL(raw.base.trim(), doc).href;
  } catch {
    return doc;
  }
}

function resolveLink(raw: RawItem, ctx: NormaliseContext): string | null {
  const base = baseFor(raw, ctx);
  const link = typeof raw.link === "string" ? stripControlChars(raw.link).trim() : "";
  const fromLink = link ? canonicalUrl(link, base) : null;
  if (fromLink) return fromLink;
  const guid = typeof raw.guid === "string" ? stripControlChars(raw.guid).trim() : "";
  return /^https?:\/\//i.test(guid) ? canonicalUrl(guid) : null;
}

function longer(a: string | undefined, b: string | undefined): string {
  const x = typeof a === "string" ? a : "";
  const y = typeof b === "string" ? b : "";
  return x.length >= y.length ? x : y;
}

/**
 * Normalises one raw item, or returns null when it has no usable http(s) link (neither the link, resolved
 * against xml:base / the final URL / the feed URL, nor an http(s) guid); the caller counts it as skipped.
 */
export function normaliseItem(raw: RawItem, ctx: NormaliseContext): NormalisedItem | null {
  const url = resolveLink(raw, ctx);
  if (url === null) return null;

  const bodyHtml = longer(raw.content, raw.description);
  const contentText = htmlToText(bodyHtml);
  let summary = raw.description === bodyHtml ? collapseWhitespace(contentText) : summaryText(raw.description);
  if (summary === "") summary = collapseWhitespace(contentText);
  summary = truncateAtWord(summary, SUMMARY_MAX);

  let title = truncateAtWord(lineText(raw.title), TITLE_MAX);
  let untitled = false;
  if (title === "") {
    title = truncateAtWord(summary.replace(/…$/, ""), UNTITLED_MAX);
    if (title === "") {
      title = "(untitled)";
      untitled = true;
    }
  }

  const key = urlKey(url);
  const fingerprint = untitled ? "" : titleFingerprint(title, ctx.sourceHost ?? hostOf(url));
  return {
    url,
    guid: cleanString(raw.guid, GUID_MAX),
    title,
    summary,
    contentText,
    author: raw.author ? cleanString(lineText(raw.author), AUTHOR_MAX) : null,
    publishedAt: parseFeedDate(raw.date),
    urlKey: key,
    titleKey: fingerprint === "" ? `u:${key}` : fingerprint,
  };
}
