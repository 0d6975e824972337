import { afterAll, describe, expect, it } from "vitest";
import { parseFeedDate } from "../../src/domain/dates";

/** [input, expected ISO 8601 UTC or null]. */
const CASES: [string | undefined, string | null][] = [
  // RFC 822 / 1123 / 2822
  ["Fri, 05 Jan 2024 10:00:00 GMT", "2024-01-05T10:00:00.000Z"],
  ["Fri, 5 Jan 2024 10:00:00 +0000", "2024-01-05T10:00:00.000Z"],
  ["05 Jan 2024 10:00:00 GMT", "2024-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00 GMT", "2024-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 24 10:00:00 GMT", "2024-01-05T10:00:00.000Z"],
  ["Sat, 05 Jan 85 10:00:00 GMT", "1985-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 UT", "2024-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 UTC", "2024-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 Z", "2024-01-05T10:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 EST", "2024-01-05T15:00:00.000Z"],
  ["Fri, 05 Jul 2024 10:00:00 EDT", "2024-07-05T14:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 CST", "2024-01-05T16:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 CDT", "2024-01-05T15:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 MST", "2024-01-05T17:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 PST", "2024-01-05T18:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 PDT", "2024-01-05T17:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 A", "2024-01-05T10:00:00.000Z"], // military letters: RFC 5322 says treat as UTC
  ["Fri, 05 Jan 2024 10:00:00 +0530", "2024-01-05T04:30:00.000Z"],
  ["Fri, 05 Jan 2024 01:00:00 -0800", "2024-01-05T09:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 +05:30", "2024-01-05T04:30:00.000Z"],
  ["Fri, 05 Jan 2024 23:30:00 -0500", "2024-01-06T04:30:00.000Z"],
  ["Friday, 05 January 2024 10:00:00 GMT", "2024-01-05T10:00:00.000Z"],
  ["Tue, 10 Sept 2024 10:00:00 GMT", "2024-09-10T10:00:00.000Z"],
  ["Thu, 29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00.000Z"],
  ["Fri, 05 Jan 2024 10:00:00 GMT+0200", "2024-01-05T08:00:00.000Z"],
  ["Fri Jan 05 2024 10:00:00 GMT-0500 (Eastern Standard Time)", "2024-01-05T15:00:00.000Z"],
  ["Fri Jan  5 10:00:00 2024", "2024-01-05T10:00:00.000Z"], // asctime
  ["5-Jan-2024 10:00", "2024-01-05T10:00:00.000Z"],
  ["05 Jan 2024", "2024-01-05T00:00:00.000Z"],
  // RFC 3339 / ISO 8601
  ["2024-01-05T10:00:00Z", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05T10:00:00.5Z", "2024-01-05T10:00:00.500Z"],
  ["2024-01-05T10:00:00.123456789Z", "2024-01-05T10:00:00.123Z"],
  ["2024-01-05T10:00:00+01:00", "2024-01-05T09:00:00.000Z"],
  ["2024-01-05T10:00:00-04:00", "2024-01-05T14:00:00.000Z"],
  ["2024-01-05T10:00:00+0100", "2024-01-05T09:00:00.000Z"],
  ["2024-01-05T10:00Z", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05t10:00:00z", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05T10:00:00", "2024-01-05T10:00:00.000Z"], // no zone → UTC, never host time
  ["2024-01-05T10:00", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05", "2024-01-05T00:00:00.000Z"],
  ["2024-01", "2024-01-01T00:00:00.000Z"],
  ["20240105T100000Z", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05T24:00:00Z", "2024-01-06T00:00:00.000Z"],
  ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z"],
  // sloppy forms
  ["2024-01-05 10:00:00", "2024-01-05T10:00:00.000Z"],
  ["2024-01-05 10:00:00 +0000", "2024-01-05T10:00:00.000Z"],
  ["2024/01/05 10:00", "2024-01-05T10:00:00.000Z"],
  ["January 5, 2024", "2024-01-05T00:00:00.000Z"],
  ["January 5th, 2024 3:15 pm", "2024-01-05T15:15:00.000Z"],
  ["Jan 5, 2024 12:30 AM EST", "2024-01-05T05:30:00.000Z"],
  ["5 January 2024 10:00 UTC", "2024-01-05T10:00:00.000Z"],
  ["September 30, 2023 at 11:00 pm", "2023-09-30T23:00:00.000Z"],
  // whitespace
  ["   Fri, 05 Jan 2024 10:00:00 GMT   ", "2024-01-05T10:00:00.000Z"],
  ["\n\t\tFri,  05  Jan\n 2024 10:00:00   GMT\n", "2024-01-05T10:00:00.000Z"],
  ["\u00a02024-01-05T10:00:00Z\u00a0", "2024-01-05T10:00:00.000Z"],
  ["  2024-01-05T10:00:00Z\n", "2024-01-05T10:00:00.000Z"],
  // garbage → null
  [undefined, null],
  ["", null],
  ["   ", null],
  ["not a date", null],
  ["2024", null],
  ["1704448800", null],
  ["Fri, 31 Feb 2024 10:00:00 GMT", null],
  ["Fri, 05 Foo 2024 10:00:00 GMT", null],
  ["2024-13-01", null],
  ["2024-01-32", null],
  ["2024-01-05T25:00:00Z", null],
  ["2024-01-05T10:61:00Z", null],
  ["Fri, 05 Jan 2024 10:00:00 +9900", null],
  ["yesterday", null],
  ["12/01/2024", null],
  ["<script>alert(1)</script>", null],
  ["x".repeat(10_000), null],
];

const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe("parseFeedDate", () => {
  it.each(CASES)("%j → %j", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it("never throws on odd input types", () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(42 as unknown as string)).toBeNull();
    expect(parseFeedDate({} as unknown as string)).toBeNull();
  });

  it("gives identical results whatever the host time zone", () => {
    const results: Record<string, (string | null)[]> = {};
    const offsets: number[] = [];
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"]) {
      process.env.TZ = tz;
      offsets.push(new Date(2024, 0, 5).getTimezoneOffset());
      results[tz] = CASES.map(([input]) => parseFeedDate(input));
    }
    // the zone switch really happened
    expect(new Set(offsets).size).toBe(4);
    expect(results["America/Los_Angeles"]).toEqual(results.UTC);
    expect(results["Asia/Kolkata"]).toEqual(results.UTC);
    expect(results["Pacific/Chatham"]).toEqual(results.UTC);
    expect(results.UTC).toEqual(CASES.map(([, expected]) => expected));
  });
});
