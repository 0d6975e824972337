import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/sources/catalogue";
import { parseSourcesJson } from "../../src/sources/parse-sources-file";

interface ReferenceOutlet {
  id: string;
  homepage: string;
  language: string;
  full_text: string;
  listing_page: string | null;
  feeds: { url: string; verified: boolean; scope: string }[];
}

const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../shared/reference/sources.json", import.meta.url)), "utf8"),
) as ReferenceOutlet[];
const feedOwner = new Map(
  reference.flatMap((o) => o.feeds.map((f) => [f.url, { outlet: o, feed: f }] as const)),
);
const listingOwner = new Map(reference.filter((o) => o.listing_page).map((o) => [o.listing_page!, o]));
const homepages = new Set(reference.map((o) => o.homepage));

describe("CATALOGUE", () => {
  it("has at least 25 sources with unique kebab-case ids", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
    const ids = CATALOGUE.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("uses only parseable http(s) URLs", () => {
    for (const s of CATALOGUE) {
      for (const u of [s.url, s.homepage].filter((x): x is string => x !== undefined)) {
        expect(["http:", "https:"], `${s.id}: ${u}`).toContain(new URL(u).protocol);
      }
    }
  });

  it("takes every feed URL verbatim from shared/reference/sources.json, verified unless it is a search feed", () => {
    for (const s of CATALOGUE.filter((x) => x.kind === "feed")) {
      const owner = feedOwner.get(s.url);
      expect(owner, `${s.id}: ${s.url} not in sources.json`).toBeDefined();
      if (!owner!.feed.verified)
        expect(owner!.feed.scope, `${s.id} uses an unverified feed`).toMatch(/^search:/);
      expect(s.homepage).toBe(owner!.outlet.homepage);
    }
  });

  it("marks fullText teaser exactly where sources.json says the feed carries teasers", () => {
    for (const s of CATALOGUE) {
      const outlet = s.kind === "feed" ? feedOwner.get(s.url)?.outlet : listingOwner.get(s.url);
      expect(outlet, s.id).toBeDefined();
      expect(s.fullText, s.id).toBe(outlet!.full_text === "teaser" ? "teaser" : "auto");
    }
  });

  it("has at least two html sources read from sources.json listing pages, each with item and link selectors", () => {
    const html = CATALOGUE.filter((s) => s.kind === "html");
    expect(html.length).toBeGreaterThanOrEqual(2);
    for (const s of html) {
      expect(listingOwner.has(s.url), `${s.id}: ${s.url} is not a listing_page in sources.json`).toBe(true);
      expect(s.selectors?.item).toBeTruthy();
      expect(s.selectors?.link).toBeTruthy();
    }
  });

  it("covers German and French outlets and at least one news-search feed", () => {
    const de = CATALOGUE.filter((s) => s.language === "de").map((s) => s.id);
    const fr = CATALOGUE.filter((s) => s.language === "fr").map((s) => s.id);
    expect(de).toEqual(expect.arrayContaining(["heise-ki", "golem-ki", "netzpolitik-org", "lto"]));
    expect(fr).toEqual(expect.arrayContaining(["le-monde-pixels", "next-ink"]));
    const search = CATALOGUE.filter((s) =>
      /news\.google\.com\/rss\/search|hnrss\.org\/newest\?q=/.test(s.url),
    );
    expect(search.length).toBeGreaterThanOrEqual(1);
  });

  it("gives every source a name, a homepage from sources.json and a language", () => {
    for (const s of CATALOGUE) {
      expect(s.name.trim(), s.id).not.toBe("");
      expect(homepages.has(s.homepage ?? ""), `${s.id}: homepage`).toBe(true);
      expect(s.language, s.id).toMatch(/^[a-z]{2}$/);
    }
  });

  it("round-trips through parseSourcesJson unchanged", () => {
    expect(parseSourcesJson(JSON.stringify(CATALOGUE))).toEqual(CATALOGUE);
  });
});
