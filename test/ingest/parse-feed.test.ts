import { describe, expect, it } from "vitest";
import { normaliseItem } from "../../src/ingest/normalise";
import { FeedParseError, parseFeed } from "../../src/ingest/parse-feed";
import { corpusText } from "../helpers/feed-corpora";

const rss = (items: string, extra = "") => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"${extra}>
<channel><title>Wire</title><link>https://wire.example.com/</link>
${items}
</channel></rss>`;

const item = (n: number, extra = "") =>
  `<item><title>Story ${n}</title><link>https://wire.example.com/s/${n}</link><guid>id-${n}</guid><pubDate>Fri, 05 Jan 2024 10:0${n}:00 GMT</pubDate>${extra}</item>`;

async function expectFailure(text: string, reason: string, message: RegExp, contentType?: string) {
  const err = await parseFeed(text, { contentType }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FeedParseError);
  expect((err as FeedParseError).reason).toBe(reason);
  expect((err as Error).message).toMatch(message);
}

describe("parseFeed: RSS and Atom mapping", () => {
  it("reads RSS 2.0 fields as raw strings", async () => {
    const feed = await parseFeed(
      rss(
        item(
          1,
          "<description>Short &lt;b&gt;teaser&lt;/b&gt;</description><content:encoded><![CDATA[<p>Long body text here</p>]]></content:encoded><dc:creator>Jane Roe</dc:creator>",
        ),
      ),
    );
    expect(feed.title).toBe("Wire");
    expect(feed.link).toBe("https://wire.example.com/");
    expect(feed.warnings).toEqual([]);
    expect(feed.items).toEqual([
      {
        title: "Story 1",
        link: "https://wire.example.com/s/1",
        guid: "id-1",
        date: "Fri, 05 Jan 2024 10:01:00 GMT",
        description: "Short <b>teaser</b>",
        content: "<p>Long body text here</p>",
        author: "Jane Roe",
      },
    ]);
  });

  it("reads Atom: alternate link preferred, published before updated, raw dates", async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <link rel="self" href="https://a.example/feed.atom"/><link href="https://a.example/"/>
      <entry><id>urn:1</id><title type="text">Less &lt;than&gt; x</title>
        <link rel="edit" href="https://a.example/edit/1"/><link rel="alternate" type="text/html" href="https://a.example/1"/>
        <updated>2024-01-06T00:00:00Z</updated><published> 2024-01-05T10:00:00+01:00 </published>
        <author><name>Ann</name></author><summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body text</p></div></content></entry>
    </feed>`);
    expect(feed.link).toBe("https://a.example/");
    const [entry] = feed.items;
    expect(entry?.link).toBe("https://a.example/1");
    expect(entry?.guid).toBe("urn:1");
    expect(entry?.date).toBe(" 2024-01-05T10:00:00+01:00 ");
    expect(entry?.author).toBe("Ann");
    expect(entry?.description).toBe("<p>Sum</p>");
    expect(entry?.content).toContain("Body text");
    // type="text" stays text: the HTML-to-text pass must give "<than>" back
    expect(normaliseItem(entry!, { feedUrl: "https://a.example/feed.atom" })?.title).toBe("Less <than> x");
  });

  it("reads RSS 1.0 (RDF) and an <rss> without version", async () => {
    const rdf =
      await parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-01-05T10:00:00Z</dc:date></item>
    </rdf:RDF>`);
    expect(rdf.items).toMatchObject([
      {
        title: "One",
        link: "https://r.example/1",
        guid: "https://r.example/1",
        date: "2024-01-05T10:00:00Z",
      },
    ]);
    const noVersion = await parseFeed(
      "<rss><channel><title>T</title><item><title>x</title><link>https://e.com/x</link></item></channel></rss>",
    );
    expect(noVersion.items).toHaveLength(1);
  });

  it("strips namespace prefixes bound to Atom", async () => {
    const feed = await parseFeed(`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title>
      <a:entry><a:id>x</a:id><a:title>Prefixed</a:title><a:link href="https://p.example/1"/></a:entry></a:feed>`);
    expect(feed.items).toMatchObject([{ title: "Prefixed", link: "https://p.example/1", guid: "x" }]);
  });

  it("records xml:base (feed and entry level) so relative links resolve", async () => {
    const feed =
      await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/blog/">
      <entry xml:base="2024/"><id>1</id><title>Rel</title><link href="post-1"/></entry>
      <entry><id>2</id><title>Rel2</title><link href="/top"/></entry></feed>`);
    expect(feed.items.map((i) => i.base)).toEqual([
      "https://base.example/blog/2024/",
      "https://base.example/blog/",
    ]);
    const urls = feed.items.map((raw) => normaliseItem(raw, { feedUrl: "https://other.example/feed" })?.url);
    expect(urls).toEqual(["https://base.example/blog/2024/post-1", "https://base.example/top"]);
  });

  it("prefers feedburner:origLink over the proxy link", async () => {
    const feed = await parseFeed(
      rss(
        `<item><title>t</title><link>http://feedproxy.google.com/~r/x/1</link><feedburner:origLink>https://real.example/1</feedburner:origLink></item>`,
        ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"',
      ),
    );
    expect(feed.items[0]?.link).toBe("https://real.example/1");
  });
});

