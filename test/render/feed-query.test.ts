import { describe, expect, it } from "vitest";
import { applyFeedQuery, filterMatcher } from "../../src/render/feed-query";
import type { FeedEntry } from "../../src/render/feed-types";

function entry(id: number, title: string, summary = ""): FeedEntry {
  return {
    id,
    url: `https://news.example/${id}`,
    title,
    summary,
    publishedAt: null,
    fetchedAt: "2025-06-01T00:00:00Z",
    sourceName: "News",
    categories: [],
  };
}

const ENTRIES = [
  entry(1, "OpenAI sued by authors", "Claims over books"),
  entry(2, "Judge rules for Anthropic", "Fair use found"),
  entry(3, "Stability AI settles", "Getty case ends"),
  entry(4, "C++ committee news", "Nothing about AI"),
  entry(5, "AT&T (US) quarterly", "Earnings"),
  entry(6, "Meta wins round", "openai mentioned in passing"),
];
const ids = (list: FeedEntry[]) => list.map((e) => e.id);
const many = Array.from({ length: 250 }, (_, i) => entry(i + 1, `Story ${i + 1}`));

describe("applyFeedQuery", () => {
  it("returns the first 50 by default and the first `limit` otherwise, keeping order", () => {
    expect(ids(applyFeedQuery(many))).toEqual(ids(many.slice(0, 50)));
    expect(ids(applyFeedQuery(many, { limit: 3 }))).toEqual([1, 2, 3]);
  });

  it("filter keeps entries whose title or summary matches, case-insensitively, as a regular expression", () => {
    expect(ids(applyFeedQuery(ENTRIES, { filter: "OPENAI|anthropic" }))).toEqual([1, 2, 6]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "^judge" }))).toEqual([2]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "fair\\s+use" }))).toEqual([2]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "\\bAI\\b" }))).toEqual([3, 4]);
  });

  it("filterout drops matches, and both combine before the limit applies", () => {
    expect(ids(applyFeedQuery(ENTRIES, { filterout: "openai" }))).toEqual([2, 3, 4, 5]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "ai", filterout: "openai" }))).toEqual([2, 3, 4]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "ai", filterout: "openai", limit: 2 }))).toEqual([2, 3]);
    expect(ids(applyFeedQuery(many, { filter: "^story 2\\d\\d$", limit: 2 }))).toEqual([200, 201]);
  });

  it("treats an empty filter as no filter", () => {
    expect(applyFeedQuery(ENTRIES, { filter: "", filterout: "" })).toHaveLength(ENTRIES.length);
  });

  it("matches invalid regular expressions as literal text", () => {
    expect(ids(applyFeedQuery(ENTRIES, { filter: "C++" }))).toEqual([4]);
    expect(ids(applyFeedQuery(ENTRIES, { filter: "at&t (us" }))).toEqual([5]);
    expect(ids(applyFeedQuery(ENTRIES, { filterout: "[z-a]" }))).toEqual(ids(ENTRIES));
  });

  it("matches backtracking-only features (lookaround, backreferences) literally", () => {
    const list = [entry(1, "openai news"), entry(2, "literal (?=news) text"), entry(3, "aa")];
    expect(ids(applyFeedQuery(list, { filter: "(?=news)" }))).toEqual([2]);
    expect(ids(applyFeedQuery(list, { filter: "(a)\\1" }))).toEqual([]);
  });

  it("matches patterns longer than 200 characters literally", () => {
    const long = `${"x".repeat(200)}|openai`;
    expect(filterMatcher(long).test("openai")).toBe(false);
    expect(filterMatcher(long).test(`pre ${long.toUpperCase()} post`)).toBe(true);
    expect(filterMatcher(`${"x".repeat(190)}|openai`).test("OpenAI")).toBe(true);
  });

  it("survives ReDoS patterns with the right answers", () => {
    const list = [entry(1, `${"a".repeat(50)}!`), entry(2, "a".repeat(50)), entry(3, "b")];
    expect(ids(applyFeedQuery(list, { filter: "(a+)+$" }))).toEqual([2]);
    expect(ids(applyFeedQuery(list, { filterout: "(a|aa)*!" }))).toEqual([2, 3]);
  });

  it("falls back to literal matching for the whole response when a pattern exceeds its work budget", () => {
    const pattern = ".{0,100}q"; // ~200 RE2 instructions
    // A short feed stays within budget: the regular expression applies.
    expect(ids(applyFeedQuery([entry(1, "abq")], { filter: pattern }))).toEqual([1]);
    // 200 items of 2 x 1,000 characters: ~200 instructions x 400,000 characters is over the budget, so the
    // pattern is matched literally (no hits), for every item.
    const heavy = Array.from({ length: 200 }, (_, i) =>
      entry(i + 1, `${"x".repeat(990)}q${"x".repeat(9)}`, "y".repeat(1000)),
    );
    expect(applyFeedQuery(heavy, { filter: pattern })).toEqual([]);
    expect(
      ids(
        applyFeedQuery([...heavy, entry(999, `has ${pattern} literally`)], { filter: pattern, limit: 200 }),
      ),
    ).toEqual([999]);
  });

  it("runs a long alternation as a regular expression on a feed of ordinary size", () => {
    const names =
      "openai|anthropic|stability ai|midjourney|getty images|new york times|authors guild|concord|" +
      "universal music|thomson reuters|ross intelligence|github copilot|meta platforms|kadrey|silverman|tremblay";
    const feed = Array.from({ length: 200 }, (_, i) =>
      entry(i + 1, `Story ${i + 1} about the courts this week`, `${"lorem ipsum ".repeat(25)}`),
    );
    feed[6] = entry(7, "Ruling in Tremblay v. OpenAI", "lorem ipsum ".repeat(25));
    feed[41] = entry(42, "Another story", `${"lorem ipsum ".repeat(20)} Silverman appeals`);
    expect(ids(applyFeedQuery(feed, { filter: names }))).toEqual([7, 42]);
  });

  it("tests the title and the summary separately, each up to its first 1,000 characters", () => {
    const list = [
      entry(1, "OpenAI sued by authors", "Claims over books"),
      entry(2, `${"x".repeat(1000)}openai`, "nothing"),
      entry(3, "nothing", `${"y".repeat(994)}openai`),
    ];
    expect(applyFeedQuery(list, { filter: "authors.*claims" })).toEqual([]);
    expect(applyFeedQuery(list, { filter: "authorss+claims" })).toEqual([]);
    expect(ids(applyFeedQuery(list, { filter: "openai" }))).toEqual([1, 3]);
    expect(ids(applyFeedQuery(list, { filter: "openai$" }))).toEqual([3]);
  });
});

