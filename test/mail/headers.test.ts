import { describe, expect, it } from "vitest";
import {
  listHeaders,
  MAX_LINE,
  MAX_SUBJECT_CHARS,
  mailDomain,
  messageIdFor,
  sanitizeHeaderValue,
  sanitizeSubject,
} from "../../src/mail/headers";

describe("sanitizeHeaderValue", () => {
  it("turns CR, LF and other controls into spaces so nothing can start a new header", () => {
    expect(sanitizeHeaderValue("Ruling\r\nBcc: victim@example.com")).toBe("Ruling Bcc: victim@example.com");
    expect(sanitizeHeaderValue("a\rb\nc\u0000d\u0085e\u2028f")).toBe("a b c d e f");
    expect(sanitizeHeaderValue("  spaced \t out  ")).toBe("spaced out");
  });

  it("cuts to a maximum without splitting a surrogate pair", () => {
    expect(sanitizeHeaderValue("x".repeat(2000))).toHaveLength(MAX_LINE);
    expect(sanitizeHeaderValue(`ab😀`, 3)).toBe("ab");
  });

  it("bounds subjects", () => {
    const s = sanitizeSubject(`Title ${"word ".repeat(300)}`);
    expect(s.length).toBe(MAX_SUBJECT_CHARS);
    expect(s.endsWith("…")).toBe(true);
    expect(sanitizeSubject("Short\r\nBcc: x")).toBe("Short Bcc: x");
  });
});

describe("list headers, ids and addresses", () => {
  it("builds RFC 2369 / RFC 8058 headers", () => {
    expect(
      listHeaders({
        listName: "casewire weekly digest",
        domain: "casewire.example",
        unsubscribeUrl: "https://casewire.example/subscriptions/unsubscribe?token=a.b",
      }),
    ).toEqual({
      "List-Id": "casewire weekly digest <digest.casewire.example>",
      "List-Unsubscribe": "<https://casewire.example/subscriptions/unsubscribe?token=a.b>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("makes Message-IDs of atext only", () => {
    expect(messageIdFor("digest.2026-W48.7", "casewire.example")).toBe(
      "<digest.2026-W48.7@casewire.example>",
    );
    expect(messageIdFor("a>b\r\nc", "x.example")).toBe("<a-b--c@x.example>");
    expect(mailDomain("https://Casewire.Example:8443/base")).toBe("casewire.example");
    expect(mailDomain("not a url")).toBe("localhost");
  });
});