describe("parseFeed: lenient retry", () => {
  it("a feed with one bare & still yields all its items, with a warning", async () => {
    const feed = await parseFeed(
      rss(
        `${item(1)}<item><title>AT&T sues</title><link>https://wire.example.com/s/2?a=1&b=2</link></item>${item(3)}`,
      ),
    );
    expect(feed.items.map((i) => i.title)).toEqual(["Story 1", "AT&T sues", "Story 3"]);
    expect(feed.items[1]?.link).toBe("https://wire.example.com/s/2?a=1&b=2");
    expect(feed.items[0]?.date).toBe("Fri, 05 Jan 2024 10:01:00 GMT");
    expect(feed.warnings).toEqual([expect.stringMatching(/^recovered with lenient XML parsing after: /)]);
  });

  it("node-feedparser's saxerror.xml: all three items", async () => {
    const feed = await parseFeed(corpusText("node-feedparser/test/feeds/saxerror.xml"));
    expect(feed.items.map((i) => i.title)).toEqual(["Good Item", "Bad Item", "Item After Error"]);
    expect(feed.warnings).toHaveLength(1);
  });

  it("an entity declared in a DOCTYPE does not lose the feed", async () => {
    const feed = await parseFeed(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY copy2 "(c)">]>
      <rss version="2.0"><channel><title>T &copy2;</title>${item(1)}${item(2)}</channel></rss>`);
    expect(feed.items).toHaveLength(2);
    expect(feed.warnings).toHaveLength(1);
  });

  it("a feed cut off mid-item keeps the complete items", async () => {
    const full = rss(`${item(1)}${item(2)}${item(3)}`);
    const cut = full.slice(0, full.indexOf("Story 3") - 20);
    const feed = await parseFeed(cut);
    expect(feed.items.slice(0, 2).map((i) => i.title)).toEqual(["Story 1", "Story 2"]);
    expect(feed.warnings).toContain("the document was cut short; open elements were closed");
  });

  it("a stray or trailing '<' is recovered", async () => {
    const stray = await parseFeed(`<rss version="2.0"><channel><title>x</title>${item(1)}</channel><</rss>`);
    expect(stray.items).toHaveLength(1);
    const trailing = await parseFeed(
      `<rss version="2.0"><channel><title>x</title>${item(1)}</channel></rss><`,
    );
    expect(trailing.items).toHaveLength(1);
  });

  it("strict success adds no warning and lenient output keeps camelCase fields", async () => {
    const lenient = await parseFeed(
      rss(
        `${item(1)}<item><title>x & y</title><link>https://e.com/2</link><pubDate>Sat, 06 Jan 2024 00:00:00 GMT</pubDate></item>`,
      ),
    );
    expect(lenient.items[1]?.date).toBe("Sat, 06 Jan 2024 00:00:00 GMT");
    expect((await parseFeed(rss(item(1)))).warnings).toEqual([]);
  });
});

