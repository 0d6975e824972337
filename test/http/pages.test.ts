import { createHash } from "node:crypto";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileTexts } from "../helpers/hostile-text";
import { article, httpTestApp, PUBLIC_URL, type TestApp } from "../helpers/http-app";

const KADREY = { id: "kadrey-v-meta", score: 0.9, evidence: ["Kadrey"] };
const BARTZ = { id: "bartz-v-anthropic", score: 0.8, evidence: ["Bartz"] };

/** Elements and attributes the page templates use; anything else would have come from feed text. */
const ALLOWED_ELEMENTS = new Set(
  (
    "html head meta title link style body a header p search form label input button main h1 h2 h3 section ol ul li " +
    "article time footer span nav dl dt dd mark code pre strong fieldset legend details summary"
  ).split(" "),
);
const ALLOWED_ATTRIBUTES = new Set(
  (
    "lang charset name content rel type title href class id action method role for value placeholder " +
    "maxlength datetime aria-labelledby aria-label required autocomplete spellcheck checked"
  ).split(" "),
);

async function page(t: TestApp, path: string, status = 200) {
  const res = await t.app.request(path);
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  const html = await res.text();
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  return { res, html, $: load(html) };
}

/** Checks every element and attribute against the templates' vocabulary and every link's scheme. */
function expectOnlyOurMarkup($: ReturnType<typeof load>) {
  const seen = new Set<string>();
  $("*").each((_, el) => {
    if (el.type !== "tag") return;
    seen.add(el.tagName);
    expect(ALLOWED_ELEMENTS.has(el.tagName), `element <${el.tagName}>`).toBe(true);
    for (const attr of Object.keys(el.attribs)) {
      expect(ALLOWED_ATTRIBUTES.has(attr), `attribute ${attr} on <${el.tagName}>`).toBe(true);
    }
  });
  $("[href]").each((_, el) => {
    const href = $(el).attr("href")!;
    expect(/^(\/(?!\/)|#|https?:\/\/)/.test(href), `href ${href}`).toBe(true);
  });
  $("[action]").each((_, el) => {
    expect(["/search", "/api/subscriptions"]).toContain($(el).attr("action"));
  });
  return seen;
}

function expectStrictCsp(res: Response, html: string) {
  const csp = res.headers.get("content-security-policy")!;
  const css = load(html)("style").text();
  const hash = createHash("sha256").update(css).digest("base64");
  expect(csp).toBe(
    `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; form-action 'self'; base-uri 'none'; ` +
      "frame-ancestors 'none'",
  );
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(load(html)("script")).toHaveLength(0);
}

describe("HTML pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await httpTestApp([
      article(1, { title: "Chhabria rules for Meta", cases: [KADREY] }),
      article(2, { title: "Anthropic settlement approved", sourceId: "legal", cases: [BARTZ] }),
      article(3, {
        title: "Fair use in the Bartz case",
        summary: "The judge found fair use.",
        cases: [BARTZ],
      }),
    ]);
  });
  afterAll(() => t.close());

  it("/ lists cases by latest coverage with counts, feed links, search, subscribe slot and autodiscovery", async () => {
    const { res, html, $ } = await page(t, "/");
    expectStrictCsp(res, html);
    expect($("html").attr("lang")).toBe("en");
    expect($('meta[name="viewport"]').attr("content")).toContain("width=device-width");
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr("href")).toBe(
      `${PUBLIC_URL}/feeds/all.rss`,
    );
    expect($('link[rel="alternate"][type="application/atom+xml"]')).toHaveLength(1);
    expect($('link[rel="alternate"][type="application/feed+json"]')).toHaveLength(1);
    expect($('form[action="/search"] input[name="q"]')).toHaveLength(1);
    expect($("section#subscribe")).toHaveLength(1);
    // The form lists cases by caption (as the manage page does), not in the home page's coverage order.
    const offered = $('section#subscribe input[name="cases"]')
      .map((_, el) => $(el).parent().text().trim().toLowerCase())
      .get();
    expect(offered.length).toBeGreaterThan(2);
    expect(offered).toEqual([...offered].sort());
    expect($("h1").text()).toBeTruthy();
    const caseHeadings = $("#cases-title").parent().find("h3 a");
    expect(
      caseHeadings
        .slice(0, 2)
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(["Bartz et al. v. Anthropic PBC", "Kadrey v. Meta Platforms, Inc."]);
    expect(caseHeadings.first().attr("href")).toBe("/cases/bartz-v-anthropic");
    const bartz = caseHeadings.first().closest("article");
    expect(bartz.text()).toContain("2 articles");
    expect(bartz.find("a[href$='/feeds/cases/bartz-v-anthropic.rss']")).toHaveLength(1);
    expect(bartz.find("a[href$='/feeds/cases/bartz-v-anthropic.json']")).toHaveLength(1);
    expect($("#latest-title").parent().find("h3").first().text()).toBe("Fair use in the Bartz case");
    expectOnlyOurMarkup($);
    expect(res.headers.get("etag")).toBeTruthy();
  });

  it("/cases/:id shows facts, a CourtListener link, feeds and articles newest first", async () => {
    const { res, html, $ } = await page(t, "/cases/bartz-v-anthropic");
    expectStrictCsp(res, html);
    expect($("h1").text()).toBe("Bartz et al. v. Anthropic PBC");
    const facts = $("dl.facts").text();
    expect(facts).toContain("U.S. District Court for the Northern District of California");
    expect(facts).toContain("William Alsup");
    expect($("dl.facts a").first().attr("href")).toBe("https://www.courtlistener.com/?q=3%3A24-cv-05417-WHA");
    expect($('link[rel="alternate"]').first().attr("href")).toBe(
      `${PUBLIC_URL}/feeds/cases/bartz-v-anthropic.rss`,
    );
    expect($('section#subscribe input[name="cases"][value="bartz-v-anthropic"][checked]')).toHaveLength(1);
    const items = $("#coverage-title").parent().find("li article");
    expect(items.map((_, a) => $(a).find("h3").text()).get()).toEqual([
      "Fair use in the Bartz case",
      "Anthropic settlement approved",
    ]);
    expect(items.eq(1).find(".meta").text()).toContain("Legal Daily");
    expect(items.eq(1).find("time").attr("datetime")).toBe("2025-06-01T02:00:00.000Z");
    expect(items.eq(0).find("h3 a").attr("href")).toBe("https://wire.example/news/3");
    expectOnlyOurMarkup($);
  });

  it("unknown case and unknown paths get the HTML 404 page", async () => {
    const { res, $ } = await page(t, "/cases/<script>alert(1)</script>", 404);
    expect($("h1").text()).toBe("Not found");
    expect($("script")).toHaveLength(0);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const other = await page(t, "/no/such/page", 404);
    expect(other.$("main p").first().text()).toContain("/no/such/page");
  });

  it("a case page with a cursor this site did not issue gets an uncached HTML 400 page", async () => {
    for (const bad of ["x", "%3Cscript%3E", "eyJraW5kIjoicmFuayJ9"]) {
      const { res, html, $ } = await page(t, `/cases/kadrey-v-meta?cursor=${bad}`, 400);
      expect($("h1").text()).toBe("Bad request");
      expect($("main p").first().text()).toContain("/cases/kadrey-v-meta");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
      expectStrictCsp(res, html);
      expectOnlyOurMarkup($);
    }
    // Still 400 when asked again: the bogus key never became a cached page.
    const again = await t.app.request("/cases/kadrey-v-meta?cursor=x");
    expect(again.status).toBe(400);
  });

  it("/search shows ranked results with highlighted snippets and a way to order by date", async () => {
    const { $ } = await page(t, "/search?q=fair%20use");
    expect($('input[name="q"]').first().attr("value")).toBe("fair use");
    const items = $("#results-title").parent().find("li article");
    expect(items).toHaveLength(1);
    expect(
      items
        .find("mark")
        .map((_, m) => $(m).text().toLowerCase())
        .get(),
    ).toEqual(["fair", "use"]);
    expect($('a[href="/search?q=fair+use&sort=date"]')).toHaveLength(1);
    const empty = await page(t, "/search");
    expect(empty.$("#results-title")).toHaveLength(0);
    const noWords = await page(t, "/search?q=%3F%3F");
    expect(noWords.$("main").text()).toContain("Type at least one word");
  });
});

