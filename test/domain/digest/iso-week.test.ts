import { describe, expect, it } from "vitest";
import {
  getIsoWeek,
  isIsoWeek,
  previousWeek,
  weekHasEnded,
  weekRange,
  weekSpanText,
  weeksInYear,
} from "../../../src/domain/digest/iso-week";

describe("getIsoWeek", () => {
  it.each([
    ["2026-11-23T00:00:00Z", "2026-W48"],
    ["2026-11-29T23:59:59.999Z", "2026-W48"],
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2021-01-03T12:00:00Z", "2020-W53"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2027-01-01T00:00:00Z", "2026-W53"],
    ["2027-01-04T00:00:00Z", "2027-W01"],
    ["2015-12-31T00:00:00Z", "2015-W53"],
    ["2008-12-29T00:00:00Z", "2009-W01"],
  ])("%s is in %s", (iso, week) => {
    expect(getIsoWeek(new Date(iso))).toBe(week);
  });

  it("throws on an invalid date", () => {
    expect(() => getIsoWeek(new Date("nope"))).toThrow(RangeError);
  });

  it("every day of 2019–2031 lies inside the range of its own week", () => {
    const bad: string[] = [];
    let days = 0;
    for (let t = Date.UTC(2019, 0, 1, 13); t < Date.UTC(2032, 0, 1); t += 86_400_000) {
      const week = getIsoWeek(new Date(t));
      const { start, end } = weekRange(week);
      if (!(start.getTime() <= t && t < end.getTime() && start.getUTCDay() === 1)) bad.push(week);
      days++;
    }
    expect(days).toBeGreaterThan(4700);
    expect(bad).toEqual([]);
  });
});

describe("weekRange", () => {
  it("runs Monday 00:00 UTC to the next Monday", () => {
    const r = weekRange("2026-W48");
    expect(r.start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it.each(["2026-W54", "2025-W53", "2026-W00", "2026-w48", "2026W48", "26-W48", ""])("refuses %j", (w) => {
    expect(isIsoWeek(w)).toBe(false);
    expect(() => weekRange(w)).toThrow(RangeError);
  });

  it("knows long years", () => {
    expect([2015, 2020, 2026, 2032].map(weeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2019, 2021, 2025].map(weeksInYear)).toEqual([52, 52, 52]);
    expect(isIsoWeek("2026-W53")).toBe(true);
  });
});

describe("previousWeek and weekHasEnded", () => {
  it("gives the week just ended on a Monday morning", () => {
    expect(previousWeek(new Date("2026-11-30T08:00:00Z"))).toBe("2026-W48");
    expect(previousWeek(new Date("2027-01-04T08:00:00Z"))).toBe("2026-W53");
  });

  it("says whether a week is over", () => {
    expect(weekHasEnded("2026-W48", new Date("2026-11-30T00:00:00Z"))).toBe(true);
    expect(weekHasEnded("2026-W48", new Date("2026-11-29T23:59:59Z"))).toBe(false);
  });
});

describe("weekSpanText", () => {
  it("names the days", () => {
    expect(weekSpanText("2026-W48")).toBe("23–29 November 2026");
    expect(weekSpanText("2026-W44")).toBe("26 October – 1 November 2026");
    expect(weekSpanText("2026-W53")).toBe("28 December 2026 – 3 January 2027");
  });
});
