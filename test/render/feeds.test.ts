import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { entryGuid, tagUri } from "../../src/render/feed-prepare";
import type { FeedEntry } from "../../src/render/feed-types";
import { renderAtom, renderJsonFeed, renderRss } from "../../src/render/feeds";
import { ENTRIES, HOSTILE_TITLE_CLEAN, META } from "./feed-fixture";
import { expectGolden, FORBIDDEN_CHARS, outsideCdata, strictXmlElements } from "./render-helpers";

const parser = new Parser();
const SUMMARY_1_CLEAN =
  "Judge Chhabria's order </description><evil/> says &amp; more: the <b>LibGen</b> claims proceed.";
const TITLE_2 = "AT&amp;T &lt;b&gt; filing — “smart quotes” ]]]]> 🚀";

/** Checks shared by the XML formats: strict well-formedness, no live hostile markup, no forbidden chars. */
function expectSafeXml(xml: string): string[] {
  const elements = strictXmlElements(xml);
  for (const bad of ["script", "img", "evil"]) expect(elements).not.toContain(bad);
  expect(outsideCdata(xml)).not.toMatch(/<(script|img|evil)/i);
  expect(xml).not.toMatch(FORBIDDEN_CHARS);
  expect(xml).not.toContain("javascript:");
  expect(xml).not.toContain("Must never appear");
  return elements;
}

describe("renderRss", () => {
  const xml = renderRss(META, ENTRIES);

  it("matches the golden file", () => {
    expectGolden("all.rss", xml);
  });

  it("is well-formed RSS 2.0 with self link, ttl, lastBuildDate and no live hostile markup", () => {
    const elements = expectSafeXml(xml);
    expect(elements[0]).toBe("rss");
    expect(elements.filter((n) => n === "item")).toHaveLength(3);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain(
      '<atom:link href="https://casewire.example/feeds/all.rss" rel="self" type="application/rss+xml"/>',
    );
    expect(xml).toContain("<ttl>30</ttl>");
    expect(xml).toContain("<lastBuildDate>Mon, 02 Jun 2025 09:30:00 GMT</lastBuildDate>");
    expect(xml).toContain('<guid isPermaLink="false">tag:casewire.example,2025:article:101</guid>');
  });

  it("round-trips titles, links, guids, dates, categories and source through rss-parser", async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(META.title);
    expect(feed.feedUrl).toBe(META.selfUrls.rss);
    expect(feed.items.map((i) => i.title)).toEqual([
      HOSTILE_TITLE_CLEAN,
      TITLE_2,
      "Judge narrows claims in NYT v. OpenAI",
    ]);
    expect(feed.items.map((i) => i.link)).toEqual([
      "https://news.example/2025/06/01/meta-ruling?utm_source=x&ref=feed",
      "http://legal.example/story?id=7",
      "https://courts.example/nyt-v-openai",
    ]);
    expect(feed.items.map((i) => i.guid)).toEqual([101, 102, 104].map((id) => entryGuid(META.homeUrl, id)));
    // entry 102 has no publication date: the fetch date stands in.
    expect(feed.items.map((i) => i.isoDate)).toEqual([
      "2025-06-01T17:45:00.000Z",
      "2025-05-31T08:00:00.000Z",
      "2025-05-29T23:59:59.000Z",
    ]);
    expect(feed.items[0]!.categories).toEqual(["Kadrey v. Meta Platforms", "Bartz v. Anthropic"]);
    expect(feed.items.map((i) => i.creator)).toEqual(["Ars & Technica", "legal.example", "Courtroom Wire"]);
  });

  it("writes the summary as escaped text, so readers that render description as HTML show it verbatim", async () => {
    const feed = await parser.parseString(xml);
    const first = feed.items[0]!;
    expect(first.content).not.toContain("<");
    expect(first.content).toContain("&lt;b&gt;LibGen&lt;/b&gt;");
    expect(first.contentSnippet).toBe(SUMMARY_1_CLEAN);
    expect(feed.items[1]!.content).toBeUndefined();
  });

  it("renders a valid channel without items", () => {
    const empty = renderRss(META, []);
    expect(strictXmlElements(empty)).not.toContain("item");
    expect(empty).toContain("<ttl>30</ttl>");
  });

  it("refuses a feed whose own links are not http(s)", () => {
    expect(() => renderRss({ ...META, homeUrl: "javascript:alert(1)" }, ENTRIES)).toThrow(/homeUrl/);
  });
});

