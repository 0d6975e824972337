/** Parses a fetched feed document (RSS, RDF, Atom or JSON Feed) into raw items, with clear errors otherwise. */

import { errorMessage } from "../domain/errors";
import type { ParsedFeed } from "../domain/types";
import { isJsonFeed, mapJsonFeed } from "./parse-json-feed";
import { parseXmlFeed, type XmlFeedKind } from "./parse-xml-feed";
import { type DocumentSniff, sniffDocument } from "./sniff-document";

/** Why a document could not be read as a feed. */
export type FeedParseFailure = "empty" | "html" | "json" | "not-a-feed" | "malformed";

/** A document that is not a readable feed; `reason` tells the kind, the message says it in words. */
export class FeedParseError extends Error {
  readonly reason: FeedParseFailure;

  constructor(reason: FeedParseFailure, message: string) {
    super(message);
    this.name = "FeedParseError";
    this.reason = reason;
  }
}

const ATOM_NAMESPACES = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"];
const RSS1_NAMESPACES = ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"];

/** Options for parseFeed. */
export interface ParseFeedOptions {
  /** The response's Content-Type, used to recognise JSON Feed. */
  contentType?: string;
}

/**
 * Parses feed text (already decoded) into a ParsedFeed: RSS 0.9x/1.0/2.0 and Atom via rss-parser (strict, then a
 * lenient retry recorded in `warnings`), JSON Feed 1.x natively. Throws FeedParseError for an empty document, an
 * HTML page, JSON that is no JSON Feed, an unknown root element or XML that even the lenient parser rejects.
 */
export async function parseFeed(text: string, opts: ParseFeedOptions = {}): Promise<ParsedFeed> {
  if (typeof text !== "string") throw new FeedParseError("empty", "not a feed: no text");
  const sniff = sniffDocument(text);
  const jsonType = /\bjson\b/i.test(opts.contentType ?? "");
  switch (sniff.kind) {
    case "empty":
      throw new FeedParseError("empty", "not a feed: the document is empty");
    case "json":
      return parseJson(text);
    case "html":
      throw new FeedParseError("html", "not a feed: got an HTML page");
    case "unknown":
      if (jsonType) return parseJson(text);
      throw new FeedParseError("not-a-feed", `not a feed: ${describeUnknown(text)}`);
    case "xml":
      return parseXml(text, sniff);
  }
}

function describeUnknown(text: string): string {
  if (text.slice(0, 512).includes("\u0000")) {
    return "contains NUL characters (UTF-16/32 or binary data decoded as UTF-8?)";
  }
  return "does not start with XML or JSON";
}

function parseJson(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (err) {
    throw new FeedParseError("json", `not a feed: invalid JSON (${errorMessage(err)})`);
  }
  if (!isJsonFeed(doc)) {
    throw new FeedParseError("json", "not a feed: JSON without a JSON Feed version or items");
  }
  return mapJsonFeed(doc);
}

/** Every prefix the document binds to one of `namespaces` (scanned over the whole text: it is cheap). */
function prefixesFor(text: string, namespaces: string[]): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (namespaces.includes(m[2]!.trim())) found.add(m[1]!);
  }
  return [...found];
}

/** Decides the feed family from the root element, and which namespace prefixes to strip from element names. */
function classifyRoot(
  sniff: DocumentSniff,
  text: string,
): { kind: XmlFeedKind; stripPrefixes: string[] } | null {
  const root = sniff.root ?? "";
  const lower = root.toLowerCase();
  if (lower === "rss") return { kind: "rss", stripPrefixes: [] };
  if (lower === "rdf:rdf") return { kind: "rdf", stripPrefixes: prefixesFor(text, RSS1_NAMESPACES) };
  const colon = root.indexOf(":");
  const local = colon > 0 ? root.slice(colon + 1) : lower;
  if (local === "feed") {
    const prefixes = prefixesFor(text, ATOM_NAMESPACES);
    if (colon <= 0 || prefixes.includes(root.slice(0, colon)))
      return { kind: "atom", stripPrefixes: prefixes };
  }
  return null;
}

async function parseXml(text: string, sniff: DocumentSniff): Promise<ParsedFeed> {
  const family = classifyRoot(sniff, text);
  if (!family) {
    if (sniff.htmlDoctype) throw new FeedParseError("html", "not a feed: got an HTML page");
    throw new FeedParseError(
      "not-a-feed",
      `not a feed: root element <${sniff.root}> is not RSS, RDF or Atom`,
    );
  }
  try {
    return await parseXmlFeed(text, family.kind, family.stripPrefixes);
  } catch (err) {
    throw new FeedParseError(
      "malformed",
      `not a feed: malformed XML (${errorMessage(err).split("\n", 1)[0]})`,
    );
  }
}
