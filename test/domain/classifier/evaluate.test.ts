import { describe, expect, it } from "vitest";
import { evaluate, formatEvalReport, type LabeledArticle } from "../../../src/domain/classifier/evaluate";
import type { ClassifyInput, ClassifyResult, Topic } from "../../../src/domain/types";

const LIT: Topic = "ai-copyright-litigation";

function row(id: string, topic: Topic, labels: string[]): LabeledArticle {
  return { id, title: id, text: "", topic, labels };
}

/** A fake classifier answering from a table keyed by title. */
function fake(answers: Record<string, { topic: Topic; cases: string[] }>) {
  return (input: ClassifyInput): ClassifyResult => {
    const a = answers[input.title]!;
    return {
      topic: a.topic,
      relevance: a.topic === LIT ? 0.9 : 0.1,
      cases: a.cases.map((id) => ({ id, score: 0.8, evidence: [] })),
      unknownCaptions: [],
    };
  };
}

describe("evaluate", () => {
  const rows = [
    row("a1", LIT, ["x", "y"]),
    row("a2", LIT, ["x"]),
    row("a3", "ai-copyright-other", []),
    row("a4", "not-relevant", []),
    row("a5", LIT, ["z"]),
  ];
  const answers = {
    a1: { topic: LIT, cases: ["x"] }, // misses y
    a2: { topic: LIT, cases: ["x", "z"] }, // false z
    a3: { topic: LIT, cases: [] }, // relevance false positive
    a4: { topic: LIT, cases: ["x"] }, // case on a not-relevant article
    a5: { topic: "ai-copyright-other" as Topic, cases: [] }, // relevance miss, misses z
  };
  const report = evaluate(rows, fake(answers));

  it("computes topic accuracy and relevance precision/recall", () => {
    expect(report.articles).toBe(5);
    expect(report.topicAccuracy).toBeCloseTo(2 / 5);
    expect(report.relevance).toMatchObject({ tp: 2, fp: 2, fn: 1 });
    expect(report.relevance.precision).toBeCloseTo(0.5);
    expect(report.relevance.recall).toBeCloseTo(2 / 3);
  });

  it("computes micro precision/recall/F1 over (article, case) pairs", () => {
    expect(report.cases).toMatchObject({ tp: 2, fp: 2, fn: 2 });
    expect(report.cases.precision).toBeCloseTo(0.5);
    expect(report.cases.recall).toBeCloseTo(0.5);
    expect(report.cases.f1).toBeCloseTo(0.5);
  });

  it("computes macro F1 and lists the worst cases with their articles", () => {
    const byId = Object.fromEntries(report.perCase.map((c) => [c.id, c]));
    expect(byId.x).toMatchObject({ tp: 2, fp: 1, fn: 0, falseHits: ["a4"] });
    expect(byId.y).toMatchObject({ tp: 0, fn: 1, misses: ["a1"], f1: 0 });
    expect(byId.z).toMatchObject({ tp: 0, fp: 1, fn: 1, misses: ["a5"], falseHits: ["a2"] });
    expect(report.macroF1).toBeCloseTo((0.8 + 0 + 0) / 3);
    expect(report.worst.map((w) => w.id)).toEqual(["z", "y", "x"]);
    expect(report.casesOnNotRelevant).toEqual(["a4"]);
  });

  it("formats a readable report with throughput", () => {
    const text = formatEvalReport(report, { seconds: 0.5, articles: 5, bytes: 2_000_000 });
    expect(text).toContain("topic accuracy: 40.0%");
    expect(text).toContain("relevance (litigation vs rest): precision 50.0%, recall 66.7%");
    expect(text).toContain("cases (micro): precision 50.0%, recall 50.0%, F1 50.0%");
    expect(text).toContain("  z: F1 0.0% (tp 0, fp 1, fn 1)");
    expect(text).toContain("    misses: a5");
    expect(text).toContain("    false hits: a2");
    expect(text).toContain("throughput: 10 articles/s, 4.00 MB/s");
    expect(text).toContain("cases assigned to not-relevant articles: 1 (a4)");
  });

  it("handles an empty set", () => {
    const empty = evaluate([], fake({}));
    expect(empty.articles).toBe(0);
    expect(formatEvalReport(empty)).toContain("worst cases:\n  (none)");
  });
});