describe("renderAtom", () => {
  const xml = renderAtom(META, ENTRIES);

  it("matches the golden file", () => {
    expectGolden("all.atom", xml);
  });

  it("is well-formed Atom 1.0 with text constructs, self/alternate links, categories and authors", () => {
    const elements = expectSafeXml(xml);
    expect(elements[0]).toBe("feed");
    expect(elements.filter((n) => n === "entry")).toHaveLength(3);
    expect(elements.filter((n) => n === "published")).toHaveLength(2);
    expect(elements.filter((n) => n === "author")).toHaveLength(3);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain(`<id>${META.id}</id>`);
    expect(xml).toContain('<link href="https://casewire.example/feeds/all.atom" rel="self"');
    expect(xml).toContain('<link href="https://casewire.example/" rel="alternate" type="text/html"/>');
    expect(xml).toContain('<category term="Bartz v. Anthropic" label="Bartz v. Anthropic"/>');
    expect(xml).not.toContain('type="html"');
    expect(xml.match(/<title type="text">/g)).toHaveLength(4);
    expect(xml.match(/<summary type="text">/g)).toHaveLength(2);
  });

  it("round-trips titles, links, ids and dates through rss-parser", async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(META.title);
    expect(feed.items.map((i) => i.title)).toEqual([
      HOSTILE_TITLE_CLEAN,
      TITLE_2,
      "Judge narrows claims in NYT v. OpenAI",
    ]);
    expect(feed.items.map((i) => i.link)).toEqual([
      "https://news.example/2025/06/01/meta-ruling?utm_source=x&ref=feed",
      "http://legal.example/story?id=7",
      "https://courts.example/nyt-v-openai",
    ]);
    expect(feed.items.map((i) => i.id)).toEqual([101, 102, 104].map((id) => entryGuid(META.homeUrl, id)));
    expect(feed.items.map((i) => i.isoDate)).toEqual([
      "2025-06-01T17:45:00.000Z",
      "2025-05-31T08:00:00.000Z",
      "2025-05-29T23:59:59.000Z",
    ]);
    expect(feed.items[0]!.summary).toBe(SUMMARY_1_CLEAN);
    expect(feed.items.map((i) => i.author)).toEqual(["Ars & Technica", "legal.example", "Courtroom Wire"]);
  });
});

describe("renderJsonFeed", () => {
  const text = renderJsonFeed(META, ENTRIES);

  it("matches the golden file", () => {
    expectGolden("all.json", text);
  });

  it("is JSON Feed 1.1 with the required fields", () => {
    const feed = JSON.parse(text);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe(META.title);
    expect(feed.home_page_url).toBe(META.homeUrl);
    expect(feed.feed_url).toBe(META.selfUrls.json);
    expect(feed.language).toBe("en");
    expect(feed.items).toHaveLength(3);
    const [first, second] = feed.items;
    expect(first).toEqual({
      id: "tag:casewire.example,2025:article:101",
      url: "https://news.example/2025/06/01/meta-ruling?utm_source=x&ref=feed",
      title: HOSTILE_TITLE_CLEAN,
      content_text: SUMMARY_1_CLEAN,
      summary: SUMMARY_1_CLEAN,
      date_published: "2025-06-01T17:45:00.000Z",
      tags: ["Kadrey v. Meta Platforms", "Bartz v. Anthropic"],
      authors: [{ name: "Ars & Technica" }],
    });
    // No summary: content_text (required) falls back to the title; no tags key for no cases.
    expect(second.content_text).toBe(TITLE_2);
    expect(second).not.toHaveProperty("summary");
    expect(second).not.toHaveProperty("tags");
    for (const item of feed.items) expect(typeof item.id).toBe("string");
  });

  it("escapes markup-significant characters so no hostile text appears raw", () => {
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).not.toMatch(FORBIDDEN_CHARS);
    expect(text).not.toContain("javascript:");
  });

  it("keeps the required items array when there are no entries", () => {
    expect(JSON.parse(renderJsonFeed(META, [])).items).toEqual([]);
  });
});

describe("entry ids", () => {
  it("are tag URIs on the public host, independent of port and path", () => {
    expect(entryGuid("http://localhost:8787/", 7)).toBe("tag:localhost,2025:article:7");
    expect(entryGuid("https://CaseWire.Example/sub/", 7)).toBe("tag:casewire.example,2025:article:7");
    expect(entryGuid("http://[::1]:8787/", 7)).toBe("tag:localhost,2025:article:7");
  });
});

describe("entries with their own guid, in a feed served in one format", () => {
  const home = "https://casewire.example/digests";
  const self = "https://casewire.example/feeds/digests.rss";
  const meta = { ...META, id: "", homeUrl: home, selfUrls: { rss: self } };
  const entry = (guid: string): FeedEntry => ({
    guid,
    url: "https://casewire.example/digests/2026-W48",
    title: "Week 48",
    summary: "3 cases, 5 stories.",
    publishedAt: "2026-11-30T08:00:00.000Z",
    fetchedAt: "2026-11-30T08:00:00.000Z",
    sourceName: "casewire",
    categories: [],
  });
  const guid = tagUri(home, "digest:202648");

  it("use that guid verbatim in every format, article ids untouched", () => {
    expect(guid).toBe("tag:casewire.example,2025:digest:202648");
    const mixed = [entry(guid), { ...ENTRIES[0]!, guid: "tag:x.example,2025:other:1" }, ENTRIES[1]!];
    const rss = renderRss(meta, mixed);
    expect(rss).toContain(guid);
    expect(rss).toContain("tag:x.example,2025:other:1");
    expect(rss).toContain(entryGuid(home, ENTRIES[1]!.id!));
    expect(renderAtom(meta, [entry(guid)])).toContain(`<id>${guid}</id>`);
    expect(JSON.parse(renderJsonFeed(meta, [entry(guid)])).items[0].id).toBe(guid);
  });

  it("cleans a guid like any other text", () => {
    expect(renderRss(meta, [entry(`${guid}\u0001\ufffe`)])).toContain(`${guid}<`);
  });

  it("leave out the self links of the formats not given, and use the RSS URL as feed id", () => {
    const atom = renderAtom(meta, [entry(guid)]);
    expect(atom).not.toContain('rel="self"');
    expect(atom).toContain(`<id>${self}</id>`);
    expect(renderRss(meta, [entry(guid)])).toContain(`<atom:link href="${self}" rel="self"`);
    expect(JSON.parse(renderJsonFeed(meta, [])).feed_url).toBeUndefined();
    expect(() => renderRss({ ...meta, selfUrls: { rss: self, atom: "javascript:x" } }, [])).toThrow(
      /selfUrls\.atom/,
    );
  });
});
