import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLabeled } from "../../../src/cli/eval-command";
import { classify } from "../../../src/domain/classifier/classify";
import { evaluate } from "../../../src/domain/classifier/evaluate";

const DEV = resolve(process.cwd(), "../shared/eval/dev.jsonl");

/** Floors a little under what the classifier reaches on dev.jsonl, so a regression fails the build. */
describe("classifier quality on the labeled dev set", () => {
  const rows = parseLabeled(readFileSync(DEV, "utf8"));
  const report = evaluate(rows, classify);

  it("reads the whole set", () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
  });

  it("separates litigation from the rest", () => {
    expect(report.relevance.precision).toBeGreaterThanOrEqual(0.98);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.97);
    expect(report.topicAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("assigns cases", () => {
    expect(report.cases.f1).toBeGreaterThanOrEqual(0.96);
    expect(report.cases.precision).toBeGreaterThanOrEqual(0.97);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.96);
  });

  it("never gives a case to a not-relevant article", () => {
    expect(report.casesOnNotRelevant).toEqual([]);
  });
});
