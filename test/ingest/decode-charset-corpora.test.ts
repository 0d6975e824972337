import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBody } from "../../src/ingest/decode-charset";

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const read = (rel: string) => new Uint8Array(readFileSync(CORPORA + rel));

interface FeedparserCase {
  path: string;
  served_over_http: boolean;
  http_headers: string[];
  description: string;
  expect_python_expr: string;
}

/**
 * Cases where we deliberately differ from the upstream expectation, with the reason. The test asserts
 * that exactly these fail, so a fix or a regression both show up.
 */
const KNOWN_DIVERGENCES: Record<string, string> = {
  // No declaration at all: upstream guesses with chardet; we fall back to windows-1252 as specified.
  "tests/illformed/chardet/big5.xml": "chardet guess",
  "tests/illformed/chardet/eucjp.xml": "chardet guess",
  "tests/illformed/chardet/euckr.xml": "chardet guess",
  "tests/illformed/chardet/gb2312.xml": "chardet guess",
  "tests/illformed/chardet/koi8r.xml": "chardet guess",
  "tests/illformed/chardet/shiftjis.xml": "chardet guess",
  "tests/illformed/chardet/tis620.xml": "chardet guess",
  "tests/illformed/chardet/windows1255.xml": "chardet guess",
  // Declared UTF-8 with two valid sequences and one stray byte: we keep UTF-8 (one U+FFFD), upstream
  // re-decodes everything as windows-1252 (mojibake).
  "tests/encoding/bozo_linenoise.xml": "mostly-UTF-8 kept as UTF-8",
};

/** Expectations that concern XML entity handling (parser level), not bytes-to-text decoding. */
const PARSER_LEVEL = new Set([
  "tests/encoding/demoronize-2.xml",
  "tests/encoding/demoronize-3.xml",
  "tests/encoding/double-encoded-html.xml",
  "tests/encoding/bozo_double-encoded-html.xml",
]);

/** Reads a Python single-quoted string literal body (\\xNN, \\uNNNN, \\', \\\\). */
function pythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, esc: string) =>
    esc.length > 1 ? String.fromCharCode(Number.parseInt(esc.slice(1), 16)) : esc,
  );
}

/** Decodes with an explicitly named charset, independently of decodeBody's detection. */
function reference(bytes: Uint8Array, label: string): string {
  const l = label.toLowerCase();
  const withoutBom = (s: string) => s.replace(/^\uFEFF/, "");
  if (l.startsWith("utf-32")) return withoutBom(iconv.decode(bytes, l));
  if (["us-ascii", "iso-8859-1", "windows-1252"].includes(l))
    return withoutBom(iconv.decode(bytes, "cp1252"));
  return withoutBom(new TextDecoder(l).decode(bytes));
}

/** Unescapes the markup entities a feed uses around an expected literal. */
function unescapeMarkup(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Returns the reasons a feedparser case fails (empty when it passes). */
function checkFeedparserCase(c: FeedparserCase): string[] {
  const bytes = read(`feedparser/${c.path}`);
  const header = c.served_over_http ? c.http_headers.find((h) => /^content-type:/i.test(h)) : undefined;
  const contentType = header?.slice(header.indexOf(":") + 1).trim();
  const { text, charset } = decodeBody(bytes, contentType);
  const failures: string[] = [];
  if (!text.includes(c.description)) failures.push(`description not found (decoded as ${charset})`);
  const enc = /encoding == '([^']+)'/.exec(c.expect_python_expr)?.[1];
  if (enc && text !== reference(bytes, enc)) failures.push(`expected ${enc}, decoded as ${charset}`);
  if (!PARSER_LEVEL.has(c.path)) {
    for (const m of c.expect_python_expr.matchAll(/(?:entries|feed)\[[^=]*?==\s*'((?:[^'\\]|\\.)*)'/g)) {
      const literal = pythonString(m[1]!);
      if (!unescapeMarkup(text).includes(literal)) failures.push(`missing ${JSON.stringify(literal)}`);
    }
  }
  return failures;
}

const feedparserCases = readFileSync(`${CORPORA}feedparser/EXPECTATIONS.jsonl`, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as FeedparserCase)
  .filter((c) => c.path.startsWith("tests/encoding/") || c.path.startsWith("tests/illformed/chardet/"));

describe("feedparser encoding corpus", () => {
  it("has the encoding cases on disk", () => {
    expect(feedparserCases.length).toBe(90);
    expect(feedparserCases.every((c) => existsSync(`${CORPORA}feedparser/${c.path}`))).toBe(true);
  });

  it("passes every case except the documented divergences", () => {
    const failed: Record<string, string[]> = {};
    for (const c of feedparserCases) {
      const reasons = checkFeedparserCase(c);
      if (reasons.length > 0) failed[c.path] = reasons;
    }
    expect(Object.keys(failed).sort()).toEqual(Object.keys(KNOWN_DIVERGENCES).sort());
    const passed = feedparserCases.length - Object.keys(failed).length;
    expect(passed).toBe(81);
  });

  it("falls back to windows-1252 (never throws) for undeclared CJK and Cyrillic", () => {
    for (const name of ["big5", "eucjp", "koi8r", "shiftjis"]) {
      expect(decodeBody(read(`feedparser/tests/illformed/chardet/${name}.xml`)).charset).toBe("windows-1252");
    }
  });
});

