/** `eval`: classifier metrics and throughput on a labeled JSONL file (content passed in by the caller). */
import { classify, defaultMatcher } from "../domain/classifier/classify";
import type { CompiledRegistry } from "../domain/classifier/compile-registry";
import { evaluate, formatEvalReport, type LabeledArticle } from "../domain/classifier/evaluate";
import { AppError, errorMessage } from "../domain/errors";
import { TOPICS, type Topic } from "../domain/types";

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function bad(lineNo: number, reason: string): AppError {
  return new AppError(400, "Bad eval file", `line ${lineNo}: ${reason}`);
}

/** Parses labeled JSONL (blank lines skipped); throws AppError naming the first bad line. */
export function parseLabeled(text: string): LabeledArticle[] {
  const rows: LabeledArticle[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
    } catch (err) {
      throw bad(i + 1, `invalid JSON: ${errorMessage(err)}`);
    }
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) throw bad(i + 1, "not a JSON object");
    const o = obj as Record<string, unknown>;
    if (!TOPICS.includes(o.topic as Topic)) throw bad(i + 1, `unknown topic ${JSON.stringify(o.topic)}`);
    const labels = Array.isArray(o.labels) ? o.labels.filter((l): l is string => typeof l === "string") : [];
    const row: LabeledArticle = {
      id: typeof o.id === "string" || typeof o.id === "number" ? String(o.id) : `line-${i + 1}`,
      title: typeof o.title === "string" ? o.title : "",
      text: typeof o.text === "string" ? o.text : "",
      labels,
      topic: o.topic as Topic,
    };
    if (typeof o.url === "string") row.url = o.url;
    rows.push(row);
  }
  return rows;
}

/**
 * Evaluates the classifier on labeled JSONL text and writes the report: topic accuracy, relevance
 * precision/recall, case micro P/R/F1, macro F1, the ten worst cases with their misses and false hits, and
 * throughput (articles/s, MB/s of UTF-8 title + text) timed with `now` (milliseconds): the first pass over
 * the file (the automaton fills in as it goes) and a second, warm pass.
 */
export function runEval(
  text: string,
  write: (line: string) => void,
  now: () => number,
  matcher?: CompiledRegistry,
): void {
  const rows = parseLabeled(text);
  const t0 = now();
  const reg = matcher ?? defaultMatcher();
  const t1 = now();
  const report = evaluate(rows, (input) => classify(input, reg));
  const t2 = now();
  for (const row of rows) classify({ title: row.title, text: row.text }, reg);
  const t3 = now();
  const bytes = rows.reduce((n, r) => n + utf8Length(r.title) + utf8Length(r.text), 0);
  const first = { seconds: (t2 - t1) / 1000, articles: rows.length, bytes };
  for (const line of formatEvalReport(report, first).split("\n")) write(line);
  const warm = formatEvalReport(report, { seconds: (t3 - t2) / 1000, articles: rows.length, bytes })
    .split("\n")
    .pop()!;
  write(warm.replace("throughput:", "throughput (warm, second pass):"));
  if (!matcher) write(`matcher compile: ${(t1 - t0).toFixed(1)} ms`);
}
