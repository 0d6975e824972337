/** JSON Feed 1.0/1.1 documents mapped to the shared ParsedFeed shape. */

import type { ParsedFeed, RawItem } from "../domain/types";

type Loose = Record<string, unknown>;

function isObject(v: unknown): v is Loose {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

/** True when a parsed JSON value declares itself a JSON Feed (version 1.x), or looks like one (an items array). */
export function isJsonFeed(doc: unknown): doc is Loose {
  if (!isObject(doc)) return false;
  const version = doc.version;
  if (
    typeof version === "string" &&
    /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/i.test(version.trim())
  ) {
    return true;
  }
  return Array.isArray(doc.items) && (typeof doc.title === "string" || typeof doc.home_page_url === "string");
}

function authorName(item: Loose): string | undefined {
  const authors = Array.isArray(item.authors) ? item.authors : [];
  for (const a of [...authors, item.author]) {
    if (isObject(a)) {
      const name = str(a.name);
      if (name) return name.trim();
    } else if (typeof a === "string" && a.trim()) {
      return a.trim();
    }
  }
  return undefined;
}

function mapItem(item: Loose): RawItem {
  const out: RawItem = {};
  const guid = str(item.id);
  if (guid) out.guid = guid.trim();
  const link = str(item.url) ?? str(item.external_url);
  if (link) out.link = link.trim();
  const title = str(item.title);
  if (title) out.title = title;
  const summary = str(item.summary);
  const html = str(item.content_html);
  const plain = str(item.content_text);
  const body = html && plain ? (html.length >= plain.length ? html : plain) : (html ?? plain);
  if (summary) out.description = summary;
  const content = body && summary ? (body.length >= summary.length ? body : summary) : (body ?? summary);
  if (content) out.content = content;
  const author = authorName(item);
  if (author) out.author = author;
  const date = str(item.date_published) ?? str(item.date_modified);
  if (date) out.date = date;
  return out;
}

/** Maps a JSON Feed object (see `isJsonFeed`) to a ParsedFeed; non-object items are skipped with a warning. */
export function mapJsonFeed(doc: Loose): ParsedFeed {
  const warnings: string[] = [];
  const rawItems = Array.isArray(doc.items) ? doc.items : [];
  const items: RawItem[] = [];
  let skipped = 0;
  for (const raw of rawItems) {
    if (isObject(raw)) items.push(mapItem(raw));
    else skipped++;
  }
  if (skipped) warnings.push(`skipped ${skipped} JSON Feed item(s) that were not objects`);
  if (!Array.isArray(doc.items)) warnings.push("JSON Feed has no items array");
  const feed: ParsedFeed = { items, warnings };
  const title = str(doc.title);
  if (title) feed.title = title;
  const link = str(doc.home_page_url);
  if (link) feed.link = link.trim();
  return feed;
}
