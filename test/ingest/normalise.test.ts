import { describe, expect, it } from "vitest";
import type { RawItem } from "../../src/domain/types";
import { normaliseItem } from "../../src/ingest/normalise";

const ctx = { feedUrl: "http://old.example.com/feed.xml", finalUrl: "https://news.example.com/rss/all.xml" };

describe("normaliseItem", () => {
  it("drops an item whose only link is javascript:", () => {
    expect(normaliseItem({ title: "x", link: "javascript:alert(1)" }, ctx)).toBeNull();
    expect(normaliseItem({ title: "x", link: "data:text/html,hi", guid: "not-a-url-42" }, ctx)).toBeNull();
    expect(normaliseItem({ title: "no link at all" }, ctx)).toBeNull();
  });

  it("falls back to an http(s) guid when the link is unusable", () => {
    const item = normaliseItem(
      { title: "x", link: "javascript:void(0)", guid: "https://news.example.com/p/9" },
      ctx,
    );
    expect(item?.url).toBe("https://news.example.com/p/9");
    expect(item?.guid).toBe("https://news.example.com/p/9");
  });

  it("resolves a relative link against the final (redirected) URL, not the configured one", () => {
    const item = normaliseItem({ title: "Relative", link: "../story/1?utm_source=rss#c" }, ctx);
    expect(item?.url).toBe("https://news.example.com/story/1");
    expect(item?.urlKey).toBe("news.example.com/story/1");
    const noFinal = normaliseItem(
      { title: "Relative", link: "/story/1" },
      { feedUrl: "https://a.example.org/feed" },
    );
    expect(noFinal?.url).toBe("https://a.example.org/story/1");
  });

  it("resolves against xml:base when the item carries one (itself relative to the document)", () => {
    expect(
      normaliseItem({ title: "t", link: "entry/2", base: "https://blog.example.net/2024/" }, ctx)?.url,
    ).toBe("https://blog.example.net/2024/entry/2");
    expect(normaliseItem({ title: "t", link: "entry/2", base: "/archive/" }, ctx)?.url).toBe(
      "https://news.example.com/archive/entry/2",
    );
  });

  it("turns a title with markup into text, decoding entities exactly once", () => {
    const item = normaliseItem({ title: "<b>x</b> &amp;amp; y", link: "https://e.com/1" }, ctx);
    expect(item?.title).toBe("x &amp; y");
  });

  it("removes control characters and collapses whitespace in title, author and guid", () => {
    const item = normaliseItem(
      {
        title: "  Bad\u0000 \u0007title\n\n  here\u0085 ",
        author: " <i>Jane</i>\u0001 Doe ",
        guid: " g\u0000-1 ",
        link: "https://e.com/1",
      },
      ctx,
    );
    expect(item?.title).toBe("Bad title here");
    expect(item?.author).toBe("Jane Doe");
    expect(item?.guid).toBe("g-1");
  });

  it("makes a plain-text summary of at most 300 characters cut at a word", () => {
    const words = Array.from({ length: 120 }, (_, i) => `w${i}`).join(" ");
    const item = normaliseItem({ title: "t", link: "https://e.com/1", description: `<p>${words}</p>` }, ctx);
    expect(item!.summary.length).toBeLessThanOrEqual(300);
    expect(item!.summary.endsWith("…")).toBe(true);
    const body = item!.summary.slice(0, -1);
    expect(words.startsWith(body)).toBe(true);
    expect(words[body.length]).toBe(" ");
  });

  it("uses the longest body for contentText and the description for the summary", () => {
    const raw: RawItem = {
      title: "t",
      link: "https://e.com/1",
      description: "Short <em>teaser</em>.",
      content: "<p>Full text paragraph one.</p><p>Paragraph two &amp; more.</p><script>x()</script>",
    };
    const item = normaliseItem(raw, ctx)!;
    expect(item.summary).toBe("Short teaser.");
    expect(item.contentText).toBe("Full text paragraph one.\nParagraph two & more.");
    const noDescription = normaliseItem({ ...raw, description: undefined }, ctx)!;
    expect(noDescription.summary).toBe("Full text paragraph one. Paragraph two & more.");
  });

  it("names untitled items from the summary, else (untitled)", () => {
    const fromSummary = normaliseItem(
      {
        link: "https://e.com/1",
        description: "A court in California heard arguments today in the authors' case against the lab.",
      },
      ctx,
    )!;
    expect(fromSummary.title.startsWith("A court in California")).toBe(true);
    expect(fromSummary.title.length).toBeLessThanOrEqual(80);
    const untitled = normaliseItem({ link: "https://e.com/2", title: "<img src=x>" }, ctx)!;
    expect(untitled.title).toBe("(untitled)");
    expect(untitled.titleKey).toBe("u:e.com/2");
  });

  it("parses dates to UTC and keeps the item when the date is unusable", () => {
    expect(
      normaliseItem({ title: "t", link: "https://e.com/1", date: " Fri, 05 Jan 2024 10:00:00 EST " }, ctx)
        ?.publishedAt,
    ).toBe("2024-01-05T15:00:00.000Z");
    const bad = normaliseItem({ title: "t", link: "https://e.com/1", date: "not a date" }, ctx);
    expect(bad).not.toBeNull();
    expect(bad?.publishedAt).toBeNull();
  });

  it("gives the same keys to the same story under another URL with tracking", () => {
    const title = "Authors win class certification against Anthropic over pirated books";
    const a = normaliseItem({ title, link: "https://www.example.com/a?id=1&utm_source=x#top" }, ctx)!;
    const b = normaliseItem(
      { title: `${title.toUpperCase()} `, link: "https://www.example.com/a?id=1&fbclid=y" },
      ctx,
    )!;
    const c = normaliseItem({ title, link: "https://syndicator.example.org/copy/77" }, ctx)!;
    expect(b.urlKey).toBe(a.urlKey);
    expect(c.urlKey).not.toBe(a.urlKey);
    expect(c.titleKey).toBe(a.titleKey);
    expect(a.guid).toBeNull();
    expect(a.author).toBeNull();
  });
});
