import { describe, expect, it } from "vitest";
import { parseLabeled, runEval } from "../../src/cli/eval-command";
import { AppError } from "../../src/domain/errors";

const ROWS = [
  {
    id: "1",
    title: "Authors sue Meta over Llama",
    text: "Richard Kadrey and other authors sued Meta for copyright infringement in AI training.",
    labels: ["kadrey-v-meta"],
    topic: "ai-copyright-litigation",
  },
  { id: "2", title: "New phone", text: "A phone launched.", labels: [], topic: "not-relevant" },
];

describe("eval command", () => {
  it("prints the metrics, the worst cases and throughput", () => {
    const out: string[] = [];
    let t = 1000;
    runEval(
      `${ROWS.map((r) => JSON.stringify(r)).join("\n")}\n\n`,
      (l) => out.push(l),
      () => (t += 50),
    );
    const text = out.join("\n");
    expect(text).toContain("articles: 2");
    expect(text).toContain("topic accuracy: 100.0%");
    expect(text).toContain("relevance (litigation vs rest): precision 100.0%, recall 100.0%");
    expect(text).toContain("cases (micro): precision 100.0%, recall 100.0%, F1 100.0%");
    expect(text).toContain("cases (macro F1 over 1 cases): 100.0%");
    expect(text).toContain("worst cases:");
    expect(text).toMatch(/throughput: 40 articles\/s, 0\.\d+ MB\/s/);
  });

  it("rejects a bad file with the line number", () => {
    expect(() => parseLabeled('{"topic":"ai-copyright-litigation"}\n{oops')).toThrow(/line 2: invalid JSON/);
    expect(() => parseLabeled('{"topic":"maybe"}')).toThrow(AppError);
  });

  it("fills missing fields", () => {
    const [row] = parseLabeled('{"topic":"not-relevant"}');
    expect(row).toEqual({ id: "line-1", title: "", text: "", labels: [], topic: "not-relevant" });
  });
});
