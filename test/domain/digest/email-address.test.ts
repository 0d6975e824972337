import { describe, expect, it } from "vitest";
import { normaliseEmail } from "../../../src/domain/digest/email-address";

describe("normaliseEmail", () => {
  it.each([
    ["  Jane.Doe+Law@Example.COM ", "jane.doe+law@example.com"],
    ["a@b.co", "a@b.co"],
    ["o'brien@news.example.org", "o'brien@news.example.org"],
    ["user@bücher.example", "user@xn--bcher-kva.example"],
    ["x@sub.xn--p1ai", "x@sub.xn--p1ai"],
  ])("%j → %j", (input, out) => {
    expect(normaliseEmail(input)).toBe(out);
  });

  it.each([
    "",
    "plain",
    "@example.com",
    "a@",
    "a@localhost",
    "a@example",
    "a..b@example.com",
    ".a@example.com",
    "a.@example.com",
    '"quoted"@example.com',
    "a@[127.0.0.1]",
    "a@127.0.0.1",
    "a b@example.com",
    "a@exa mple.com",
    "a@-example.com",
    "a@example.c",
    "a\r\nBcc: x@evil.example@example.com",
    "a@example.com\r\nBcc: x@evil.example",
    "jöhn@example.com",
    `${"a".repeat(65)}@example.com`,
    `a@${"b".repeat(250)}.com`,
  ])("refuses %j", (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it("refuses non-strings", () => {
    expect(normaliseEmail(42)).toBeNull();
    expect(normaliseEmail(undefined)).toBeNull();
    expect(normaliseEmail(["a@example.com"])).toBeNull();
  });
});