describe("HTML pages with hostile feed text", () => {
  it("show hostile titles and summaries as text, never as markup, and never link non-http URLs", async () => {
    const hostile = hostileTexts();
    const t = await httpTestApp(
      hostile.map((h, i) =>
        article(i + 1, {
          title: h.file.startsWith("entry_title") ? h.text : `Title ${i + 1}`,
          summary: h.file.startsWith("entry_summary") ? h.text : "",
          url: i % 2 ? `https://wire.example/news/${i + 1}` : `javascript:alert(${i + 1})`,
          cases: [KADREY],
        }),
      ),
    );
    try {
      const pages = ["/", "/cases/kadrey-v-meta", "/search?q=safe&sort=date"];
      for (const path of pages) {
        const { $ } = await page(t, path);
        expectOnlyOurMarkup($);
        expect($("script, iframe, object, embed, applet, meta[http-equiv], frame, blink")).toHaveLength(0);
      }
      // Every stored title comes back verbatim as the text of its heading.
      let cursor: string | null = "/cases/kadrey-v-meta";
      const headings: string[] = [];
      while (cursor) {
        const { $ } = await page(t, cursor);
        $("#coverage-title")
          .parent()
          .find("li h3")
          .each((_, h) => {
            headings.push($(h).text());
          });
        cursor = $('a[rel="next"]').attr("href") ?? null;
      }
      const titles = hostile.map((h, i) => (h.file.startsWith("entry_title") ? h.text : `Title ${i + 1}`));
      expect(headings.sort()).toEqual([...titles].sort());
      const search = await page(t, "/search?q=safe");
      expect(search.$("mark").length).toBeGreaterThan(0);
      expectOnlyOurMarkup(search.$);
    } finally {
      t.close();
    }
  });
});
