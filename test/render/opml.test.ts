import { describe, expect, it } from "vitest";
import { renderOpml } from "../../src/render/opml";
import { expectGolden, outsideCdata, strictXmlElements } from "./render-helpers";

const OUTLINES = [
  {
    title: "Kadrey v. Meta Platforms",
    xmlUrl: "https://casewire.example/feeds/cases/kadrey-v-meta.rss",
    htmlUrl: "https://casewire.example/cases/kadrey-v-meta",
  },
  {
    title: 'Authors <script>x</script> & "Guild" v. OpenAI\u0001',
    xmlUrl: "https://casewire.example/feeds/cases/authors-guild-v-openai.rss?limit=50&filter=a",
    htmlUrl: "https://casewire.example/cases/authors-guild-v-openai",
  },
  { title: "Bad link", xmlUrl: "javascript:alert(1)", htmlUrl: "https://casewire.example/" },
];

describe("renderOpml", () => {
  const xml = renderOpml("casewire case feeds", OUTLINES, "2025-06-02T09:30:00Z");

  it("matches the golden file", () => {
    expectGolden("cases.opml", xml);
  });

  it("is well-formed OPML 2.0 with one rss outline per http(s) feed", () => {
    const elements = strictXmlElements(xml);
    expect(elements.slice(0, 2)).toEqual(["opml", "head"]);
    expect(elements.filter((n) => n === "outline")).toHaveLength(2);
    expect(elements).not.toContain("script");
    expect(outsideCdata(xml)).not.toMatch(/<script/i);
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain("<dateCreated>Mon, 02 Jun 2025 09:30:00 GMT</dateCreated>");
    expect(xml).toContain(
      '<outline text="Kadrey v. Meta Platforms" type="rss" xmlUrl="https://casewire.example/feeds/cases/kadrey-v-meta.rss" htmlUrl="https://casewire.example/cases/kadrey-v-meta" title="Kadrey v. Meta Platforms"/>',
    );
    expect(xml).toContain(
      'xmlUrl="https://casewire.example/feeds/cases/authors-guild-v-openai.rss?limit=50&amp;filter=a"',
    );
    expect(xml).toContain('text="Authors &lt;script&gt;x&lt;/script&gt; &amp; &quot;Guild&quot; v. OpenAI"');
    expect(xml).not.toContain("javascript:");
    expect(xml).not.toContain("\u0001");
  });

  it("writes a well-formed document with an empty body when there are no feeds", () => {
    const empty = renderOpml("none <yet>", [], new Date("2025-06-02T09:30:00Z"));
    expect(strictXmlElements(empty)).toEqual(["opml", "head", "title", "dateCreated", "body"]);
    expect(empty).toContain("<title>none &lt;yet&gt;</title>");
  });
});
