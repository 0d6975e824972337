/** The automaton's lazily built states: growth past 16-bit transitions, and output of patterns on first match. */
import { describe, expect, it } from "vitest";
import { buildAutomaton, ScanSink, scanText } from "../../../src/domain/classifier/automaton";
import { packNumbers } from "../../../src/domain/classifier/matcher-tables";

/** Distinct pseudo-random lowercase words of the given length (deterministic). */
function words(count: number, length: number): string[] {
  const out = new Set<string>();
  let seed = 42;
  while (out.size < count) {
    let w = "";
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      w += String.fromCharCode(97 + (seed % 26));
    }
    out.add(w);
  }
  return [...out];
}

/** An automaton over whole-word patterns (keys with a separator at both ends), numbered in key order. */
function automatonOf(terms: readonly string[], ready?: (p: number) => void) {
  const keys = terms.map((t) => ` ${t} `).sort();
  const at = [0];
  for (const k of keys) at.push(at[at.length - 1]! + k.length);
  const automaton = buildAutomaton(keys.join(""), packNumbers(at), new Array(keys.length), ready);
  return { automaton, sorted: keys.map((k) => k.trim()) };
}

describe("automaton", () => {
  it("keeps matching after its transitions outgrow 16 bits", () => {
    const terms = words(1500, 30); // about 44,000 trie states
    const { automaton, sorted } = automatonOf(terms);
    const text = terms.join(" ");
    const sink = new ScanSink();
    scanText(automaton, text, sink);
    expect(automaton.states).toBeGreaterThan(40_000);
    expect(automaton.delta).toBeInstanceOf(Int32Array);
    expect(sink.count).toBe(terms.length);
    for (let i = 0; i < sink.count; i++) {
      expect(text.slice(sink.start[i]!, sink.end[i]!)).toBe(sorted[sink.pat[i]!]);
    }
    // a second scan runs on the cached transitions and finds the same
    const again = new ScanSink();
    scanText(automaton, `x ${text} y`, again);
    expect(Array.from(again.pat.subarray(0, again.count))).toEqual(
      Array.from(sink.pat.subarray(0, sink.count)),
    );
  });

  it("announces each pattern once, before its first match", () => {
    const seen: number[] = [];
    const { automaton, sorted } = automatonOf(["fair use", "use", "fair", "copyright"], (p) => seen.push(p));
    const sink = new ScanSink();
    scanText(automaton, "Fair use, fair use and more fair use.", sink);
    expect(seen.map((p) => sorted[p]).sort()).toEqual(["fair", "fair use", "use"]);
    expect(sink.count).toBe(9);
    expect(automaton.delta).toBeInstanceOf(Uint16Array);
    scanText(automaton, "copyright", sink);
    expect(seen.map((p) => sorted[p])).toContain("copyright");
    expect(seen.length).toBe(4);
  });
});
