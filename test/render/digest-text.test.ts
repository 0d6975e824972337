import { describe, expect, it } from "vitest";
import { renderDigestText, TEXT_WIDTH, wrapText } from "../../src/render/digest-text";
import { expectDigestGolden, fixtureModel, PERSONAL_LINKS } from "./digest-golden";

describe("renderDigestText", () => {
  const model = fixtureModel();
  const text = renderDigestText(model, PERSONAL_LINKS, { followedCases: null });

  it("matches the golden file of the fixed week", () => {
    expectDigestGolden("2026-W48.txt", text);
  });

  it("has the same content as the HTML part: every case, story, source and link", () => {
    for (const c of model.cases) {
      expect(text).toContain(c.caption);
      expect(text).toContain(`https://casewire.example/cases/${c.id}`);
      for (const s of c.stories) for (const src of s.sources) expect(text).toContain(src.url);
    }
    expect(text).toContain("NEW LAWSUITS SPOTTED");
    expect(text).toContain("Doe v. NewAI Corp");
    expect(text).toContain(PERSONAL_LINKS.unsubscribeUrl!);
  });

  it("keeps prose within the width and never breaks a link", () => {
    for (const line of text.split("\n")) {
      if (/https?:\/\//.test(line)) expect(line).toMatch(/^(\S+: | {2}|[A-Za-z ()]+: )?https:\/\/\S+$/);
      else expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
    }
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it("wraps at word boundaries with an indent", () => {
    expect(wrapText("one two three four", 9, "  ")).toEqual(["  one two", "  three", "  four"]);
  });
});
