/** The digest's subject line: says what is inside, e.g. "AI copyright this week: Judge approves … · 2026-W48". */
import { truncateAtWord } from "../text";
import type { DigestModel } from "./digest-model";

/** Longest lead headline quoted in a subject. */
export const SUBJECT_LEAD_CHARS = 80;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `AI copyright this week: <lead headline>[, +N more cases][, K new suits spotted] · <week>`: the lead is the top
 * story of the most significant case; a week with only candidates leads with their count; an empty digest
 * says so. Plain single-line text (headers are sanitised again when sent).
 */
export function digestSubject(model: DigestModel): string {
  const parts: string[] = [];
  const lead = model.cases[0]?.stories[0]?.title;
  if (lead) parts.push(truncateAtWord(lead, SUBJECT_LEAD_CHARS));
  if (model.cases.length > 1) parts.push(`+${plural(model.cases.length - 1, "more case", "more cases")}`);
  if (model.candidates.length > 0)
    parts.push(`${plural(model.candidates.length, "new suit", "new suits")} spotted`);
  const body = parts.length > 0 ? parts.join(", ") : "no new litigation coverage";
  return `AI copyright this week: ${body} · ${model.week}`;
}
