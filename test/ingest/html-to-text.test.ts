import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html-to-text";

describe("htmlToText", () => {
  it("strips inline tags without inserting spaces, blocks become line breaks", () => {
    expect(htmlToText("<p>Hello <b>wor</b>ld</p><p>Second&nbsp;para</p>")).toBe("Hello world\nSecond para");
    expect(htmlToText("line one<br>line two<br/>line three")).toBe("line one\nline two\nline three");
    expect(htmlToText("<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>")).toBe(
      "a\nb\nx y",
    );
  });

  it("decodes entities exactly once", () => {
    expect(htmlToText("&amp;lt;script&amp;gt;")).toBe("&lt;script&gt;");
    expect(htmlToText("<b>x</b> &amp;amp; y")).toBe("x &amp; y");
    expect(htmlToText("Caf&eacute; &#8212; &#x2019;s")).toBe("Café — ’s");
  });

  it("drops script, style, comments and similar", () => {
    const html =
      "<div>keep<script>var a = '<p>no</p>';</script><style>p{color:red}</style><!-- hidden --><noscript>ns</noscript> me</div>";
    expect(htmlToText(html)).toBe("keep me");
    expect(htmlToText("<SCRIPT type=x>alert(1)</SCRIPT >ok")).toBe("ok");
    expect(htmlToText("a<script>never closed")).toBe("a");
    // an unclosed object/iframe drops only its tag, not the rest of the text
    expect(htmlToText("x<object data=a>y<object>z<iframe src=b>w")).toBe("xyzw");
    expect(htmlToText("<object>fallback</object> after")).toBe("after");
  });

  it("keeps CDATA text and tolerates broken markup", () => {
    expect(htmlToText("<![CDATA[<raw> & text]]>")).toBe("<raw> & text");
    expect(htmlToText("3 < 4 and 5 > 2")).toBe("3 < 4 and 5 > 2");
    expect(htmlToText("<a href=\"x>y\" title='a>b'>link</a> text")).toBe("link text");
    expect(htmlToText("unclosed <b")).toBe("unclosed");
    expect(htmlToText("<p>unterminated comment <!-- oops")).toBe("unterminated comment");
  });

  it("removes control characters and collapses whitespace", () => {
    expect(htmlToText("a\u0000b\u0008c   d\n\n\n e\u0085")).toBe("abc d\ne");
    expect(htmlToText("&#1;&#x7f;x")).toBe("x");
  });

  it("handles plain text and empty input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("just text")).toBe("just text");
    expect(htmlToText(undefined as unknown as string)).toBe("");
  });
});
