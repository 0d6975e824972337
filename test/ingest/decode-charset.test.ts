import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBody } from "../../src/ingest/decode-charset";

const enc = (text: string, charset: string) => new Uint8Array(iconv.encode(text, charset));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeBody", () => {
  it("falls back to windows-1252 for a body that is not UTF-8 and declares nothing", () => {
    const bytes = new Uint8Array([
      0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x73, 0x94,
    ]);
    expect(decodeBody(bytes, "text/html")).toEqual({ text: "café – “quotes”", charset: "windows-1252" });
  });

  it("maps all of windows-1252's 0x80-0x9F range (Node's TextDecoder treats it as Latin-1)", () => {
    const { text } = decodeBody(
      new Uint8Array([0x80, 0x85, 0x8a, 0x92, 0x99, 0x9f]),
      "text/plain; charset=windows-1252",
    );
    expect(text).toBe("€…Š’™Ÿ");
  });

  it("uses UTF-8 when the undeclared body is valid UTF-8", () => {
    expect(decodeBody(utf8("naïve – ok"))).toEqual({ text: "naïve – ok", charset: "utf-8" });
  });

  it("honours a Content-Type charset, quoted or not, over the XML prolog", () => {
    const body = enc('<?xml version="1.0" encoding="utf-8"?><t>Привет</t>', "windows-1251");
    for (const ct of [
      "text/xml; charset=windows-1251",
      'text/xml;charset="windows-1251"',
      "text/xml; charset = 'cp1251'",
    ]) {
      expect(decodeBody(body, ct)).toEqual({
        text: '<?xml version="1.0" encoding="utf-8"?><t>Привет</t>',
        charset: "windows-1251",
      });
    }
  });

  it("honours the XML prolog when the header has no charset", () => {
    const body = enc("<?xml version='1.0' encoding='ISO-8859-1'?><t>Anaïs</t>", "latin1");
    expect(decodeBody(body, "application/rss+xml")).toEqual({
      text: "<?xml version='1.0' encoding='ISO-8859-1'?><t>Anaïs</t>",
      charset: "windows-1252",
    });
  });

  it("reads <meta charset> and <meta http-equiv> in HTML, ignoring commented-out ones", () => {
    const a = enc('<html><head><meta charset="koi8-r"><title>Москва</title>', "koi8-r");
    expect(decodeBody(a, "text/html")).toMatchObject({
      charset: "koi8-r",
      text: expect.stringContaining("Москва"),
    });
    const b = enc(
      '<!-- <meta charset="utf-8"> --><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">東京',
      "shift_jis",
    );
    expect(decodeBody(b, "text/html")).toMatchObject({
      charset: "shift_jis",
      text: expect.stringContaining("東京"),
    });
  });

  it("lets a BOM win over any declaration and strips it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("é")]);
    expect(decodeBody(bytes, "text/plain; charset=windows-1252")).toEqual({ text: "é", charset: "utf-8" });
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    expect(decodeBody(le)).toEqual({ text: "Aé", charset: "utf-16le" });
  });

  it("decodes UTF-32 (not in TextDecoder) through iconv-lite", () => {
    const bytes = new Uint8Array([0, 0, 0, 0x3c, 0, 0, 0, 0x61, 0, 0, 0, 0x3e]);
    expect(decodeBody(bytes)).toEqual({ text: "<a>", charset: "utf-32be" });
  });

  it("treats a legacy label on valid non-ASCII UTF-8 as a mislabel", () => {
    expect(decodeBody(utf8("Café"), "text/html; charset=iso-8859-1")).toEqual({
      text: "Café",
      charset: "utf-8",
    });
  });

  it("keeps mostly-valid UTF-8 as UTF-8 with a replacement character", () => {
    const bytes = new Uint8Array([...utf8("é é é "), 0xff]);
    expect(decodeBody(bytes, "text/plain; charset=utf-8")).toEqual({
      text: "é é é \uFFFD",
      charset: "utf-8",
    });
  });

  it("ignores unknown and 'replacement' labels, never throws", () => {
    expect(decodeBody(utf8("<p>é</p>"), "text/html; charset=x-bogus-9")).toEqual({
      text: "<p>é</p>",
      charset: "utf-8",
    });
    expect(decodeBody(utf8("ok"), "text/html; charset=iso-2022-kr").charset).toBe("utf-8");
    expect(decodeBody(new Uint8Array(0))).toEqual({ text: "", charset: "utf-8" });
  });

  it("repairs C1 controls into the windows-1252 characters they stand for", () => {
    expect(decodeBody(utf8("don\u0092t")).text).toBe("don’t");
  });
});

describe("charsetFromContentType", () => {
  it("reads quoted and unquoted values and ignores bogus parameters", () => {
    expect(charsetFromContentType("text/xml; charset=UTF-8")).toBe("UTF-8");
    expect(charsetFromContentType("text/xml;charset= 'us-ascii'")).toBe("'us-ascii'");
    expect(charsetFromContentType("text/xml; charset:iso-8859-1")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
