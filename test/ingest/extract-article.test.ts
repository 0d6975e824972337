import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract-article";
import { readJsonLdArticle } from "../../src/ingest/extract-json-ld";
import { chooseTitle, stripSiteSuffix } from "../../src/ingest/extract-title";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/extract/${name}`, import.meta.url), "utf8");

describe("extractArticle strategies", () => {
  it("uses a substantial JSON-LD articleBody inside @graph, decoding entities once, one paragraph per line", () => {
    const r = extractArticle(fixture("json-ld-graph.html"), "https://wire.example/law/fair-use-hearing");
    expect(r.method).toBe("json-ld");
    expect(r.title).toBe("Court hears fair use arguments in a model-training case");
    const paras = r.text.split("\n\n");
    expect(paras).toHaveLength(4);
    expect(paras[0]).toMatch(/^A federal judge heard more than three hours/);
    expect(r.text).toContain("training is transformative & that no output");
    expect(r.text).not.toContain("&amp;");
    expect(r.text).not.toContain("shortened teaser");
  });

  it("ignores a teaser-length JSON-LD body and invalid JSON-LD, falling back to <article>", () => {
    const r = extractArticle(fixture("json-ld-teaser.html"), "https://labels.example/news/1");
    expect(r.method).toBe("article");
    expect(r.title).toBe("Label group files amended complaint");
    expect(r.text).toContain("circumvented technical protection measures");
    expect(r.text).not.toContain("Short teaser only");
    expect(r.text.split("\n\n")).toHaveLength(4);
  });

  it("prefers the page's article over a mid-sized JSON-LD body that is clearly truncated", () => {
    const ldBody = "The opening paragraph of a paywalled story about the lawsuit. ".repeat(10);
    const para = (i: number) =>
      `<p>Paragraph ${i} of the full story on the page explains the ruling, the parties and the next steps.</p>`;
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      "@type": "NewsArticle",
      articleBody: ldBody,
    })}</script></head><body><article>${Array.from({ length: 30 }, (_, i) => para(i)).join("")}</article></body></html>`;
    const r = extractArticle(html, "https://x.example/");
    expect(ldBody.length).toBeGreaterThan(500);
    expect(r.method).toBe("article");
    expect(r.text).toContain("Paragraph 29 of the full story");
  });

  it("drops nav, header, footer, aside, ads, share bars, newsletter, forms, captions, hidden nodes and comments", () => {
    const r = extractArticle(
      fixture("article-boilerplate.html"),
      "https://legal.example/2025/archive-motion",
    );
    expect(r.method).toBe("article");
    expect(r.text).toBe(fixture("article-boilerplate.txt").trimEnd());
    expect(r.title).toBe("Publishers ask court to block use of archive in training");
  });

  it("falls back to the densest paragraph block on div soup", () => {
    const r = extractArticle(fixture("density.html"), "https://blog.example/2025/04/photographers");
    expect(r.method).toBe("density");
    expect(r.text).toBe(fixture("density.txt").trimEnd());
    expect(r.title).toBe("Appeals court revives photographers' claims");
  });

  it("keeps the main content when a layout wrapper has an ad-like class name", () => {
    const html = `<html><body><div class="page-ad-margins"><div class="l-sidebar-fixed">
      <p>${"The lawsuit over training data continues, and the parties filed new briefs. ".repeat(5)}</p>
      <p>${"A second paragraph of the story explains the judge's earlier order in detail. ".repeat(4)}</p>
      </div></div><div class="ad"><p>${"Buy now, limited offer for readers of this site, act today. ".repeat(3)}</p></div></body></html>`;
    const r = extractArticle(html, "https://x.example/");
    expect(r.text).toContain("The lawsuit over training data continues");
    expect(r.text).toContain("judge's earlier order");
    expect(r.text).not.toContain("Buy now");
  });

  it("collapses whitespace, decodes entities exactly once and separates paragraphs with blank lines", () => {
    const html = `<article><p>AT&amp;amp;T   and\n\t caf&eacute;&nbsp;owners&#8217; case</p>
      <p>${"Second paragraph with enough words to be counted as article text by the extractor. ".repeat(4)}</p></article>`;
    const r = extractArticle(html, "https://x.example/");
    const [first, second] = r.text.split("\n\n");
    expect(first).toBe("AT&amp;T and café owners’ case");
    expect(second).toMatch(/^Second paragraph with enough words/);
    expect(r.text).not.toMatch(/[ \t]{2,}|\n{3,}/);
  });
});

