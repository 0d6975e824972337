import { describe, expect, it } from "vitest";
import { classify } from "../../../src/domain/classifier/classify";
import type { ClassifyInput, ClassifyResult } from "../../../src/domain/types";

function expectWellFormed(res: ClassifyResult): void {
  expect(["ai-copyright-litigation", "ai-copyright-other", "not-relevant"]).toContain(res.topic);
  expect(res.relevance).toBeGreaterThanOrEqual(0);
  expect(res.relevance).toBeLessThanOrEqual(1);
  for (const c of res.cases) {
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThanOrEqual(1);
    expect(Array.isArray(c.evidence)).toBe(true);
  }
  if (res.topic !== "ai-copyright-litigation") expect(res.cases).toEqual([]);
}

describe("robustness", () => {
  it("handles empty input", () => {
    const res = classify({ title: "", text: "" });
    expect(res).toEqual({
      topic: "not-relevant",
      relevance: expect.any(Number),
      cases: [],
      unknownCaptions: [],
    });
  });

  it("treats non-string fields as empty instead of throwing", () => {
    const odd = { title: 42, text: { nested: true }, url: null } as unknown as ClassifyInput;
    expectWellFormed(classify(odd));
    expectWellFormed(classify(undefined as unknown as ClassifyInput));
  });

  it("handles 1 MB of text and still finds the case", () => {
    const para =
      "Authors led by Richard Kadrey sued Meta, saying Llama was trained on pirated books; Judge Chhabria presides. ";
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const res = classify({ title: "Kadrey v. Meta", text });
    expectWellFormed(res);
    expect(res.cases[0]?.id).toBe("kadrey-v-meta");
  });

  it("handles 1 MB without sentence breaks", () => {
    const text = "copyright lawsuit OpenAI Meta authors sued ".repeat(25_000);
    expectWellFormed(classify({ title: "x", text }));
  });

  it("handles binary junk", () => {
    let seed = 7;
    const chars: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(seed & 0xffff));
    }
    const junk = chars.join("");
    expectWellFormed(classify({ title: junk.slice(0, 300), text: junk }));
    expectWellFormed(classify({ title: "\u0000\uffff\ud800", text: "\udfff\u0000".repeat(1000) }));
    const wrapped = classify({
      title: "Bartz v. Anthropic settlement approved",
      text: `${junk.slice(0, 5000)} Judge William Alsup approved the authors' settlement with Anthropic. ${junk.slice(5000, 10000)}`,
    });
    expect(wrapped.cases.map((c) => c.id)).toContain("bartz-v-anthropic");
  });

  it("handles emoji-only text", () => {
    const res = classify({ title: "🤖⚖️📚", text: "🎵🎶🎤".repeat(10_000) });
    expectWellFormed(res);
    expect(res.topic).toBe("not-relevant");
  });

  it("is deterministic across calls", () => {
    const input = {
      title: "Getty Images v Stability AI ruling",
      text: "The High Court in London ruled for Stability AI.",
    };
    expect(classify(input)).toEqual(classify(input));
  });
});
