import { describe, expect, it } from "vitest";
import {
  collapseWhitespace,
  collapseWhitespaceKeepLines,
  decodeEntities,
  stripControlChars,
  truncateAtWord,
} from "../../src/domain/text";

describe("collapseWhitespace", () => {
  it("collapses every kind of whitespace and trims", () => {
    expect(collapseWhitespace("  a \n\t b\u00a0\u2003c\r\n ")).toBe("a b c");
    expect(collapseWhitespaceKeepLines(" a  b \n\n\n  c \n ")).toBe("a b\nc");
  });
});

describe("stripControlChars", () => {
  it("removes C0/C1 controls but keeps tab and newline", () => {
    expect(stripControlChars("a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th\ni")).toBe("abcdefg\th\ni");
    expect(stripControlChars("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("removes bidi embeddings, overrides and isolates, keeps the LRM/RLM marks", () => {
    // "invoice_\u202Etxt.exe" would display as "invoice_exe.txt"
    expect(stripControlChars("invoice_\u202etxt.exe")).toBe("invoice_txt.exe");
    expect(stripControlChars("a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i")).toBe("abcdefghi");
    expect(stripControlChars("\u05e9\u05dc\u05d5\u05dd\u200e (Ltd)\u200f")).toBe(
      "\u05e9\u05dc\u05d5\u05dd\u200e (Ltd)\u200f",
    );
    expect(stripControlChars("x\u2029y\u2065z\u206az")).toBe("x\u2029y\u2065z\u206az"); // neighbours untouched
  });

  it("removes lone surrogates and non-characters, keeps valid pairs", () => {
    expect(stripControlChars("x\ud800y\udc00z")).toBe("xyz");
    expect(stripControlChars("emoji 😀 ok")).toBe("emoji 😀 ok");
    expect(stripControlChars("a\ufffeb\uffffc")).toBe("abc");
  });
});

describe("truncateAtWord", () => {
  it("leaves short text alone", () => {
    expect(truncateAtWord("short text", 300)).toBe("short text");
  });

  it("cuts at a word boundary and appends an ellipsis within the limit", () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    const out = truncateAtWord(words, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith("…")).toBe(true);
    const body = out.slice(0, -1);
    expect(words.startsWith(body)).toBe(true);
    expect(words[body.length]).toBe(" "); // the cut fell between words
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(truncateAtWord("alpha beta, gamma delta", 13)).toBe("alpha beta…");
  });

  it("hard-cuts a single long token without splitting a surrogate pair", () => {
    expect(truncateAtWord("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
    const out = truncateAtWord(`${"a".repeat(8)}😀😀`, 10);
    expect(out).toBe(`${"a".repeat(8)}…`);
  });
});

describe("decodeEntities", () => {
  it("decodes named and numeric references exactly once", () => {
    expect(decodeEntities("x &amp;amp; y")).toBe("x &amp; y");
    expect(
      decodeEntities("&lt;b&gt; &quot;q&quot; &apos;a&apos; &#39;b&#39; &#x2019; &hellip; &eacute;&nbsp;!"),
    ).toBe("<b> \"q\" 'a' 'b' \u2019 \u2026 \u00e9\u00a0!");
  });

  it("maps windows-1252 references and rejects invalid code points", () => {
    expect(decodeEntities("&#150;&#8217;&#146;")).toBe("\u2013\u2019\u2019");
    expect(decodeEntities("&#0;&#xD800;&#x110000;")).toBe("\ufffd\ufffd\ufffd");
  });

  it("leaves unknown names and bare ampersands alone", () => {
    expect(decodeEntities("AT&T &bogus; &amp")).toBe("AT&T &bogus; &amp");
  });
});
