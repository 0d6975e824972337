import { describe, expect, it } from "vitest";
import { classifyLine, runClassify } from "../../src/cli/classify-command";

async function* linesOf(items: string[]): AsyncIterable<string> {
  for (const l of items) yield l;
}

async function run(input: string[]): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  await runClassify(linesOf(input), (l) => out.push(l));
  for (const l of out) expect(l).not.toContain("\n");
  return out.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("classify command (JSONL contract)", () => {
  it("writes one line per input line, in order, with id, topic and cases", async () => {
    const out = await run([
      JSON.stringify({
        id: "a",
        title: "Sarah Silverman sues OpenAI and Meta",
        text: "The authors say ChatGPT and LLaMA copied their books.",
        url: "https://x.test/a",
      }),
      JSON.stringify({ id: 7, title: "Weather", text: "Sunny." }),
      JSON.stringify({
        id: "c",
        title: "Copyright Office report on AI training",
        text: "The report says some AI training is not fair use.",
      }),
    ]);
    expect(out.map((o) => o.id)).toEqual(["a", 7, "c"]);
    expect(out.map((o) => o.topic)).toEqual([
      "ai-copyright-litigation",
      "not-relevant",
      "ai-copyright-other",
    ]);
    expect(Object.keys(out[0]!)).toEqual(["id", "topic", "cases"]);
    const cases = out[0]!.cases as { id: string; score: number; evidence: string[] }[];
    expect(cases.map((c) => c.id).sort()).toEqual(["in-re-openai-chatgpt-litigation", "kadrey-v-meta"]);
    for (const c of cases) {
      expect(Math.round(c.score * 1000) / 1000).toBe(c.score);
      expect(c.evidence.length).toBeGreaterThan(0);
    }
    expect(cases[0]!.score).toBeGreaterThanOrEqual(cases[1]!.score);
    expect(out[1]!.cases).toEqual([]);
    expect(out[2]!.cases).toEqual([]);
  });

  it("answers blank lines too, so output line N always answers input line N", async () => {
    const out = await run(["", "   ", "\t", JSON.stringify({ id: "x", title: "t", text: "" }), ""]);
    expect(out).toHaveLength(5);
    expect(out.map((o) => o.id)).toEqual([null, null, null, "x", null]);
    expect(out[0]).toEqual({ id: null, topic: "not-relevant", cases: [], error: "empty line" });
  });

  it("answers invalid JSON and non-objects with an error line", async () => {
    const out = await run([
      "{not json",
      "[1,2]",
      "null",
      "42",
      '"text"',
      JSON.stringify({ id: "ok", title: "", text: "" }),
    ]);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ id: null, topic: "not-relevant", cases: [] });
    expect(String(out[0]!.error)).toMatch(/^invalid JSON: /);
    for (const o of out.slice(1, 5))
      expect(o).toEqual({ id: null, topic: "not-relevant", cases: [], error: "not a JSON object" });
    expect(out[5]).toEqual({ id: "ok", topic: "not-relevant", cases: [] });
  });

  it("treats missing or non-string fields as empty and echoes only string or number ids", async () => {
    const out = await run([
      JSON.stringify({ title: "Bartz v. Anthropic settlement approved by judge" }),
      JSON.stringify({ id: { a: 1 }, title: 5, text: ["x"] }),
      JSON.stringify({ id: true, text: "Kadrey v. Meta: judge rules on fair use" }),
    ]);
    expect(out[0]!.id).toBeNull();
    expect((out[0]!.cases as { id: string }[])[0]!.id).toBe("bartz-v-anthropic");
    expect(out[1]).toEqual({ id: null, topic: "not-relevant", cases: [] });
    expect(out[2]!.id).toBeNull();
    expect(out[2]!.topic).toBe("ai-copyright-litigation");
  });

  it("accepts a byte-order mark and CRLF line ends", () => {
    const res = classifyLine(`\ufeff${JSON.stringify({ id: "b", title: "x", text: "" })}\r`);
    expect(res).toEqual({ id: "b", topic: "not-relevant", cases: [] });
  });

  it("survives huge and hostile lines", async () => {
    const big = JSON.stringify({ id: "big", title: "🤖", text: "\u0000\ud800 junk ".repeat(120_000) });
    const out = await run([big]);
    expect(out[0]).toMatchObject({ id: "big", topic: "not-relevant", cases: [] });
  });

  it("answers a classifier failure on that line with an error instead of a silent not-relevant", () => {
    const broken = {} as unknown as Parameters<typeof classifyLine>[1];
    const out = classifyLine(JSON.stringify({ id: "z", title: "Kadrey v. Meta", text: "" }), broken);
    expect(out.id).toBe("z");
    expect(out.cases).toEqual([]);
    expect(out.error).toMatch(/^classifier failed: /);
  });
});
