import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildDigest, digestForSubscriber } from "../../src/domain/digest/build-digest";
import { renderDigestHtml } from "../../src/render/digest-html";
import { FIXTURE_BASE } from "../helpers/digest-fixture";
import { expectDigestGolden, fixtureModel, PERSONAL_LINKS } from "./digest-golden";

describe("renderDigestHtml", () => {
  const model = fixtureModel();
  const html = renderDigestHtml(model, PERSONAL_LINKS, { followedCases: null });
  const $ = cheerio.load(html);

  it("matches the golden file of the fixed week", () => {
    expectDigestGolden("2026-W48.html", html);
  });

  it("matches the golden file of the archive copy (no personal links)", () => {
    expectDigestGolden(
      "2026-W48.archive.html",
      renderDigestHtml(model, { base: FIXTURE_BASE }, { followedCases: null }),
    );
  });

  it("escapes feed text and links only to http(s)", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; What the Getty case");
    expect(html).toContain("Example Authors v. NewCo AI &lt;Inc.&gt;");
    expect(html).not.toContain("javascript:");
    const hrefs = $("a[href]")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs.length).toBeGreaterThan(20);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\//);
  });

  it("is a table layout for mail clients, accessible and dark-mode aware", () => {
    expect($("html").attr("lang")).toBe("en");
    expect($('meta[name="color-scheme"]').attr("content")).toBe("light dark");
    expect(html).toContain("@media (prefers-color-scheme:dark)");
    expect(html).toContain("<!--[if mso]>");
    for (const t of $("table").toArray()) expect($(t).attr("role")).toBe("presentation");
    expect($("h1")).toHaveLength(1);
    expect(
      $("h2")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual([
      "Bartz v. Anthropic PBC",
      "The New York Times Co. v. Microsoft Corp. & OpenAI",
      "Example Authors v. NewCo AI <Inc.>",
      "Getty Images v. Stability AI (UK)",
      "Kadrey v. Meta Platforms, Inc.",
      "New lawsuits spotted",
    ]);
    // Every element carrying text colour also has a class the dark-mode block overrides.
    for (const el of $("[style*='color:#']").toArray()) {
      expect($(el).attr("class") ?? "", $.html(el).slice(0, 80)).toMatch(/cw-/);
    }
  });

  it("shows each story once with its sources, the case page and feed, and the footer links", () => {
    const bartz = $("h2").first().closest("td");
    expect(bartz.text()).toContain("also reported by The Verge");
    expect(bartz.find('a[href="https://casewire.example/feeds/cases/bartz-v-anthropic.rss"]')).toHaveLength(
      1,
    );
    expect(bartz.find("h3")).toHaveLength(2);
    expect($(`a[href="${PERSONAL_LINKS.unsubscribeUrl}"]`).text()).toBe("Unsubscribe");
    expect($(`a[href="${PERSONAL_LINKS.manageUrl}"]`).text()).toBe("Change your cases");
    expect($('a[href="https://casewire.example/digests/2026-W48"]').text()).toBe("Read on the web");
  });

  it("renders a follower's copy without other cases or candidates", () => {
    const mine = renderDigestHtml(digestForSubscriber(model, ["kadrey-v-meta"]), PERSONAL_LINKS, {
      followedCases: 1,
    });
    expect(mine).toContain("Kadrey v. Meta Platforms");
    expect(mine).not.toContain("Bartz");
    expect(mine).not.toContain("New lawsuits spotted");
    expect(mine).toContain("because you follow 1 case at casewire");
  });
});

describe("digest size", () => {
  it("stays under Gmail's 102 KB clipping limit in the largest week the caps allow", () => {
    const input = {
      week: "2026-W48",
      cases: Array.from({ length: 20 }, (_, i) => ({
        id: `case-${i}`,
        caption: `Plaintiff Number ${i} et al. v. Defendant Corporation ${i}, Inc. and Others`,
        court: "U.S. District Court for the Northern District of California",
        status: "x ".repeat(200),
        statusDate: null,
        filed: "2020-01-01",
      })),
      articles: Array.from({ length: 20 * 12 * 3 }, (_, n) => {
        const c = Math.floor(n / 36);
        const story = Math.floor(n / 3);
        return {
          id: n,
          url: `https://outlet${n % 3}.example/${"long-path-segment/".repeat(4)}${n}`,
          title: `Story ${story} ${"headline words that go on ".repeat(12)}`,
          summary: "summary text ".repeat(40),
          sourceName: `Outlet number ${n % 3}`,
          date: "2026-11-25T10:00:00.000Z",
          caseIds: [`case-${c}`],
        };
      }),
      candidates: [],
    };
    const model = buildDigest(input);
    const bytes = new TextEncoder().encode(
      renderDigestHtml(model, PERSONAL_LINKS, { followedCases: null }),
    ).length;
    expect(model.cases.reduce((n, c) => n + c.stories.length, 0)).toBeLessThanOrEqual(60 + 20);
    expect(bytes).toBeLessThan(102 * 1024);
  });
});
