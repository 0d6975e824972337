import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileTexts } from "../helpers/hostile-text";
import { article, httpTestApp, PUBLIC_URL, type TestApp } from "../helpers/http-app";
import { strictXmlElements } from "../render/render-helpers";

const parser = new Parser();
const KADREY = { id: "kadrey-v-meta", score: 0.9, evidence: ["Kadrey"] };
const BARTZ = { id: "bartz-v-anthropic", score: 0.8, evidence: ["Bartz"] };

function seed() {
  return [
    article(1, { title: "Chhabria rules for Meta", cases: [KADREY] }),
    article(2, { title: "Anthropic settlement approved", sourceId: "legal", cases: [BARTZ] }),
    article(3, { title: "Both cases in one story", cases: [KADREY, BARTZ], publishedAt: null }),
    article(4, { title: "Not litigation", topic: "ai-copyright-other" }),
    article(5, { title: "Bad link", url: "javascript:alert(1)", cases: [KADREY] }),
  ];
}

describe("feeds", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await httpTestApp(seed());
  });
  afterAll(() => t.close());

  it("/feeds/all.rss is well-formed RSS of every litigation article, newest first", async () => {
    const res = await t.app.request("/feeds/all.rss");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const xml = await res.text();
    expect(strictXmlElements(xml)[0]).toBe("rss");
    expect(xml).toContain(`<atom:link href="${PUBLIC_URL}/feeds/all.rss" rel="self"`);
    expect(xml).toContain("<ttl>30</ttl>");
    expect(xml).not.toContain("javascript:");
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("casewire: AI copyright litigation");
    expect(feed.items.map((i) => i.title)).toEqual([
      "Both cases in one story",
      "Anthropic settlement approved",
      "Chhabria rules for Meta",
    ]);
    const both = feed.items[0]!;
    expect(both.link).toBe("https://wire.example/news/3");
    expect(both.guid).toBe("tag:casewire.example,2025:article:3");
    expect(both.categories).toEqual(["Kadrey v. Meta Platforms, Inc.", "Bartz et al. v. Anthropic PBC"]);
    expect(both.contentSnippet).toBe("Summary of article 3.");
    expect(both.creator).toBe("Example Wire");
    expect(new Date(both.pubDate!).toISOString()).toBe("2025-06-01T03:00:00.000Z");
    expect(feed.items[1]!.creator).toBe("Legal Daily");
  });

  it("/feeds/all.atom and /feeds/all.json carry the same entries", async () => {
    const atomRes = await t.app.request("/feeds/all.atom");
    expect(atomRes.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const atomXml = await atomRes.text();
    expect(strictXmlElements(atomXml)[0]).toBe("feed");
    const atom = await parser.parseString(atomXml);
    expect(atom.items.map((i) => i.id)).toEqual(
      [3, 2, 1].map((n) => `tag:casewire.example,2025:article:${n}`),
    );
    expect(atomXml).toContain(`href="${PUBLIC_URL}/feeds/all.atom" rel="self"`);

    const jsonRes = await t.app.request("/feeds/all.json");
    expect(jsonRes.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const json = (await jsonRes.json()) as {
      version: string;
      feed_url: string;
      items: {
        id: string;
        url: string;
        title: string;
        summary: string;
        tags: string[];
        authors: unknown[];
      }[];
    };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.feed_url).toBe(`${PUBLIC_URL}/feeds/all.json`);
    expect(json.items.map((i) => i.url)).toEqual([3, 2, 1].map((n) => `https://wire.example/news/${n}`));
    expect(json.items[0]!.tags).toContain("Kadrey v. Meta Platforms, Inc.");
    expect(json.items[1]!.authors).toEqual([{ name: "Legal Daily" }]);
  });

  it("/feeds/cases/:id.{rss,atom,json} has one case's articles; unknown case or format → 404", async () => {
    const feed = await parser.parseString(
      await (await t.app.request("/feeds/cases/bartz-v-anthropic.rss")).text(),
    );
    expect(feed.title).toBe("Bartz et al. v. Anthropic PBC (casewire)");
    expect(feed.link).toBe(`${PUBLIC_URL}/cases/bartz-v-anthropic`);
    expect(feed.items.map((i) => i.title)).toEqual([
      "Both cases in one story",
      "Anthropic settlement approved",
    ]);
    const atom = await t.app.request("/feeds/cases/bartz-v-anthropic.atom");
    expect(strictXmlElements(await atom.text())[0]).toBe("feed");
    const json = (await (await t.app.request("/feeds/cases/kadrey-v-meta.json")).json()) as {
      items: unknown[];
    };
    expect(json.items).toHaveLength(2);

    const missing = await t.app.request("/feeds/cases/no-such-case.rss");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(((await missing.json()) as { detail: string }).detail).toContain("no-such-case");
    expect((await t.app.request("/feeds/cases/kadrey-v-meta.xml")).status).toBe(404);
  });

  it("limit, filter and filterout work as in RSSHub; a bad limit is a 400 naming it", async () => {
    const titles = async (q: string) =>
      (await parser.parseString(await (await t.app.request(`/feeds/all.rss?${q}`)).text())).items.map(
        (i) => i.title,
      );
    expect(await titles("limit=1")).toEqual(["Both cases in one story"]);
    expect(await titles("filter=anthropic")).toEqual(["Anthropic settlement approved"]);
    expect(await titles("filterout=anthropic|both")).toEqual(["Chhabria rules for Meta"]);
    expect(await titles("filter=summary%20of%20article%201")).toEqual(["Chhabria rules for Meta"]);
    for (const bad of ["limit=0", "limit=201", "limit=ten"]) {
      const res = await t.app.request(`/feeds/all.rss?${bad}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain('"limit"');
    }
  });

  it("/feeds/cases.opml lists every case feed", async () => {
    const res = await t.app.request("/feeds/cases.opml");
    expect(res.headers.get("content-type")).toBe("text/x-opml; charset=utf-8");
    const xml = await res.text();
    const elements = strictXmlElements(xml);
    expect(elements[0]).toBe("opml");
    const cases = (await (await t.app.request("/api/cases")).json()) as { cases: { id: string }[] };
    expect(elements.filter((e) => e === "outline")).toHaveLength(cases.cases.length);
    expect(xml).toContain(`xmlUrl="${PUBLIC_URL}/feeds/cases/kadrey-v-meta.rss"`);
  });

  it("HEAD answers with headers only", async () => {
    const res = await t.app.request("/feeds/all.rss", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(await res.text()).toBe("");
  });
});

describe("feeds with hostile text", () => {
  it("stay well-formed and carry titles and summaries as text only", async () => {
    const hostile = hostileTexts();
    expect(hostile.length).toBeGreaterThan(50);
    const t = await httpTestApp(
      hostile.map((h, i) =>
        article(i + 1, {
          title: h.file.startsWith("entry_title") ? h.text : `Title ${i}`,
          summary: h.file.startsWith("entry_summary") ? h.text : "",
          cases: [KADREY],
        }),
      ),
    );
    try {
      for (const format of ["rss", "atom"]) {
        const xml = await (await t.app.request(`/feeds/all.${format}?limit=200`)).text();
        const elements = new Set(strictXmlElements(xml));
        const allowed =
          format === "rss"
            ? [
                "rss",
                "channel",
                "title",
                "link",
                "description",
                "language",
                "lastBuildDate",
                "ttl",
                "atom:link",
              ].concat(["item", "guid", "pubDate", "category", "dc:creator"])
            : ["feed", "id", "title", "subtitle", "updated", "link", "entry", "published", "summary"].concat([
                "category",
                "author",
                "name",
              ]);
        expect([...elements].filter((e) => !allowed.includes(e))).toEqual([]);
        const feed = await parser.parseString(xml);
        expect(feed.items).toHaveLength(hostile.length);
      }
      const json = (await (await t.app.request("/feeds/all.json?limit=200")).json()) as {
        items: { title: string }[];
      };
      expect(json.items.some((i) => i.title.includes("<script"))).toBe(true);
    } finally {
      t.close();
    }
  });
});