// Patterns safe for JavaScript's RegExp too, so its answers can serve as the reference.
const SAFE_PATTERNS = [
  "openai|anthropic",
  "^judge",
  "fair use$",
  "\\bmeta\\b",
  "\\Bta",
  "v\\.\\s+meta",
  "[a-c]+x",
  "[^a-z ]",
  "[^A-Z]",
  "colou?r",
  "a{2,3}b",
  "a{2}",
  "a{2,}",
  "(?:ab)+c",
  "(?<n>x)y",
  "\\d{4}",
  "\\W\\w",
  "[\\d-]",
  "[-a]",
  "[]",
  "[^]",
  "a|",
  "(a|ab)(c|bcd)(d*)",
  "\\u0041",
  "\\x41b",
  "^$",
  ".*",
  "C\\+\\+",
  "a.c",
  "[A-Z]{3}",
  "x*?y",
  "\\s\\S",
  "^\\S+$",
  "fair\\s+use",
  "k{,3}",
  "k{a}",
  "}",
  "]",
  "\\/",
  "\\$5",
  "é",
  "[\\s\\S]u",
];
const TEXTS = [
  "OpenAI sued",
  "Judge rules",
  "fair use",
  "Meta Platforms",
  "Kadrey v.  Meta",
  "abcx",
  "abc def!",
  "color colour",
  "aaab",
  "aaaaa",
  "ababc",
  "xy",
  "in 2025",
  "-",
  "",
  "C++ code",
  "ABC",
  "beta",
  "xxy",
  " \t",
  "k{,3}",
  "k{a}",
  "}",
  "]",
  "a/b",
  "$5",
  "É",
  "AbCd",
];

