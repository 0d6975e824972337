import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseItem } from "../../src/ingest/normalise";
import { parseHtmlList } from "../../src/ingest/parse-html-list";

const html = readFileSync(join(import.meta.dirname, "../fixtures/ingest/listing.html"), "utf8");
const pageUrl = "https://courtwatch.example.com/latest";
const selectors = { item: "li.card", link: ".card__title a", summary: ".card__dek", date: "time" };

describe("parseHtmlList", () => {
  it("reads one item per item element with title, resolved link, summary and date", () => {
    const feed = parseHtmlList(html, pageUrl, selectors);
    expect(feed.items).toHaveLength(4);
    expect(feed.title).toBe("Court Watch — Latest");
    const [first, second] = feed.items;
    expect(first?.link).toBe("https://courtwatch.example.com/news/2025/06/ruling-fair-use?utm_source=home");
    expect(first?.date).toBe("2025-06-25T14:30:00Z");
    expect(second?.link).toBe("https://elsewhere.example.org/story/2");
    expect(second?.date).toBe("July 1, 2025");
    expect(feed.warnings).toEqual(["1 listing item(s) without a link"]);
  });

  it("normalises listing items into clean text with one decoding pass", () => {
    const feed = parseHtmlList(html, pageUrl, selectors);
    const items = feed.items.map((raw) => normaliseItem(raw, { feedUrl: pageUrl }));
    expect(items[0]?.title).toBe("Judge rules training was “fair use” & more");
    expect(items[0]?.url).toBe("https://courtwatch.example.com/news/2025/06/ruling-fair-use");
    expect(items[0]?.summary).toBe("The court sided with the defendant on training, but not on piracy.");
    expect(items[0]?.publishedAt).toBe("2025-06-25T14:30:00.000Z");
    expect(items[1]?.publishedAt).toBe("2025-07-01T00:00:00.000Z");
    expect(items[2]).toBeNull(); // javascript: link
    expect(items[3]).toBeNull(); // no link
  });

  it("uses a separate title selector and the first link by default", () => {
    const feed = parseHtmlList(html, pageUrl, { item: "li.card", title: "h2", link: "" });
    expect(feed.items[1]?.title).toContain("Authors appeal class certification");
    expect(feed.items[1]?.link).toBe("https://elsewhere.example.org/story/2");
    expect(feed.items[3]?.title).toBe("No link in this card");
  });

  it("takes the item element itself as the link when it is one", () => {
    const feed = parseHtmlList(html, pageUrl, { item: "nav a", link: "" });
    expect(feed.items.map((i) => i.link)).toEqual([
      "https://courtwatch.example.com/",
      "https://courtwatch.example.com/about",
    ]);
    expect(feed.items.map((i) => i.title)).toEqual(["Home", "About"]);
  });

  it("fails clearly when the item selector matches nothing or is invalid", () => {
    expect(() => parseHtmlList(html, pageUrl, { item: "article.post", link: "a" })).toThrow(
      /item selector "article.post" matched nothing/,
    );
    expect(() => parseHtmlList(html, pageUrl, { item: "li[[", link: "a" })).toThrow(/invalid item selector/);
  });
});
