/** parseFeed on text constructs holding raw inline markup: text must come out in document order. */
import { describe, expect, it } from "vitest";
import type { RawItem } from "../../src/domain/types";
import { normaliseItem } from "../../src/ingest/normalise";
import { parseFeed } from "../../src/ingest/parse-feed";

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const SUNO = "UMG v. Suno: <em>labels</em> and AI music startup talk licensing";
const SUNO_TEXT = "UMG v. Suno: labels and AI music startup talk licensing";

const atomFeed = (entries: string, feedTitle = "<title>Wire</title>") =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">${feedTitle}${entries}</feed>`;

const sunoEntry = `<entry><id>urn:suno</id><link href="https://wire.example/suno"/>
  <title type="xhtml"><div ${XHTML}>${SUNO}</div></title>
  <summary type="xhtml"><div ${XHTML}>${SUNO}</div></summary>
  <content type="xhtml"><div ${XHTML}><p>${SUNO}</p><p>More <a href="/x">here</a>.</p></div></content></entry>`;

const plainEntry = `<entry><id>urn:plain</id><link href="https://wire.example/plain"/>
  <title type="text">Less &lt;than&gt; x &amp; y</title><summary type="html">&lt;p&gt;Sum &amp;amp; more&lt;/p&gt;</summary>
  <content type="html"><![CDATA[<p>Body <b>bold</b> tail</p>]]></content></entry>`;

const normalise = (raw: RawItem | undefined) =>
  normaliseItem(raw!, { feedUrl: "https://wire.example/feed" })!;

describe("parseFeed: Atom type=xhtml text constructs", () => {
  it("keeps title, summary and content in document order", async () => {
    const feed = await parseFeed(atomFeed(sunoEntry));
    expect(feed.warnings).toEqual([]);
    const [entry] = feed.items;
    expect(entry?.title).toBe(SUNO);
    expect(entry?.description).toBe(SUNO);
    expect(entry?.content).toBe(`<p>${SUNO}</p><p>More <a href="/x">here</a>.</p>`);
    const n = normalise(entry);
    expect(n.title).toBe(SUNO_TEXT);
    expect(n.summary).toBe(SUNO_TEXT);
    expect(n.contentText).toBe(`${SUNO_TEXT}\nMore here.`);
  });

  it("reads a prefixed xhtml namespace (<xhtml:div>, <xhtml:em>) and a feed-level xhtml title", async () => {
    const feed = await parseFeed(
      atomFeed(
        `<entry><id>1</id><title type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">UMG v. Suno: <xhtml:em>labels</xhtml:em> and AI music startup talk licensing</xhtml:div></title></entry>`,
        `<title type="xhtml"><div ${XHTML}>The <b>AI</b> wire</div></title>`,
      ),
    );
    expect(feed.title).toBe("The <b>AI</b> wire");
    expect(feed.items[0]?.title).toBe(SUNO);
  });

  it("keeps nested inline elements in order, in an Atom feed with prefixed Atom elements", async () => {
    const feed = await parseFeed(`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title>
      <a:entry><a:id>1</a:id><a:title type="xhtml"><div ${XHTML}>Getty <b>sues <i>Stability</i> again</b> in <span>Delaware <em>court</em></span> today</div></a:title></a:entry></a:feed>`);
    expect(feed.items[0]?.title).toBe(
      "Getty <b>sues <i>Stability</i> again</b> in <span>Delaware <em>court</em></span> today",
    );
    expect(normalise({ ...feed.items[0], link: "https://p.example/1" }).title).toBe(
      "Getty sues Stability again in Delaware court today",
    );
  });

  it("leaves an entry without inline markup exactly as before, next to one with it", async () => {
    const alone = await parseFeed(atomFeed(plainEntry));
    const mixed = await parseFeed(atomFeed(sunoEntry + plainEntry));
    const expected: RawItem = {
      title: "Less &lt;than&gt; x &amp; y",
      link: "https://wire.example/plain",
      guid: "urn:plain",
      description: "<p>Sum &amp; more</p>",
      content: "<p>Body <b>bold</b> tail</p>",
    };
    expect(alone.items).toEqual([expected]);
    expect(mixed.items[1]).toEqual(expected);
    expect(normalise(mixed.items[1]).title).toBe("Less <than> x & y");
  });
});

describe("parseFeed: raw XHTML in RSS fields", () => {
  it("description and content:encoded with namespaced XHTML keep their text in order", async () => {
    const feed =
      await parseFeed(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>R</title>
      <item><title>Raw <b>bold</b> title</title><link>https://r.example/1</link>
        <description>Teaser: <em xmlns="http://www.w3.org/1999/xhtml">labels</em> and startups</description>
        <content:encoded><x:p xmlns:x="http://www.w3.org/1999/xhtml">AT&amp;T <x:b>v.</x:b> Suno<x:br/>settles</x:p></content:encoded></item>
    </channel></rss>`);
    const [item] = feed.items;
    expect(item?.title).toBe("Raw <b>bold</b> title");
    expect(item?.description).toBe("Teaser: <em>labels</em> and startups");
    expect(item?.content).toBe("<p>AT&T <b>v.</b> Suno<br />settles</p>");
    expect(normalise(item).summary).toBe("Teaser: labels and startups");
  });
});

describe("parseFeed: the lenient retry sees the same text", () => {
  it("a bare & elsewhere in the feed gives the same xhtml entries, with the lenient warning", async () => {
    const strict = await parseFeed(atomFeed(sunoEntry + plainEntry));
    const lenient = await parseFeed(atomFeed(sunoEntry + plainEntry, "<title>Wire & co</title>"));
    expect(lenient.warnings).toEqual([expect.stringMatching(/^recovered with lenient XML parsing/)]);
    expect(lenient.items).toEqual(strict.items);
  });

  it("a feed cut short keeps the complete xhtml entry in order", async () => {
    const full = atomFeed(
      `${sunoEntry}<entry><id>2</id><title type="xhtml"><div ${XHTML}>half <b>way</b></div></title></entry>`,
    );
    const feed = await parseFeed(full.slice(0, full.indexOf("way") + 3));
    expect(feed.warnings).toContain("the document was cut short; open elements were closed");
    expect(feed.items[0]?.title).toBe(SUNO);
  });
});
