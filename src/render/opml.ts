/** OPML 2.0 subscription list of feeds (pure; feedsmith's generateOpml, see feeds.ts for the choice). */

import { generateOpml } from "feedsmith";
import { cleanText, escapeHtml, httpUrl } from "./feed-prepare";
import type { OpmlOutline } from "./feed-types";
import { inlineCdata } from "./feeds";

/** Renders an OPML 2.0 document with one `type="rss"` outline per feed; outlines without an http(s) xmlUrl are left out. */
export function renderOpml(
  title: string,
  outlines: readonly OpmlOutline[],
  dateCreated: string | Date,
): string {
  const created = new Date(dateCreated);
  const list = outlines.flatMap((o) => {
    const xmlUrl = httpUrl(o.xmlUrl);
    if (!xmlUrl) return [];
    const text = cleanText(o.title) || xmlUrl;
    return [{ text, title: text, type: "rss", xmlUrl, htmlUrl: httpUrl(o.htmlUrl) ?? undefined }];
  });
  const head = {
    title: cleanText(title) || "casewire",
    dateCreated: Number.isNaN(created.getTime()) ? undefined : created,
  };
  if (list.length === 0) {
    // feedsmith refuses a body without outlines; readers accept an empty list, so write it by hand.
    const date = head.dateCreated ? `<dateCreated>${head.dateCreated.toUTCString()}</dateCreated>` : "";
    return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>${escapeHtml(head.title)}</title>${date}</head><body/></opml>\n`;
  }
  return inlineCdata(generateOpml({ head, body: { outlines: list } }));
}
