/**
 * `classify`: JSONL in, JSONL out (DESIGN.md §6). One output line per non-blank input line, in order;
 * blank lines are skipped silently; a line that is not a JSON object still gets a line (with `error`).
 */

import { classify } from "../domain/classifier/classify";
import type { CompiledRegistry } from "../domain/classifier/compile-registry";
import { errorMessage } from "../domain/errors";
import type { CaseMatch, ClassifyInput, Topic } from "../domain/types";

/** One output line of the classify contract. */
export interface ClassifyLine {
  id: string | number | null;
  topic: Topic;
  cases: CaseMatch[];
  error?: string;
}

function idOf(value: unknown): string | number | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return null;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Classifies one input line (already known to be non-blank) into its output object. */
export function classifyLine(line: string, matcher?: CompiledRegistry): ClassifyLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  } catch (err) {
    return { id: null, topic: "not-relevant", cases: [], error: `invalid JSON: ${errorMessage(err)}` };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { id: null, topic: "not-relevant", cases: [], error: "not a JSON object" };
  }
  const obj = parsed as Record<string, unknown>;
  const input: ClassifyInput = {
    title: typeof obj.title === "string" ? obj.title : "",
    text: typeof obj.text === "string" ? obj.text : "",
  };
  if (typeof obj.url === "string") input.url = obj.url;
  let result: ReturnType<typeof classify>;
  try {
    result = classify(input, matcher);
  } catch (err) {
    return {
      id: idOf(obj.id),
      topic: "not-relevant",
      cases: [],
      error: `classifier failed: ${errorMessage(err)}`,
    };
  }
  return {
    id: idOf(obj.id),
    topic: result.topic,
    cases: result.cases.map((c) => ({ id: c.id, score: round3(c.score), evidence: c.evidence })),
  };
}

/**
 * Reads JSONL lines and writes exactly one JSON line per input line, same order:
 * `{"id", "topic", "cases": [{id, score, evidence}]}`. Missing or non-string title/text count as empty; the
 * id is echoed when it is a string or a number, else null; invalid JSON or a non-object yields
 * `{"id": null, "topic": "not-relevant", "cases": [], "error": "..."}`; so does a blank line ("empty line"), so
 * output line N always answers input line N.
 */
export async function runClassify(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  matcher?: CompiledRegistry,
): Promise<void> {
  for await (const line of lines) {
    const answer: ClassifyLine =
      line.trim() === ""
        ? { id: null, topic: "not-relevant", cases: [], error: "empty line" }
        : classifyLine(line, matcher);
    write(JSON.stringify(answer));
  }
}
