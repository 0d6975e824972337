/**
 * RSS 0.9x/1.0/2.0 and Atom through rss-parser's `parseString`, strict first and lenient only after a strict
 * failure; rss-parser's types never leave this module.
 */

import Parser from "rss-parser";
import { errorMessage } from "../domain/errors";
import type { ParsedFeed, RawItem } from "../domain/types";
import { escapeInlineMarkup } from "./escape-inline-markup";
import { closeOpenElements, nestsDeeperThan } from "./xml-structure";
import { createTreeGuard, type TreeGuardState } from "./xml-tree-guard";

type Loose = Record<string, unknown>;

/** Deepest element nesting accepted; real feeds stay far below (HTML pasted unescaped included). */
const MAX_DEPTH = 256;

/** Which family the document's root element belongs to. */
export type XmlFeedKind = "rss" | "rdf" | "atom";

/** Custom item fields: raw values rss-parser would otherwise drop or reinterpret. */
const ITEM_FIELDS = [
  ["published", "cwPublished"],
  ["updated", "cwUpdated"],
  ["issued", "cwIssued"],
  ["modified", "cwModified"],
  ["created", "cwCreated"],
  ["dcterms:modified", "cwDcModified"],
  ["link", "cwLinks", { keepArray: true }],
  ["feedburner:origLink", "cwOrigLink"],
  ["pheedo:origLink", "cwOrigLink"],
  ["cwBase", "cwBase"],
] as const;

/** Custom feed fields: every raw link, so the Atom alternate link can be chosen like an entry's. */
const FEED_FIELDS = [["link", "cwLinks", { keepArray: true }]] as const;

/** Lower-cased names (lenient mode) mapped back to the spelling rss-parser looks for. */
const CANONICAL_NAMES: Record<string, string> = {
  pubdate: "pubDate",
  lastbuilddate: "lastBuildDate",
  managingeditor: "managingEditor",
  webmaster: "webMaster",
  skiphours: "skipHours",
  skipdays: "skipDays",
  "rdf:rdf": "rdf:RDF",
  "feedburner:origlink": "feedburner:origLink",
  "pheedo:origlink": "pheedo:origLink",
};

interface ParseAttempt {
  output: Loose;
  state: TreeGuardState;
}

async function runParser(xml: string, lenient: boolean, stripPrefixes: string[]): Promise<ParseAttempt> {
  const guard = createTreeGuard();
  const tagProcessors: ((name: string) => string)[] = [];
  if (lenient)
    tagProcessors.push(
      (name) => name.toLowerCase(),
      (name) => CANONICAL_NAMES[name] ?? name,
    );
  if (stripPrefixes.length) {
    const prefixes = new Set(stripPrefixes.map((p) => (lenient ? p.toLowerCase() : p)));
    tagProcessors.push((name) => {
      const colon = name.indexOf(":");
      return colon > 0 && prefixes.has(name.slice(0, colon)) ? name.slice(colon + 1) : name;
    });
  }
  const xml2js: Loose = { validator: guard.validator };
  if (tagProcessors.length) xml2js.tagNameProcessors = tagProcessors;
  if (lenient) {
    xml2js.strict = false;
    xml2js.attrNameProcessors = [(name: string) => name.toLowerCase()];
  }
  const options = { defaultRSS: 2, xml2js, customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS } };
  const parser = new Parser<Loose, Loose>(options as unknown as Parser.ParserOptions<Loose, Loose>);
  const output = (await parser.parseString(xml)) as unknown as Loose;
  return { output, state: guard.state };
}

/**
 * Parses an XML feed document. `stripPrefixes` lists namespace prefixes to drop from element names (prefixes
 * bound to the Atom or RSS 1.0 namespace). Throws the strict error when the lenient retry fails too.
 */
export async function parseXmlFeed(
  xml: string,
  kind: XmlFeedKind,
  stripPrefixes: string[] = [],
): Promise<ParsedFeed> {
  // the tree guard sees every element with its full path, so very deep nesting would cost quadratic time
  if (nestsDeeperThan(xml, MAX_DEPTH)) throw new Error(`elements nested deeper than ${MAX_DEPTH} levels`);
  const warnings: string[] = [];
  // inline markup in text constructs becomes escaped HTML first, so the parser keeps its text in order
  const markup = { atom: kind === "atom", prefixes: stripPrefixes };
  let attempt: ParseAttempt;
  try {
    attempt = await runParser(escapeInlineMarkup(xml, markup), false, stripPrefixes);
  } catch (strictErr) {
    const firstTag = xml.indexOf("<");
    const trimmed = firstTag > 0 ? xml.slice(firstTag) : xml;
    const repaired = closeOpenElements(trimmed);
    try {
      attempt = await runParser(escapeInlineMarkup(repaired, markup), true, stripPrefixes);
    } catch {
      throw strictErr;
    }
    warnings.push(`recovered with lenient XML parsing after: ${firstLine(errorMessage(strictErr))}`);
    if (repaired !== trimmed) warnings.push("the document was cut short; open elements were closed");
  }
  const { output, state } = attempt;
  const feedBase = joinBase(state.channelBase, state.rootBase);
  const rawItems = Array.isArray(output.items) ? (output.items as unknown[]) : [];
  const items: RawItem[] = [];
  for (const raw of rawItems) {
    if (raw && typeof raw === "object") items.push(mapItem(raw as Loose, kind, feedBase));
  }
  const feed: ParsedFeed = { items, warnings };
  const title = text(output.title);
  if (title) feed.title = title;
  const link = (kind === "atom" ? pickAtomLink(output.cwLinks) : undefined) ?? linkOf(output.link);
  if (link) feed.link = link;
  return feed;
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0]!.trim();
}

