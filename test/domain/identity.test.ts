import { describe, expect, it } from "vitest";
import { canonicalUrl, titleFingerprint, titleTokens, urlKey } from "../../src/domain/identity";

describe("canonicalUrl", () => {
  it.each([
    ["https://Example.COM/a/b?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a/b?id=7"],
    [
      "https://example.com/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc",
      "https://example.com/a",
    ],
    ["https://example.com/a?b=2&utm_campaign=x&a=1", "https://example.com/a?b=2&a=1"],
    ["https://example.com/a?UTM_Source=x&q=caf%C3%A9+bar", "https://example.com/a?q=caf%C3%A9+bar"],
    ["https://example.com/a?", "https://example.com/a"],
    ["https://example.com/a?utm_source=x", "https://example.com/a"],
    ["https://example.com/a#section-2", "https://example.com/a"],
    ["https://example.com/a?x=1#frag", "https://example.com/a?x=1"],
    ["http://example.com:80/a", "http://example.com/a"],
    ["https://example.com:443/a", "https://example.com/a"],
    ["https://example.com:8443/a", "https://example.com:8443/a"],
    ["https://example.com./a", "https://example.com/a"],
    ["https://example.com", "https://example.com/"],
    ["  https://example.com/a  ", "https://example.com/a"],
    ["https://example.com/a/../b/./c", "https://example.com/b/c"],
    ["https://www.heise.de/x.html?wt_mc=rss.developer.beitrag.atom", "https://www.heise.de/x.html"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("resolves relative links against a base", () => {
    expect(canonicalUrl("/news/1?utm_source=x", "https://Example.com/feed.xml")).toBe(
      "https://example.com/news/1",
    );
    expect(canonicalUrl("item/2", "https://example.com/blog/feed.xml")).toBe(
      "https://example.com/blog/item/2",
    );
    expect(canonicalUrl("../x", "https://example.com/a/b/feed")).toBe("https://example.com/a/x");
    expect(canonicalUrl("//cdn.example.org/p", "https://example.com/")).toBe("https://cdn.example.org/p");
    expect(canonicalUrl("https://other.org/p", "https://example.com/")).toBe("https://other.org/p");
  });

  it("rejects what is not an http(s) URL", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("JavaScript:alert(1)", "https://example.com/")).toBeNull();
    expect(canonicalUrl("data:text/html,hi")).toBeNull();
    expect(canonicalUrl("mailto:a@example.com")).toBeNull();
    expect(canonicalUrl("ftp://example.com/x")).toBeNull();
    expect(canonicalUrl("tag:example.com,2024:1")).toBeNull();
    expect(canonicalUrl("/relative/without/base")).toBeNull();
    expect(canonicalUrl("")).toBeNull();
    expect(canonicalUrl("   ", "https://example.com/")).toBeNull();
    expect(canonicalUrl("http://")).toBeNull();
  });
});

describe("urlKey", () => {
  it("ignores scheme, www, trailing slash, tracking and fragment", () => {
    const k = urlKey("https://www.example.com/story/1/?utm_source=rss#top");
    expect(k).toBe("example.com/story/1");
    expect(urlKey("http://example.com/story/1")).toBe(k);
    expect(urlKey("https://EXAMPLE.com/story/1?fbclid=abc")).toBe(k);
  });

  it("keeps what identifies a page", () => {
    expect(urlKey("https://example.com/story?id=1")).not.toBe(urlKey("https://example.com/story?id=2"));
    expect(urlKey("https://example.com/Story")).not.toBe(urlKey("https://example.com/story"));
    expect(urlKey("https://example.com/")).toBe("example.com");
  });

  it("gives a raw key for non-URLs", () => {
    expect(urlKey(" urn:uuid:1234 ")).toBe("raw:urn:uuid:1234");
  });
});

describe("titleFingerprint", () => {
  const story = "Judge rules Meta's AI training on pirated books was fair use";

  it("matches the same story under other URLs, cases, punctuation and diacritics", () => {
    const fp = titleFingerprint(story, "www.theverge.com");
    expect(fp.startsWith("t:")).toBe(true);
    expect(
      titleFingerprint("JUDGE RULES META’S AI TRAINING ON PIRATED BOOKS WAS FAIR USE", "reuters.com"),
    ).toBe(fp);
    expect(titleFingerprint("  Judge rules Meta's AI training on pirated books was fair use!  ")).toBe(fp);
    expect(titleFingerprint("The judge rules Meta's AI training on pirated books was fair use")).toBe(fp);
    expect(titleFingerprint("Café owners sue OpenAI over menus")).toBe(
      titleFingerprint("Cafe owners sue OpenAI over menus"),
    );
  });

  it("separates different stories with similar titles", () => {
    const a = titleFingerprint("Judge rules Meta's AI training on pirated books was fair use");
    expect(
      titleFingerprint("Judge rules Anthropic's AI training on pirated books was not fair use"),
    ).not.toBe(a);
    expect(titleFingerprint("Authors sue OpenAI over ChatGPT training, part 1")).not.toBe(
      titleFingerprint("Authors sue OpenAI over ChatGPT training, part 2"),
    );
    expect(titleFingerprint("Getty sues Stability AI in London")).not.toBe(
      titleFingerprint("Stability AI sues Getty in London"),
    );
  });

  it("scopes short, generic titles to the host (fewer than 4 significant tokens)", () => {
    expect(titleTokens("The week in review")).toEqual(["week", "review"]);
    const verge = titleFingerprint("The week in review", "www.theverge.com");
    expect(verge).toBe("h:theverge.com|week review");
    expect(titleFingerprint("Week in review", "theverge.com")).toBe(verge);
    expect(titleFingerprint("The week in review", "arstechnica.com")).not.toBe(verge);
    expect(titleFingerprint("Live updates")).toBe("h:|live updates");
  });

  it("gives an empty key for a title without words", () => {
    expect(titleFingerprint("")).toBe("");
    expect(titleFingerprint(" — ! ")).toBe("");
  });
});