describe("filterMatcher", () => {
  it("agrees with a case-insensitive RegExp on patterns RegExp runs safely", () => {
    const disagreements: string[] = [];
    for (const p of SAFE_PATTERNS) {
      const m = filterMatcher(p);
      const re = new RegExp(p, "i");
      for (const t of TEXTS) if (m.test(t) !== re.test(t)) disagreements.push(`${p} on ${JSON.stringify(t)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("treats Unicode spaces as JavaScript's \\s does, and lets a space in a pattern match them too", () => {
    for (const text of ["fair\u00a0use", "fair\u2009\u3000use", "fair\vuse", "fair\ufeffuse"]) {
      expect(filterMatcher("fair\\s+use").test(text), JSON.stringify(text)).toBe(true);
      expect(filterMatcher("fair\\S+use").test(text), JSON.stringify(text)).toBe(false);
      expect(filterMatcher("^fair[^\\s]").test(text), JSON.stringify(text)).toBe(false);
    }
    expect(filterMatcher("kadrey v\\. meta").test("Kadrey v.\u00a0Meta")).toBe(true);
  });

  it("matches invalid syntax and backtracking-only features as literal text", () => {
    // [pattern, a text it would match if it were run as a (JavaScript) regular expression, or any other text]
    const cases: [string, string][] = [
      ["(", "x"],
      ["x**", "xx"],
      ["[z-a]", "z"],
      ["*a", "a"],
      ["a{3,1}", "aaa"],
      ["a(?=b)", "ab"],
      ["a(?!b)", "ac"],
      ["(?<=a)b", "ab"],
      ["(?<!a)b", "cb"],
      ["(a)\\1", "aa"],
      ["C++", "C"],
    ];
    for (const [p, regexHit] of cases) {
      const m = filterMatcher(p);
      expect(m.test(regexHit), p).toBe(false);
      expect(m.test(`before ${p.toUpperCase()} after`), p).toBe(true);
    }
  });

  it("matches patterns whose RE2 program would be too large literally", () => {
    expect(filterMatcher("(?:a{100}){100}").test("a".repeat(10_000))).toBe(false);
    expect(filterMatcher("a{1001}").test("a".repeat(1001))).toBe(false);
    expect(filterMatcher(".{0,190}q").test("abq")).toBe(false);
    expect(filterMatcher(".{0,190}q").test("a .{0,190}Q b")).toBe(true);
    expect(filterMatcher("a{100}").test("a".repeat(100))).toBe(true);
    expect(filterMatcher(".{0,100}q").test("abq")).toBe(true);
  });

  it("answers catastrophic-backtracking patterns correctly (RegExp would run for hours on these)", () => {
    const as = "a".repeat(5000);
    expect(filterMatcher("(a+)+$").test(`${as}b`)).toBe(false);
    expect(filterMatcher("(a+)+$").test(as)).toBe(true);
    expect(filterMatcher("(a|aa)*b").test(as)).toBe(false);
    expect(filterMatcher("(a|a)*x").test(`${as}x`)).toBe(true);
    expect(filterMatcher("(.*a){20}!").test(`${as}?`)).toBe(false);
    expect(filterMatcher("(\\w+\\s?)+$").test(`${"word ".repeat(1000)}!`)).toBe(false);
    const list = [entry(1, `${"a".repeat(999)}b`), entry(2, "a".repeat(999)), entry(3, "b")];
    expect(ids(applyFeedQuery(list, { filter: "(a+)+$" }))).toEqual([2]);
  });
});
