/**
 * Floors for short inputs: feed items often carry only a title and a teaser. Measured on the dev set cut to its
 * titles and to title + first ~250 characters (derived here, not stored), and on a held-out set of short
 * articles written from the registry facts (test/fixtures/classifier/heldout-short.jsonl), a little under what
 * the classifier reaches, so a regression fails the build.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLabeled } from "../../../src/cli/eval-command";
import { classify } from "../../../src/domain/classifier/classify";
import { type EvalReport, evaluate, type LabeledArticle } from "../../../src/domain/classifier/evaluate";

const DEV = resolve(process.cwd(), "../shared/eval/dev.jsonl");
const HELDOUT = resolve(process.cwd(), "test/fixtures/classifier/heldout-short.jsonl");

/** The first `n` characters of a text, cut back to a word boundary (as a feed teaser would be). */
function teaser(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  const space = cut.lastIndexOf(" ");
  return space > n * 0.6 ? cut.slice(0, space) : cut;
}

function expectPrecise(report: EvalReport): void {
  expect(report.relevance.precision).toBeGreaterThanOrEqual(0.98);
  expect(report.cases.precision).toBeGreaterThanOrEqual(0.96);
  expect(report.casesOnNotRelevant).toEqual([]);
}

describe("classifier quality on short inputs", () => {
  const dev = parseLabeled(readFileSync(DEV, "utf8"));

  it("on dev titles alone", () => {
    const rows: LabeledArticle[] = dev.map((r) => ({ ...r, text: "" }));
    const report = evaluate(rows, classify);
    expectPrecise(report);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.82);
    expect(report.cases.recall).toBeGreaterThanOrEqual(0.51);
    expect(report.cases.f1).toBeGreaterThanOrEqual(0.67);
  });

  it("on dev titles with the first 250 characters of text", () => {
    const rows: LabeledArticle[] = dev.map((r) => ({ ...r, text: teaser(r.text, 250) }));
    expect(rows.some((r, i) => r.text.length < dev[i]!.text.length)).toBe(true);
    const report = evaluate(rows, classify);
    expectPrecise(report);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.96);
    expect(report.cases.recall).toBeGreaterThanOrEqual(0.68);
    expect(report.cases.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("on the held-out short articles", () => {
    const rows = parseLabeled(readFileSync(HELDOUT, "utf8"));
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(rows.every((r) => r.title.length + r.text.length <= 300)).toBe(true);
    const report = evaluate(rows, classify);
    expectPrecise(report);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.96);
    expect(report.topicAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.cases.f1).toBeGreaterThanOrEqual(0.94);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.94);
  });
});
