import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/ingest/retry-after";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an HTTP-date relative to now, and clamps past dates to 0", () => {
    expect(parseRetryAfter("Thu, 15 Jan 2026 12:05:00 GMT", NOW)).toBe(300_000);
    expect(parseRetryAfter("Thu, 15 Jan 2026 11:00:00 GMT", NOW)).toBe(0);
  });

  it("returns undefined for absent or junk values", () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
  });
});

describe("parseRetryAfter with HTTP-dates", () => {
  it("reads the three RFC 9110 formats as UTC whatever the host TZ", () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37);
    const now = at - 90_000;
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sun Nov  6 08:49:37 1994", now)).toBe(90_000);
    expect(parseRetryAfter("Sun, 06 Nov 1994 25:49:37 GMT", now)).toBeUndefined();
    expect(parseRetryAfter("in a couple of minutes", now)).toBeUndefined();
  });
});
