import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, backoffMs } from "../../src/domain/backoff";

const MIN = 60_000;

describe("backoffMs", () => {
  it("is 0 without failures and for junk input", () => {
    expect(backoffMs(0)).toBe(0);
    expect(backoffMs(-3)).toBe(0);
    expect(backoffMs(Number.NaN)).toBe(0);
  });

  it("starts at 30 minutes and doubles", () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([
      30 * MIN,
      60 * MIN,
      120 * MIN,
      240 * MIN,
      480 * MIN,
      960 * MIN,
    ]);
  });

  it("caps at 24 hours however many failures", () => {
    expect(backoffMs(7)).toBe(BACKOFF_MAX_MS);
    expect(backoffMs(1000)).toBe(24 * 60 * MIN);
    expect(backoffMs(Number.POSITIVE_INFINITY)).toBe(BACKOFF_MAX_MS);
  });
});