describe("parseFeed: bad Atom dates never lose the feed", () => {
  const atom = (dates: string[]) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title>${dates
      .map(
        (d, i) =>
          `<entry><id>e${i}</id><title>Entry ${i}</title><link href="https://d.example/${i}"/><published>${d}</published><updated>${d}</updated></entry>`,
      )
      .join("")}</feed>`;

  it("keeps every entry and its raw date; normalisation parses what it can", async () => {
    const feed = await parseFeed(
      atom(["2024-01-05T10:00:00Z", "not a date", "  2024-01-07T10:00:00Z \n", "2024-02-30T10:00:00Z"]),
    );
    expect(feed.items.map((i) => i.title)).toEqual(["Entry 0", "Entry 1", "Entry 2", "Entry 3"]);
    expect(feed.warnings).toEqual([]);
    const dates = feed.items.map(
      (raw) => normaliseItem(raw, { feedUrl: "https://d.example/feed" })?.publishedAt,
    );
    expect(dates).toEqual(["2024-01-05T10:00:00.000Z", null, "2024-01-07T10:00:00.000Z", null]);
  });

  it("feedvalidator's published_bad_day.xml parses (rss-parser 3.13.0 rejected it)", async () => {
    const feed = await parseFeed(corpusText("feedvalidator/testcases/atom/3.3/published_bad_day.xml"));
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.date).toBe("2003-07-32T15:51:30-05:00");
  });
});

describe("parseFeed: JSON Feed", () => {
  it("maps JSON Feed 1.1 items", async () => {
    const doc = {
      version: "https://jsonfeed.org/version/1.1",
      title: "J",
      home_page_url: "https://j.example/",
      items: [
        {
          id: 1,
          url: "https://j.example/1",
          title: "One",
          content_html: "<p>Body</p>",
          summary: "Sum",
          date_published: "2024-01-05T10:00:00Z",
          authors: [{ name: "Ann" }],
        },
        {
          id: "2",
          external_url: "https://elsewhere.example/2",
          content_text: "Text only",
          date_modified: "2024-01-06T10:00:00Z",
          author: { name: "Bob" },
        },
        "junk",
      ],
    };
    const feed = await parseFeed(JSON.stringify(doc), { contentType: "application/feed+json" });
    expect(feed.title).toBe("J");
    expect(feed.link).toBe("https://j.example/");
    expect(feed.items).toEqual([
      {
        guid: "1",
        link: "https://j.example/1",
        title: "One",
        description: "Sum",
        content: "<p>Body</p>",
        author: "Ann",
        date: "2024-01-05T10:00:00Z",
      },
      {
        guid: "2",
        link: "https://elsewhere.example/2",
        content: "Text only",
        author: "Bob",
        date: "2024-01-06T10:00:00Z",
      },
    ]);
    expect(feed.warnings).toEqual(["skipped 1 JSON Feed item(s) that were not objects"]);
  });

  it("rejects JSON that is not a JSON Feed, and broken JSON", async () => {
    await expectFailure('{"hello": "world"}', "json", /not a feed: JSON without a JSON Feed version/);
    await expectFailure(
      '{"version": "https://jsonfeed.org/version/1", "items": [',
      "json",
      /not a feed: invalid JSON/,
    );
  });
});

describe("parseFeed: clear errors", () => {
  it("an HTML page", async () => {
    await expectFailure(
      "<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>",
      "html",
      /^not a feed: got an HTML page$/,
    );
    await expectFailure("\n\n<html lang=en><body><p>moved</p></body></html>", "html", /got an HTML page/);
    await expectFailure(corpusText("node-feedparser/test/feeds/notafeed.html"), "html", /got an HTML page/);
    await expectFailure(corpusText("rss-parser/test/input/unrecognized.rss"), "html", /got an HTML page/);
  });

  it("an HTML doctype in front of a real RSS root is still a feed", async () => {
    const feed = await parseFeed(
      `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><rss version="2.0"><channel><title>found</title></channel></rss>`,
    );
    expect(feed.title).toBe("found");
  });

  it("empty, garbage, unknown roots and unrecoverable XML", async () => {
    await expectFailure("", "empty", /empty/);
    await expectFailure("  \n\ufeff ", "empty", /empty/);
    await expectFailure("hello world, no markup at all", "not-a-feed", /does not start with XML or JSON/);
    await expectFailure("\u001f\u008b\u0008\u0000\u0000\u0000binary", "not-a-feed", /NUL characters/);
    await expectFailure(
      "<?xml version='1.0'?><note><to>x</to></note>",
      "not-a-feed",
      /root element <note> is not RSS, RDF or Atom/,
    );
    const deep = `<rss version="2.0"><channel><item><description>${"<a>".repeat(5000)}</description></item></channel></rss>`;
    await expectFailure(
      deep,
      "malformed",
      /not a feed: malformed XML \(elements nested deeper than 256 levels\)/,
    );
  });
});