/** Resolves a relative xml:base against its parent's when the parent is absolute; else keeps the most specific. */
function joinBase(child: string | undefined, parent: string | undefined): string | undefined {
  if (child === undefined) return parent;
  if (parent === undefined) return child;
  try {
    return new URL(child, parent).href;
  } catch {
    return child;
  }
}

/** Text content of an xml2js value: strings, `{_: text}` nodes, first array element, or nested element text. */
function text(v: unknown, depth = 0): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (depth > 20 || v === null || typeof v !== "object") return undefined;
  if (Array.isArray(v)) return v.length ? text(v[0], depth + 1) : undefined;
  const node = v as Loose;
  const parts: string[] = [];
  if (typeof node._ === "string") {
    if (Object.keys(node).every((k) => k === "_" || k === "$")) return node._;
    parts.push(node._); // mixed content: xml2js keeps the text apart from child elements
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "$" || key === "_") continue;
    const values = Array.isArray(child) ? child : [child];
    for (const c of values) {
      const t = text(c, depth + 1);
      if (t) parts.push(t);
    }
  }
  return parts.length ? parts.join(" ") : undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== "" ? s : undefined;
}

/** A link value: text, or an element's `href` attribute. */
function linkOf(v: unknown): string | undefined {
  const node = Array.isArray(v) ? v[0] : v;
  if (node && typeof node === "object") {
    const href = (node as Loose).$ && ((node as Loose).$ as Loose).href;
    if (typeof href === "string" && href.trim()) return href.trim();
  }
  return nonEmpty(text(node))?.trim();
}

/** The best Atom link: rel=alternate (or no rel), preferring HTML types; else the first link with an href. */
function pickAtomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  let fallback: string | undefined;
  let alternate: string | undefined;
  for (const l of links) {
    const a = l && typeof l === "object" ? ((l as Loose).$ as Loose | undefined) : undefined;
    const href = typeof a?.href === "string" ? a.href.trim() : "";
    if (!href) continue;
    fallback ??= href;
    const rel = typeof a?.rel === "string" ? a.rel.trim().toLowerCase() : "alternate";
    if (rel !== "alternate") continue;
    const type = typeof a?.type === "string" ? a.type.toLowerCase() : "";
    if (!type || type.includes("html")) return href;
    alternate ??= href;
  }
  return alternate ?? fallback;
}

function longest(...values: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const v of values)
    if (v !== undefined && v.trim() !== "" && (best === undefined || v.length > best.length)) best = v;
  return best;
}

function mapItem(item: Loose, kind: XmlFeedKind, feedBase: string | undefined): RawItem {
  const out: RawItem = {};
  const title = nonEmpty(text(item.title));
  if (title !== undefined) out.title = title;

  const origLink = linkOf(item.cwOrigLink);
  const link =
    (origLink && /^https?:\/\//i.test(origLink) ? origLink : undefined) ??
    (kind === "atom" ? pickAtomLink(item.cwLinks) : undefined) ??
    linkOf(item.link) ??
    linkOf(item.cwLinks) ??
    (kind === "rdf" ? linkOf(item["rdf:about"]) : undefined);
  if (link !== undefined) out.link = link;

  const guid = nonEmpty(text(kind === "atom" ? item.id : (item.guid ?? item["rdf:about"])))?.trim();
  if (guid !== undefined) out.guid = guid;

  let description: string | undefined;
  let body: string | undefined;
  if (kind === "atom") {
    description = nonEmpty(text(item.summary));
    body = nonEmpty(text(item.content));
  } else {
    description = nonEmpty(text(item.content)) ?? nonEmpty(text(item.summary));
    body = nonEmpty(text(item["content:encoded"]));
  }
  if (description !== undefined) out.description = description;
  const content = longest(body, description);
  if (content !== undefined) out.content = content;

  const author =
    kind === "atom"
      ? nonEmpty(text(item.author))
      : (nonEmpty(text(item.creator)) ?? nonEmpty(text(item.author)));
  if (author !== undefined) out.author = author.trim();

  const dateCandidates =
    kind === "atom"
      ? [item.cwPublished, item.cwIssued, item.cwUpdated, item.cwModified, item.cwCreated, item.date]
      : [item.pubDate, item.date, item.cwPublished, item.cwIssued, item.cwUpdated, item.cwDcModified];
  for (const d of dateCandidates) {
    const raw = nonEmpty(text(d));
    if (raw !== undefined) {
      out.date = raw;
      break;
    }
  }

  const base = joinBase(nonEmpty(text(item.cwBase)), feedBase);
  if (base !== undefined) out.base = base;
  return out;
}
