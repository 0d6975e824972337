import { describe, expect, it } from "vitest";
import { classify } from "../../../src/domain/classifier/classify";

describe("unknown captions", () => {
  it("proposes captions of litigation that match no registry case", () => {
    const res = classify({
      title: "Novelists sue Acme AI over training data",
      text: "Jane Roe v. Acme AI Labs was filed on Monday, accusing the startup of copyright infringement by training its chatbot on pirated books.",
    });
    expect(res.topic).toBe("ai-copyright-litigation");
    expect(res.unknownCaptions).toContain("Jane Roe v. Acme AI Labs");
  });

  it("normalises 'X sued Y' to 'X v. Y' and drops corporate suffixes", () => {
    const res = classify({
      title: "Photo agency sues image generator",
      text: "Picture Archive Ltd sued Pixelforge Inc. in federal court, alleging copyright infringement in AI training.",
    });
    expect(res.unknownCaptions).toContain("Picture Archive v. Pixelforge");
  });

  it("does not propose known cases, well-known precedents or non-litigation articles", () => {
    const known = classify({
      title: "Kadrey v. Meta ruling",
      text: "In Kadrey v. Meta, the judge cited Campbell v. Acuff-Rose on fair use for AI training copies.",
    });
    expect(known.cases[0]?.id).toBe("kadrey-v-meta");
    expect(known.unknownCaptions).toEqual([]);
    const other = classify({ title: "Weather", text: "Smith v. Jones is a chess opening." });
    expect(other.unknownCaptions).toEqual([]);
  });
});
