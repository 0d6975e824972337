import { describe, expect, it } from "vitest";
import { AppError } from "../../src/domain/errors";
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from "../../src/http/cursor";

describe("cursors", () => {
  it("round-trip each kind and stay URL-safe", () => {
    const date = encodeCursor({ kind: "date", sortAt: "2025-06-01T00:00:00.000Z", id: 42 });
    expect(decodeCursor(date, "date")).toEqual({ kind: "date", sortAt: "2025-06-01T00:00:00.000Z", id: 42 });
    const cand = encodeCursor({ kind: "candidate", lastSeenAt: "2025-06-01T00:00:00.000Z", key: "a v b" });
    expect(decodeCursor(cand, "candidate")).toMatchObject({ key: "a v b" });
    const rank = encodeCursor({ kind: "rank", maxId: 100_000, seen: [99_999, 5, 70_000, 5] });
    expect(decodeCursor(rank, "rank")).toEqual({ kind: "rank", maxId: 100_000, seen: [5, 70_000, 99_999] });
    for (const c of [date, cand, rank]) expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("keeps a deep relevance walk compact", () => {
    const seen = Array.from({ length: 500 }, (_, i) => 1 + i * 197);
    const c = encodeCursor({ kind: "rank", maxId: 100_000, seen });
    expect(c.length).toBeLessThan(MAX_CURSOR_LENGTH / 2);
    expect(decodeCursor(c, "rank").seen).toEqual(seen);
  });

  it("refuses foreign, damaged or oversized cursors with a 400 naming the parameter", () => {
    const date = encodeCursor({ kind: "date", sortAt: "2025-06-01T00:00:00.000Z", id: 1 });
    const bad = [date.slice(0, -3), "!!!", "", "x".repeat(MAX_CURSOR_LENGTH + 1), btoa('["d",1,2]')];
    for (const raw of bad) {
      let err: unknown;
      try {
        decodeCursor(raw, "date");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).detail).toContain('"cursor"');
    }
    expect(() => decodeCursor(date, "rank")).toThrow(AppError);
  });
});