describe("extractArticle on junk input", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "   \n\t "],
    ["broken markup", "<<<>>></p></div><div<><"],
    ["binary", String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ["json", '{"articleBody": 1}'],
    ["empty body", "<html><head></head><body></body></html>"],
  ])("returns a result without throwing for %s", (_name, html) => {
    const r = extractArticle(html, "not a url");
    expect(["none", "density", "article", "json-ld"]).toContain(r.method);
    expect(typeof r.text).toBe("string");
    if (r.method === "none") expect(r.text).toBe("");
  });

  it("returns method none and no text for an empty page", () => {
    expect(extractArticle("", "https://x.example/")).toEqual({ title: null, text: "", method: "none" });
    expect(extractArticle("<html><body></body></html>", "")).toEqual({
      title: null,
      text: "",
      method: "none",
    });
  });

  it("survives non-string input and pathological nesting", () => {
    expect(extractArticle(null as unknown as string, undefined as unknown as string).method).toBe("none");
    const deep = `${"<div>".repeat(20000)}<p>deep text</p>${"</div>".repeat(20000)}`;
    const r = extractArticle(deep, "https://x.example/");
    expect(typeof r.text).toBe("string");
  });

  it("handles JSON-LD that is malformed, huge or oddly typed", () => {
    const weird = readJsonLdArticle([
      "",
      "not json",
      "null",
      '{"@type": 5}',
      `{"@graph": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
      '{"@type": "Article", "headline": ["a"], "articleBody": {"x": 1}}',
    ]);
    expect(weird.body).toBeNull();
    expect(weird.headline).toBe("a");
  });
});

describe("titles", () => {
  it("prefers og:title, strips a site-name suffix, keeps other separators", () => {
    expect(chooseTitle({ ogTitle: "Judge rules for authors | The Verge", siteName: "The Verge" })).toBe(
      "Judge rules for authors",
    );
    expect(chooseTitle({ ogTitle: "Judge rules - and authors win", siteName: "Example" })).toBe(
      "Judge rules - and authors win",
    );
    expect(stripSiteSuffix("Ruling due - Ars Technica", null, "https://arstechnica.com/tech-policy/x")).toBe(
      "Ruling due",
    );
    expect(stripSiteSuffix("heise online: KI-Urteil", null, "https://www.heise.de/news/x")).toBe(
      "heise online: KI-Urteil",
    );
  });

  it("uses the h1 when <title> confirms it, else <title>, and strips a short pipe tail from <title>", () => {
    expect(chooseTitle({ h1: "Suit filed", titleTag: "Suit filed | News | Example" })).toBe("Suit filed");
    expect(chooseTitle({ h1: "Site Logo", titleTag: "Authors sue model maker over books | Tech" })).toBe(
      "Authors sue model maker over books",
    );
    expect(chooseTitle({ jsonLdHeadline: "From JSON-LD", h1: "From h1", titleTag: "From title" })).toBe(
      "From JSON-LD",
    );
    expect(chooseTitle({})).toBeNull();
  });

  it("reads the JSON-LD headline with entities decoded once", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Authors&#8217; suit &amp;amp; more"}</script></head><body><p>x</p></body></html>`;
    expect(extractArticle(html, "https://x.example/").title).toBe("Authors’ suit &amp; more");
  });
});
