import { describe, expect, it } from "vitest";
import { closeOpenElements, nestsDeeperThan } from "../../src/ingest/xml-structure";

describe("closeOpenElements", () => {
  it("leaves a complete document unchanged", () => {
    const doc =
      '<?xml version="1.0"?><!-- c --><rss><channel><item><title>a &amp; b</title><br/></item></channel></rss>';
    expect(closeOpenElements(doc)).toBe(doc);
  });

  it("closes open elements innermost first and drops a partial trailing tag", () => {
    expect(closeOpenElements("<rss><channel><item><title>x</title><li")).toBe(
      "<rss><channel><item><title>x</title></item></channel></rss>",
    );
    expect(closeOpenElements("<rss><channel><item><title>x</tit")).toBe(
      "<rss><channel><item><title>x</title></item></channel></rss>",
    );
  });

  it("closes an open CDATA section or comment first", () => {
    expect(closeOpenElements("<rss><d><![CDATA[<p>half")).toBe("<rss><d><![CDATA[<p>half]]></d></rss>");
    expect(closeOpenElements("<rss><!-- note")).toBe("<rss><!-- note--></rss>");
  });

  it("ignores stray close tags and tags inside CDATA", () => {
    expect(closeOpenElements("<a><b></c><![CDATA[<x>]]>")).toBe("<a><b></c><![CDATA[<x>]]></b></a>");
  });
});

describe("nestsDeeperThan", () => {
  it("counts element nesting, not CDATA, comments or self-closing tags", () => {
    expect(nestsDeeperThan("<a><b><c/></b></a>", 2)).toBe(false);
    expect(nestsDeeperThan("<a><b><c></c></b></a>", 2)).toBe(true);
    expect(nestsDeeperThan(`<a><![CDATA[${"<x>".repeat(50)}]]><!-- ${"<y>".repeat(50)} --></a>`, 3)).toBe(
      false,
    );
  });

  it("lets a close tag close unclosed children, as a lenient parser does", () => {
    const brs = `<rss><item><d>${"<br>".repeat(100)}</d></item><item><d>${"<br>".repeat(100)}</d></item></rss>`;
    expect(nestsDeeperThan(brs, 150)).toBe(false);
    expect(nestsDeeperThan(`<a>${"<b>".repeat(300)}`, 256)).toBe(true);
  });
});
