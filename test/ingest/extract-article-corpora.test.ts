import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract-article";
import {
  type CorpusCase,
  postlightCases,
  readabilityCases,
  realFeedsCases,
  sameTitle,
  tokenSetF1,
} from "./extract-corpus-cases";

interface CorpusScore {
  cases: number;
  titled: number;
  titleAgree: number;
  texted: number;
  meanF1: number;
  meanPrecision: number;
  meanRecall: number;
  /** Cases with a body expectation whose token-set F1 is at least 0.9. */
  f1AtLeast09: number;
  /** Cases where at least 100 words of text came out. */
  substantial: number;
  methods: Record<string, number>;
}

function score(cases: CorpusCase[]): CorpusScore {
  const s: CorpusScore = {
    cases: cases.length,
    titled: 0,
    titleAgree: 0,
    texted: 0,
    meanF1: 0,
    meanPrecision: 0,
    meanRecall: 0,
    f1AtLeast09: 0,
    substantial: 0,
    methods: {},
  };
  for (const c of cases) {
    const r = extractArticle(readFileSync(c.file, "utf8"), c.url);
    s.methods[r.method] = (s.methods[r.method] ?? 0) + 1;
    if (r.text.split(/\s+/).length >= 100) s.substantial++;
    if (c.expectedTitle !== null) {
      s.titled++;
      if (sameTitle(r.title, c.expectedTitle)) s.titleAgree++;
    }
    if (c.expectedText !== null) {
      const m = tokenSetF1(r.text, c.expectedText);
      s.texted++;
      s.meanF1 += m.f1;
      s.meanPrecision += m.precision;
      s.meanRecall += m.recall;
      if (m.f1 >= 0.9) s.f1AtLeast09++;
    }
  }
  if (s.texted > 0) {
    s.meanF1 /= s.texted;
    s.meanPrecision /= s.texted;
    s.meanRecall /= s.texted;
  }
  return s;
}

function report(name: string, s: CorpusScore): void {
  const pct = (n: number, d: number): string => (d ? `${n}/${d} (${((100 * n) / d).toFixed(1)}%)` : "n/a");
  const text = s.texted
    ? `token-set F1 ${s.meanF1.toFixed(3)} (P ${s.meanPrecision.toFixed(3)}, R ${s.meanRecall.toFixed(3)}), ` +
      `F1>=0.9 ${pct(s.f1AtLeast09, s.texted)}`
    : "no body expectations";
  console.log(
    `[extract ${name}] ${s.cases} pages; title agreement ${pct(s.titleAgree, s.titled)}; ${text}; ` +
      `>=100 words ${pct(s.substantial, s.cases)}; methods ${JSON.stringify(s.methods)}`,
  );
}

// Floors sit a little below the measured values (see the report lines); a drop below them is a regression.
describe("extractArticle against shared corpora", () => {
  it("Readability pages: body token-set F1 and title agreement", () => {
    const cases = readabilityCases();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const s = score(cases);
    report("readability", s);
    expect(s.meanF1).toBeGreaterThanOrEqual(0.94); // measured 0.967
    expect(s.f1AtLeast09).toBeGreaterThanOrEqual(37); // measured 39/40
    expect(s.titleAgree / s.titled).toBeGreaterThanOrEqual(0.74); // measured 31/39
  });

  it("Postlight pages: title agreement and substantial text", () => {
    const cases = postlightCases();
    expect(cases.length).toBeGreaterThanOrEqual(33);
    const s = score(cases);
    report("postlight", s);
    expect(s.titleAgree / s.titled).toBeGreaterThanOrEqual(0.8); // measured 26/31
    expect(s.substantial).toBeGreaterThanOrEqual(31); // measured 32/33
    expect(s.methods.none ?? 0).toBe(0);
  });

  it("real-feeds target-site pages: title agreement and body F1", () => {
    const cases = realFeedsCases();
    expect(cases.length).toBeGreaterThanOrEqual(16);
    const s = score(cases);
    report("real-feeds", s);
    expect(s.texted).toBe(5);
    expect(s.meanF1).toBeGreaterThanOrEqual(0.95); // measured 0.974
    expect(s.titleAgree / s.titled).toBeGreaterThanOrEqual(0.8); // measured 12/14
    expect(s.substantial).toBe(s.cases);
  });
});
