import { describe, expect, it } from "vitest";
import {
  buildDigest,
  digestForSubscriber,
  isEmptyDigest,
  MAX_STORIES_PER_CASE,
  storyCount,
} from "../../../src/domain/digest/build-digest";
import type { DigestArticleInput } from "../../../src/domain/digest/digest-model";
import { caseHighlight } from "../../../src/domain/digest/significance";
import { groupStories } from "../../../src/domain/digest/story-groups";
import { digestSubject } from "../../../src/domain/digest/subject";
import { fixtureInput } from "../../helpers/digest-fixture";

function art(id: number, title: string, over: Partial<DigestArticleInput> = {}): DigestArticleInput {
  return {
    id,
    url: `https://news${id}.example/a/${id}`,
    title,
    summary: `summary ${id}`,
    sourceName: `Outlet ${id}`,
    date: `2026-11-2${id % 7}T10:00:00.000Z`,
    caseIds: ["c"],
    ...over,
  };
}

describe("groupStories", () => {
  it("shows the same story from several outlets once, earliest report first, every outlet listed", () => {
    const stories = groupStories([
      art(2, "Judge approves $1.5 billion Anthropic settlement with authors", {
        date: "2026-11-24T18:00:00Z",
      }),
      art(1, "Judge approves $1.5 billion Anthropic settlement with authors", {
        date: "2026-11-24T15:00:00Z",
      }),
      art(3, "Judge Approves $1.5 Billion Anthropic Settlement With Authors!", {
        date: "2026-11-25T15:00:00Z",
      }),
      art(4, "Meta asks Ninth Circuit to review torrenting claims", { date: "2026-11-26T15:00:00Z" }),
    ]);
    expect(stories).toHaveLength(2);
    expect(stories[0]!.url).toBe("https://news1.example/a/1");
    expect(stories[0]!.sources.map((s) => s.name)).toEqual(["Outlet 1", "Outlet 2", "Outlet 3"]);
    expect(stories[0]!.summary).toBe("summary 1");
    expect(stories[1]!.sources).toHaveLength(1);
  });

  it("merges reworded headlines with a large token overlap, keeps distinct news apart", () => {
    const stories = groupStories([
      art(1, "OpenAI ordered to hand over 20 million ChatGPT logs to news publishers"),
      art(2, "OpenAI ordered to hand over 20 million ChatGPT logs, judge says"),
      art(3, "Authors appeal Kadrey ruling over Meta training data"),
      art(4, "Judge rules in Kadrey against Meta over torrenting"),
    ]);
    expect(stories.map((s) => s.sources.length)).toEqual([2, 1, 1]);
  });

  it("lists an outlet once even when it ran the story twice, and takes the first non-empty summary", () => {
    const stories = groupStories([
      art(1, "Same headline about the copyright case today", { sourceName: "Wire", summary: "" }),
      art(2, "Same headline about the copyright case today", { sourceName: "Wire", summary: "second" }),
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.sources).toEqual([{ name: "Wire", url: "https://news1.example/a/1" }]);
    expect(stories[0]!.summary).toBe("second");
  });
});

describe("caseHighlight", () => {
  const c = { id: "c", caption: "C", court: "", status: "", statusDate: null, filed: "2020-01-01" };
  const start = "2026-11-23T00:00:00.000Z";
  const end = "2026-11-30T00:00:00.000Z";
  const story = (title: string) => ({
    title,
    summary: "",
    url: "https://x.example/",
    date: start,
    sources: [],
  });
  it.each([
    ["Authors sue Apple over AI training", "new-filing"],
    ["Publishers file a lawsuit against Cohere", "new-filing"],
    ["Judge dismisses most claims against Stability", "ruling"],
    ["Court grants class certification", "ruling"],
    ["Settlement approved in authors' case", "ruling"],
    ["Lawyers spar over discovery schedule", null],
  ])("%s → %s", (title, expected) => {
    expect(caseHighlight(c, [story(title)], start, end)).toBe(expected);
  });

  it("uses the registry: filed or status changed during the week", () => {
    expect(caseHighlight({ ...c, filed: "2026-11-24" }, [], start, end)).toBe("new-filing");
    expect(caseHighlight({ ...c, statusDate: "2026-11-29" }, [], start, end)).toBe("ruling");
    expect(caseHighlight({ ...c, statusDate: "2026-11-30", filed: "2026-11" }, [], start, end)).toBeNull();
  });
});

describe("buildDigest", () => {
  const model = buildDigest(fixtureInput());

  it("orders cases: new filings and rulings first, then by coverage", () => {
    expect(model.cases.map((c) => [c.id, c.highlight, c.articleCount])).toEqual([
      ["bartz-v-anthropic", "ruling", 3],
      ["nyt-v-microsoft-openai", "ruling", 1],
      ["example-v-newco", "new-filing", 1],
      ["getty-v-stability-uk", null, 3],
      ["kadrey-v-meta", null, 2],
    ]);
  });

  it("keeps only the week, http(s) links and known cases", () => {
    const urls = model.cases.flatMap((c) => c.stories.flatMap((s) => s.sources.map((x) => x.url)));
    expect(urls).not.toContain("javascript:alert(1)");
    expect(urls).not.toContain("https://reuters.example/next-week");
    expect(model.cases.find((c) => c.id === "quiet-case")).toBeUndefined();
    expect(model.start).toBe("2026-11-23T00:00:00.000Z");
    expect(model.end).toBe("2026-11-30T00:00:00.000Z");
  });

  it("groups the syndicated story and cleans control characters", () => {
    const bartz = model.cases[0]!;
    expect(bartz.stories[0]!.sources.map((s) => s.name)).toEqual(["Reuters", "The Verge"]);
    const getty = model.cases.find((c) => c.id === "getty-v-stability-uk")!;
    const all = JSON.stringify(getty);
    expect(all).not.toMatch(/[\u0000-\u001f]/);
    expect(
      getty.stories.some((s) => s.summary === "An explainer with a control character and a line break."),
    ).toBe(true);
  });

  it("lists candidates first seen in the week only", () => {
    expect(model.candidates.map((c) => c.caption)).toEqual(["Doe v. NewAI Corp"]);
    expect(model.candidates[0]!.links).toHaveLength(2);
  });

  it("caps the stories per case and counts the rest", () => {
    const input = fixtureInput();
    input.articles = Array.from({ length: MAX_STORIES_PER_CASE + 3 }, (_, i) => ({
      id: 100 + i,
      url: `https://n.example/${i}`,
      title: `Distinct headline number ${i} about unrelated ${"topic".repeat(i + 1)}`,
      summary: "",
      sourceName: "N",
      date: "2026-11-25T00:00:00.000Z",
      caseIds: ["kadrey-v-meta"],
    }));
    const m = buildDigest(input);
    expect(m.cases[0]!.stories).toHaveLength(MAX_STORIES_PER_CASE);
    expect(m.cases[0]!.moreStories).toBe(3);
    expect(storyCount(m)).toBe(MAX_STORIES_PER_CASE + 3);
  });

  it("gives a case follower only their cases and no candidates; an empty selection is an empty digest", () => {
    const mine = digestForSubscriber(model, ["kadrey-v-meta", "getty-v-stability-uk"]);
    expect(mine.cases.map((c) => c.id)).toEqual(["getty-v-stability-uk", "kadrey-v-meta"]);
    expect(mine.candidates).toEqual([]);
    expect(digestForSubscriber(model, null)).toBe(model);
    expect(isEmptyDigest(digestForSubscriber(model, ["quiet-case"]))).toBe(true);
    expect(isEmptyDigest(model)).toBe(false);
  });
});

describe("digestSubject", () => {
  const model = buildDigest(fixtureInput());

  it("says what is inside", () => {
    expect(digestSubject(model)).toBe(
      "AI copyright this week: Judge approves $1.5 billion Anthropic settlement with authors, +4 more cases, 1 new suit spotted · 2026-W48",
    );
  });

  it("adapts to a follower's selection and to quiet weeks", () => {
    expect(digestSubject(digestForSubscriber(model, ["kadrey-v-meta"]))).toBe(
      "AI copyright this week: Authors push back on Meta's bid for an early appeal · 2026-W48",
    );
    expect(digestSubject({ ...model, cases: [] })).toBe(
      "AI copyright this week: 1 new suit spotted · 2026-W48",
    );
    expect(digestSubject({ ...model, cases: [], candidates: [] })).toBe(
      "AI copyright this week: no new litigation coverage · 2026-W48",
    );
  });

  it("shortens a long lead headline", () => {
    const long = buildDigest({
      ...fixtureInput(),
      articles: [
        {
          id: 1,
          url: "https://x.example/1",
          title: `Judge ${"very ".repeat(60)}long headline`,
          summary: "",
          sourceName: "X",
          date: "2026-11-24T00:00:00.000Z",
          caseIds: ["kadrey-v-meta"],
        },
      ],
      candidates: [],
    });
    const s = digestSubject(long);
    expect(s.length).toBeLessThan(120);
    expect(s).toMatch(/… · 2026-W48$/);
  });
});
