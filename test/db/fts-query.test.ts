import { describe, expect, it } from "vitest";
import { MAX_FTS_TERMS, toFtsQuery } from "../../src/db/fts-query";

describe("toFtsQuery", () => {
  it("quotes every word so no FTS5 syntax gets through", () => {
    expect(toFtsQuery("fair use")).toBe('"fair" "use"');
    expect(toFtsQuery('NEAR(a b) OR c AND NOT "d')).toBe('"NEAR a" "b" "OR" "c" "AND" "NOT" "d"');
    expect(toFtsQuery("title:meta -x ^y")).toBe('"title meta" "x" "y"');
  });

  it("keeps quoted phrases, splits punctuated words into phrases, and honours word* prefixes", () => {
    expect(toFtsQuery('"fair use" ruling')).toBe('"fair use" "ruling"');
    expect(toFtsQuery("3:23-cv-03417")).toBe('"3 23 cv 03417"');
    expect(toFtsQuery("copyr* a*")).toBe('"copyr"* "a"');
    expect(toFtsQuery("Zürich café")).toBe('"Zürich" "café"');
  });

  it("returns null without a word and caps the number of terms", () => {
    expect(toFtsQuery("  ?? -- ** ")).toBeNull();
    expect(toFtsQuery("")).toBeNull();
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(toFtsQuery(many)!.split(" ")).toHaveLength(MAX_FTS_TERMS);
  });
});
