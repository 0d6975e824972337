/** Sentence ends: abbreviations, initials and lower-case continuations are not ends. */
import { describe, expect, it } from "vitest";
import { isSentenceEnd } from "../../../src/domain/classifier/sentences";

/** Whether the first full stop (or ! ? newline) of `text` ends a sentence. */
function endsAtFirstStop(text: string): boolean {
  const i = text.search(/[.!?\n]/);
  expect(i).toBeGreaterThanOrEqual(0);
  return isSentenceEnd(text, i);
}

describe("sentence ends", () => {
  it("ends sentences before capitals, digits, quotes and brackets", () => {
    for (const text of [
      "The court ruled. The authors appealed.",
      "The court ruled. 2024 was busy.",
      'The court ruled. "We disagree," they said.',
      "The court ruled. (Updated.)",
      "The court ruled.” Then it adjourned.",
      "The court ruled. Überraschend.",
      "The court ruled. 東京地裁",
      "Is it fair use? Maybe.",
      "Headline\nbody",
    ]) {
      expect(endsAtFirstStop(text), text).toBe(true);
    }
  });

  it("does not end sentences at abbreviations, initials or before lower case", () => {
    for (const text of [
      "Meta Platforms Inc. said it would appeal.",
      "Judge Vince C. Chhabria ruled.",
      "The U.S. Copyright Office said.",
      "Mr. Kadrey sued.",
      "the court ruled. and then",
      "APPROX. Forty authors",
      "version 2.0 shipped",
      "St. Louis",
    ]) {
      expect(endsAtFirstStop(text), text).toBe(false);
    }
  });
});
