import { describe, expect, it } from "vitest";
import { AppError } from "../../src/domain/errors";
import { parseSourcesJson } from "../../src/sources/parse-sources-file";

const feed = { id: "example-feed", name: "Example (AI)", kind: "feed", url: "https://example.com/feed/" };
const html = {
  id: "example-news",
  name: "Example News",
  kind: "html",
  url: "https://example.org/news/",
  selectors: { item: "article", link: "h2 a", date: "time" },
};

function errorOf(text: string): AppError {
  try {
    parseSourcesJson(text);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected parseSourcesJson to throw");
}

describe("parseSourcesJson", () => {
  it("accepts valid feed and html sources, keeps optional fields and drops unknown ones", () => {
    const text = JSON.stringify([
      {
        ...feed,
        homepage: "https://example.com/",
        language: "en",
        fullText: "teaser",
        enabled: false,
        notes: "x",
      },
      { ...html, extra: { nested: true } },
    ]);
    expect(parseSourcesJson(text)).toEqual([
      { ...feed, homepage: "https://example.com/", language: "en", fullText: "teaser", enabled: false },
      html,
    ]);
  });

  it("accepts an empty array", () => {
    expect(parseSourcesJson("[]")).toEqual([]);
  });

  it("rejects text that is not JSON", () => {
    const err = errorOf("[{ id: 'x' }");
    expect(err.status).toBe(400);
    expect(err.detail).toMatch(/^sources file is not valid JSON: /);
  });

  it.each([["{}"], ['"feeds"'], ["null"], ["42"]])("rejects %s because it is not an array", (text) => {
    const err = errorOf(text);
    expect(err.status).toBe(400);
    expect(err.detail).toBe("sources file must be a JSON array of source objects");
  });

  it("rejects an unknown kind, naming index and field", () => {
    const err = errorOf(JSON.stringify([feed, { ...feed, id: "other", kind: "rss" }]));
    expect(err.detail).toBe('sources[1].kind: must be "feed" or "html"');
  });

  it.each([["ftp://example.com/feed"], ["javascript:alert(1)"], ["/relative/feed.xml"], ["not a url"]])(
    "rejects the url %s",
    (url) => {
      const err = errorOf(JSON.stringify([{ ...feed, url }]));
      expect(err.detail).toBe("sources[0].url: must be an absolute http or https URL");
    },
  );

  it("rejects a bad homepage URL as well", () => {
    expect(errorOf(JSON.stringify([{ ...feed, homepage: "mailto:a@b.c" }])).detail).toBe(
      "sources[0].homepage: must be an absolute http or https URL",
    );
  });

  it("requires selectors (with item and link) for html sources", () => {
    const { selectors: _omit, ...noSelectors } = html;
    expect(errorOf(JSON.stringify([noSelectors])).detail).toBe(
      'sources[0].selectors: is required when kind is "html"',
    );
    expect(errorOf(JSON.stringify([{ ...html, selectors: { item: "article" } }])).detail).toBe(
      "sources[0].selectors.link: is required",
    );
  });

  it("rejects duplicate ids, pointing at the first use", () => {
    const err = errorOf(JSON.stringify([feed, html, { ...feed, url: "https://example.com/other/" }]));
    expect(err.detail).toBe('sources[2].id: duplicate id "example-feed" (first used at sources[0])');
  });

  it("reports missing fields, wrong types and non-object entries together", () => {
    const err = errorOf(
      JSON.stringify([{ name: "", kind: "feed", url: "https://a.example/" }, 7, { ...feed, enabled: "yes" }]),
    );
    expect(err.title).toBe("Invalid sources file");
    expect(err.detail).toContain("sources[0].id: is required");
    expect(err.detail).toContain("sources[0].name: must not be empty");
    expect(err.detail).toContain("sources[1]: must be an object");
    expect(err.detail).toContain("sources[2].enabled: must be true or false");
  });

  it("rejects ids that are not lower-case slugs and bad fullText values", () => {
    const err = errorOf(JSON.stringify([{ ...feed, id: "Bad Id", fullText: "sometimes" }]));
    expect(err.detail).toContain("sources[0].id: must be lower-case letters and digits");
    expect(err.detail).toContain('sources[0].fullText: must be "auto", "full", "teaser" or "never"');
  });
});
