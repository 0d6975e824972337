import { describe, expect, it } from "vitest";
import { escapeInlineMarkup } from "../../src/ingest/escape-inline-markup";

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const atom = (xml: string, prefixes: string[] = []) => escapeInlineMarkup(xml, { atom: true, prefixes });
const rss = (xml: string) => escapeInlineMarkup(xml, { atom: false });

describe("escapeInlineMarkup: Atom text constructs", () => {
  it("turns type=xhtml content into escaped HTML in document order, without the wrapper div", () => {
    expect(
      atom(
        `<entry><title type="xhtml"><div ${XHTML}>UMG v. Suno: <em>labels</em> and AI music startup talk licensing</div></title></entry>`,
      ),
    ).toBe(
      '<entry><title type="html">UMG v. Suno: &lt;em&gt;labels&lt;/em&gt; and AI music startup talk licensing</title></entry>',
    );
  });

  it("drops namespace prefixes of the xhtml elements and their xmlns declarations", () => {
    const xml = `<title type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">a <xhtml:b>b</xhtml:b> c</xhtml:div></title>`;
    expect(atom(xml)).toBe('<title type="html">a &lt;b&gt;b&lt;/b&gt; c</title>');
  });

  it("keeps nested inline elements, attributes (quoted `>` included) and text escapes as written", () => {
    const xml = `<summary xml:lang="en" type="xhtml" xml:base="/b/"><div ${XHTML}><p>1 &lt; 2 <a title="x>y" href="/p?a=1&amp;b=2"><b>bold <i>it</i></b> tail</a> end</p></div></summary>`;
    expect(atom(xml)).toBe(
      '<summary xml:lang="en" type="html" xml:base="/b/">' +
        '&lt;p&gt;1 &amp;lt; 2 &lt;a title="x&gt;y" href="/p?a=1&amp;amp;b=2"&gt;&lt;b&gt;bold &lt;i&gt;it&lt;/i&gt;&lt;/b&gt; tail&lt;/a&gt; end&lt;/p&gt;' +
        "</summary>",
    );
  });

  it("escapes CDATA inside xhtml, drops comments, closes non-void empty elements, keeps void ones", () => {
    const xml = `<content type="xhtml"><div ${XHTML}>a<!-- note --><![CDATA[<raw> & ]]><span/><br/>b</div></content>`;
    expect(atom(xml)).toBe(
      '<content type="html">a&amp;lt;raw&amp;gt; &amp;amp; &lt;span&gt;&lt;/span&gt;&lt;br /&gt;b</content>',
    );
  });

  it("keeps the wrapper div when there is text or a second element beside it", () => {
    expect(atom(`<title type="xhtml">x <div ${XHTML}>y</div></title>`)).toBe(
      '<title type="html">x &lt;div&gt;y&lt;/div&gt;</title>',
    );
  });

  it("reads fields bound to the Atom prefix, and only those", () => {
    const xml = `<atom:title type="xhtml"><div ${XHTML}>a <b>b</b></div></atom:title><media:title><b>m</b></media:title>`;
    expect(atom(xml, ["atom"])).toBe(
      '<atom:title type="html">a &lt;b&gt;b&lt;/b&gt;</atom:title><media:title><b>m</b></media:title>',
    );
  });

  it("treats type=html text as HTML source and makes type=text with children HTML", () => {
    expect(atom('<content type="html"><div>Example &lt;b&gt;Atom&lt;/b&gt;</div></content>')).toBe(
      '<content type="html">&lt;div&gt;Example &lt;b&gt;Atom&lt;/b&gt;&lt;/div&gt;</content>',
    );
    expect(atom("<title type='text'>a &lt;b <i>c</i></title>")).toBe(
      '<title type="html">a &amp;lt;b &lt;i&gt;c&lt;/i&gt;</title>',
    );
  });
});

describe("escapeInlineMarkup: RSS fields", () => {
  it("treats description and content:encoded text as HTML source, raw XHTML elements as markup", () => {
    const xml = `<item><description>AT&amp;T <p xmlns="http://www.w3.org/1999/xhtml">x<br>y</p></description><content:encoded><h:p xmlns:h="http://www.w3.org/1999/xhtml">b</h:p></content:encoded></item>`;
    expect(rss(xml)).toBe(
      "<item><description>AT&amp;T &lt;p&gt;x&lt;br&gt;y&lt;/p&gt;</description><content:encoded>&lt;p&gt;b&lt;/p&gt;</content:encoded></item>",
    );
  });
});

describe("escapeInlineMarkup: what it leaves alone", () => {
  it("returns a document without inline markup unchanged (text, escaped HTML, CDATA, empty and other elements)", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss><rss><channel><title>A &amp; B</title><item><title>t</title>
      <description>&lt;p&gt;x&lt;/p&gt;</description><content:encoded><![CDATA[<p>y</p>]]></content:encoded>
      <media:content url="u"><media:title>m</media:title></media:content><content/></item></channel></rss>`;
    expect(rss(xml)).toBe(xml);
    expect(atom(xml)).toBe(xml);
  });

  it("leaves unbalanced or unclosed fields byte for byte and goes on with the next ones", () => {
    const broken = "<entry><title>a <b>x</i> c</title></entry>";
    expect(atom(broken)).toBe(broken);
    const unclosed = "<entry><title>a <b>x</b></entry><entry><title>b <b>y</b></title></entry>";
    expect(atom(unclosed)).toBe(
      "<entry><title>a <b>x</b></entry><entry><title>b &lt;b&gt;y&lt;/b&gt;</title></entry>",
    );
    const badTag = '<entry><title>a <b title="x<y">z</b></title></entry>';
    expect(atom(badTag)).toBe(badTag);
  });

  it("does not mistake markup inside comments or CDATA for a field", () => {
    const xml = "<rss><!-- <title>a <b>b</b></title> --><x><![CDATA[<title>c <b>d</b></title>]]></x></rss>";
    expect(rss(xml)).toBe(xml);
  });
});