const MINIFLUX = "miniflux-v2/internal/reader/";

describe("miniflux encoding corpus", () => {
  const cafe: Array<[string, string | undefined]> = [
    ["encoding/testdata/utf8.xml", "text/xml; charset=UTF-8"],
    ["encoding/testdata/utf8.xml", undefined],
    ["encoding/testdata/iso-8859-1.xml", "text/xml; charset=ISO-8859-1"],
    ["encoding/testdata/iso-8859-1.xml", "text/html; charset=ISO-8859-1"],
    ["encoding/testdata/iso-8859-1.xml", ""],
    ["encoding/testdata/invalid-prolog.xml", "text/xml; charset=invalid"],
    ["encoding/testdata/invalid-prolog.xml", undefined],
    ["encoding/testdata/utf8-incorrect-prolog.xml", "text/xml; charset=ISO-8859-1"],
    ["encoding/testdata/utf8-incorrect-prolog.xml", undefined],
    ["encoding/testdata/utf8.html", "text/html; charset=UTF-8"],
    ["encoding/testdata/utf8.html", "text/html"],
    ["encoding/testdata/iso-8859-1-meta-after-1024.html", "text/html"],
    ["encoding/testdata/utf8-meta-after-1024.html", "text/html"],
  ];
  it.each(cafe)("%s with Content-Type %s contains Café", (file, contentType) => {
    const { text } = decodeBody(read(MINIFLUX + file), contentType);
    expect(text).toContain("Café");
    expect(text).not.toContain("\uFFFD");
  });

  it.each([
    ["encoding/testdata/windows-1252.xml", "text/xml; charset=windows-1252"],
    ["encoding/testdata/windows-1252.xml", undefined],
    ["encoding/testdata/windows-1252-incorrect-prolog.xml", "text/xml; charset=windows-1252"],
    ["encoding/testdata/windows-1252-incorrect-prolog.xml", undefined],
  ])("%s with Content-Type %s contains Euro €", (file, contentType) => {
    expect(decodeBody(read(MINIFLUX + file), contentType).text).toContain("Euro €");
  });

  it.each(["encoding/testdata/koi8r.xml", "xml/testdata/koi8r.xml"])("%s decodes KOI8-R Cyrillic", (file) => {
    const { text, charset } = decodeBody(read(MINIFLUX + file));
    expect(charset).toBe("koi8-r");
    expect(text).toContain("Пример RSS ленты");
    expect(text).toContain("Привет мир! Ёжик");
  });

  it("decodes the ISO-8859-1 XML decoder case", () => {
    const { text } = decodeBody(read(`${MINIFLUX}xml/testdata/iso88591.xml`));
    expect(text).toContain("<to>Anaïs</to>");
    expect(text).toContain("<from>Jürgen</from>");
  });

  it("recovers Latin-1 bytes mislabelled UTF-8 instead of dropping them (upstream expects Anas/Jrgen)", () => {
    const { text, charset } = decodeBody(read(`${MINIFLUX}xml/testdata/iso88591_utf8_mismatch.xml`));
    expect(charset).toBe("windows-1252");
    expect(text).toContain("<to>Anaïs</to>");
  });

  it.each([
    ["encoding_ISO-8859-1.xml", "windows-1252"],
    ["encoding_WINDOWS-1251.xml", "windows-1251"],
    ["no_encoding_ISO-8859-1.xml", "windows-1252"],
    ["urdu_UTF8.xml", "utf-8"],
    ["rdf_UTF8.xml", "utf-8"],
    ["large_atom.xml", "utf-8"],
  ])("parser benchmark feed %s decodes as %s without replacement characters", (file, charset) => {
    const decoded = decodeBody(read(`${MINIFLUX}parser/testdata/${file}`));
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).not.toContain("\uFFFD");
  });
});

describe("node-feedparser corpus", () => {
  it("transcodes iconv.xml from windows-1251 declared in the prolog", () => {
    const { text, charset } = decodeBody(read("node-feedparser/test/feeds/iconv.xml"));
    expect(charset).toBe("windows-1251");
    expect(text).toContain("<title>Новости Оренбурга и области / Раздел Новости</title>");
  });

  it("does not throw on raw gzip bytes (decompression is the fetcher's job)", () => {
    const { charset } = decodeBody(read("node-feedparser/test/feeds/invalid-characters-gzipped.xml"));
    expect(charset).toBe("windows-1252");
  });
});
