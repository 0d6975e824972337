/** Classifier evaluation on labeled articles: topic, relevance and case-assignment metrics. */
import type { ClassifyInput, ClassifyResult, Topic } from "../types";

/** One labeled article. */
export interface LabeledArticle {
  id: string;
  title: string;
  text: string;
  url?: string;
  labels: string[];
  topic: Topic;
}

/** Per-case counts and the articles behind them. */
export interface CaseReport {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  f1: number;
  /** Articles labeled with the case that did not get it. */
  misses: string[];
  /** Articles that got the case without the label. */
  falseHits: string[];
}

/** Metrics of one evaluation run. */
export interface EvalReport {
  articles: number;
  /** Characters of title + text classified. */
  chars: number;
  topicAccuracy: number;
  relevance: { precision: number; recall: number; tp: number; fp: number; fn: number };
  cases: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  /** Mean F1 over cases that are labeled or predicted at least once. */
  macroF1: number;
  /** Not-relevant articles that were given a case (should be zero). */
  casesOnNotRelevant: string[];
  /** The ten cases with the lowest F1 (most errors first on ties). */
  worst: CaseReport[];
  perCase: CaseReport[];
}

const LIT: Topic = "ai-copyright-litigation";

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Runs `classifyFn` over the rows and computes the metrics. */
export function evaluate(
  rows: readonly LabeledArticle[],
  classifyFn: (input: ClassifyInput) => ClassifyResult,
): EvalReport {
  let topicOk = 0;
  let chars = 0;
  const rel = { tp: 0, fp: 0, fn: 0 };
  const cs = { tp: 0, fp: 0, fn: 0 };
  const per = new Map<string, CaseReport>();
  const entry = (id: string) => {
    let e = per.get(id);
    if (!e) {
      e = { id, tp: 0, fp: 0, fn: 0, f1: 0, misses: [], falseHits: [] };
      per.set(id, e);
    }
    return e;
  };
  const casesOnNotRelevant: string[] = [];
  for (const row of rows) {
    const input: ClassifyInput = { title: row.title, text: row.text };
    if (row.url) input.url = row.url;
    chars += row.title.length + row.text.length;
    const res = classifyFn(input);
    if (res.topic === row.topic) topicOk++;
    const goldLit = row.topic === LIT;
    const predLit = res.topic === LIT;
    if (goldLit && predLit) rel.tp++;
    else if (predLit) rel.fp++;
    else if (goldLit) rel.fn++;
    const predicted = new Set(res.cases.map((c) => c.id));
    const gold = new Set(row.labels);
    if (row.topic === "not-relevant" && predicted.size > 0) casesOnNotRelevant.push(row.id);
    for (const id of predicted) {
      if (gold.has(id)) {
        cs.tp++;
        entry(id).tp++;
      } else {
        cs.fp++;
        entry(id).fp++;
        entry(id).falseHits.push(row.id);
      }
    }
    for (const id of gold) {
      if (predicted.has(id)) continue;
      cs.fn++;
      entry(id).fn++;
      entry(id).misses.push(row.id);
    }
  }
  const perCase = [...per.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of perCase) e.f1 = f1(ratio(e.tp, e.tp + e.fp), ratio(e.tp, e.tp + e.fn));
  const precision = ratio(cs.tp, cs.tp + cs.fp);
  const recall = ratio(cs.tp, cs.tp + cs.fn);
  const worst = [...perCase]
    .filter((e) => e.fp + e.fn > 0)
    .sort((a, b) => a.f1 - b.f1 || b.fp + b.fn - (a.fp + a.fn) || (a.id < b.id ? -1 : 1))
    .slice(0, 10);
  return {
    articles: rows.length,
    chars,
    topicAccuracy: ratio(topicOk, rows.length),
    relevance: { precision: ratio(rel.tp, rel.tp + rel.fp), recall: ratio(rel.tp, rel.tp + rel.fn), ...rel },
    cases: { precision, recall, f1: f1(precision, recall), ...cs },
    macroF1: perCase.length === 0 ? 1 : perCase.reduce((s, e) => s + e.f1, 0) / perCase.length,
    casesOnNotRelevant,
    worst,
    perCase,
  };
}

/** Throughput of an evaluation run, measured by the caller. */
export interface Throughput {
  seconds: number;
  articles: number;
  bytes: number;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A plain-text report of the metrics (and throughput when given). */
export function formatEvalReport(report: EvalReport, throughput?: Throughput): string {
  const r = report;
  const lines = [
    `articles: ${r.articles}`,
    `topic accuracy: ${pct(r.topicAccuracy)}`,
    `relevance (litigation vs rest): precision ${pct(r.relevance.precision)}, recall ${pct(r.relevance.recall)} (tp ${r.relevance.tp}, fp ${r.relevance.fp}, fn ${r.relevance.fn})`,
    `cases (micro): precision ${pct(r.cases.precision)}, recall ${pct(r.cases.recall)}, F1 ${pct(r.cases.f1)} (tp ${r.cases.tp}, fp ${r.cases.fp}, fn ${r.cases.fn})`,
    `cases (macro F1 over ${r.perCase.length} cases): ${pct(r.macroF1)}`,
    `cases assigned to not-relevant articles: ${r.casesOnNotRelevant.length}${r.casesOnNotRelevant.length ? ` (${r.casesOnNotRelevant.join(", ")})` : ""}`,
    "worst cases:",
  ];
  if (r.worst.length === 0) lines.push("  (none)");
  for (const w of r.worst) {
    lines.push(`  ${w.id}: F1 ${pct(w.f1)} (tp ${w.tp}, fp ${w.fp}, fn ${w.fn})`);
    if (w.misses.length) lines.push(`    misses: ${w.misses.join(", ")}`);
    if (w.falseHits.length) lines.push(`    false hits: ${w.falseHits.join(", ")}`);
  }
  if (throughput) {
    const s = Math.max(throughput.seconds, 1e-9);
    lines.push(
      `throughput: ${(throughput.articles / s).toFixed(0)} articles/s, ${(throughput.bytes / 1e6 / s).toFixed(2)} MB/s (${throughput.articles} articles, ${(throughput.bytes / 1e6).toFixed(2)} MB in ${(s * 1000).toFixed(1)} ms)`,
    );
  }
  return lines.join("\n");
}
