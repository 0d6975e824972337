/** Reads an HTML listing page into raw items with CSS selectors (cheerio/slim); cheerio types stay inside. */

import { load } from "cheerio/slim";
import { errorMessage } from "../domain/errors";
import type { ListSelectors, ParsedFeed, RawItem } from "../domain/types";

/** The page's `<base href>` resolved against its URL, else the page URL. */
function documentBase(href: string | undefined, pageUrl: string): string {
  if (!href) return pageUrl;
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return pageUrl;
  }
}

function resolve(href: string | undefined, base: string): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}

/**
 * One RawItem per element matching `selectors.item`: title (inner HTML of `selectors.title`, else of the link),
 * link (href of `selectors.link`, else the first `a[href]`, resolved against `<base href>` / the page URL),
 * optional summary (inner HTML) and date (`datetime`/`content` attribute, else text). Title and summary stay
 * HTML so normalisation decodes entities exactly once. Throws when the item selector matches nothing or a
 * selector is invalid.
 */
export function parseHtmlList(html: string, pageUrl: string, selectors: ListSelectors): ParsedFeed {
  const $ = load(html);
  const base = documentBase($("base[href]").first().attr("href"), pageUrl);
  let nodes: ReturnType<typeof $>;
  try {
    nodes = $(selectors.item);
  } catch (err) {
    throw new Error(`invalid item selector "${selectors.item}": ${errorMessage(err)}`);
  }
  if (nodes.length === 0) {
    throw new Error(`not a listing: item selector "${selectors.item}" matched nothing on ${pageUrl}`);
  }
  const items: RawItem[] = [];
  const warnings: string[] = [];
  try {
    nodes.each((_, node) => {
      const el = $(node);
      const linkSelector = selectors.link?.trim() || "a[href]";
      const found = el.find(linkSelector).first();
      const linkEl = found.length === 0 && el.is(linkSelector) ? el : found;
      const titleEl = selectors.title ? el.find(selectors.title).first() : linkEl;
      const item: RawItem = {};
      const title = titleEl.html()?.trim();
      if (title) item.title = title;
      const link = resolve(linkEl.attr("href"), base);
      if (link) item.link = link;
      if (selectors.summary) {
        const summary = el.find(selectors.summary).first().html()?.trim();
        if (summary) item.description = summary;
      }
      if (selectors.date) {
        const dateEl = el.find(selectors.date).first();
        const date = (dateEl.attr("datetime") ?? dateEl.attr("content") ?? dateEl.text()).trim();
        if (date) item.date = date;
      }
      items.push(item);
    });
  } catch (err) {
    throw new Error(`invalid selector in listing selectors: ${errorMessage(err)}`);
  }
  const missingLinks = items.filter((i) => !i.link).length;
  if (missingLinks) warnings.push(`${missingLinks} listing item(s) without a link`);
  const feed: ParsedFeed = { items, warnings };
  const pageTitle = $("title").first().text().trim();
  if (pageTitle) feed.title = pageTitle;
  feed.link = pageUrl;
  return feed;
}
