/**
 * The precompiled matcher tables (compiled-registry.generated.ts) match the registry and vocabulary they were
 * generated from, and a matcher loaded from them classifies exactly like one compiled at runtime.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { classify, defaultMatcher } from "../../../src/domain/classifier/classify";
import { compileRegistry, loadRegistry } from "../../../src/domain/classifier/compile-registry";
import { compileTables } from "../../../src/domain/classifier/compile-tables";
import { COMPILED_REGISTRY } from "../../../src/domain/classifier/compiled-registry.generated";
import { packedCount, packNumbers, unpackAt } from "../../../src/domain/classifier/matcher-tables";
import { REGISTRY } from "../../../src/domain/registry/cases";
import { renderCompiledModule } from "../../../src/runtime/classifier-compile";

const DEV = resolve(process.cwd(), "../shared/eval/dev.jsonl");

describe("precompiled registry", () => {
  it("matches the registry and vocabulary (after changing them run `npm run classifier:compile`)", () => {
    const fresh = compileTables(REGISTRY);
    expect(COMPILED_REGISTRY.caseIds, "run `npm run classifier:compile`").toEqual(fresh.caseIds);
    expect(COMPILED_REGISTRY, "run `npm run classifier:compile`").toEqual(fresh);
    expect(renderCompiledModule(fresh)).toContain(
      `COMPILED_REGISTRY: MatcherTables = ${JSON.stringify(fresh)}`,
    );
  });

  it("loads into a matcher that classifies the dev set exactly like a runtime compile", () => {
    const loaded = loadRegistry(REGISTRY, COMPILED_REGISTRY);
    const compiled = compileRegistry(REGISTRY);
    const rows = readFileSync(DEV, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { title: string; text: string });
    expect(rows.length).toBeGreaterThan(100);
    let litigation = 0;
    for (const r of rows) {
      const a = classify({ title: r.title, text: r.text }, loaded);
      expect(a).toEqual(classify({ title: r.title, text: r.text }, compiled));
      if (a.topic === "ai-copyright-litigation") litigation++;
    }
    expect(litigation).toBeGreaterThan(50);
    expect(defaultMatcher().patterns.length).toBe(compiled.patterns.length);
  });

  it("refuses tables compiled from another case list", () => {
    expect(() => loadRegistry(REGISTRY.slice(1), COMPILED_REGISTRY)).toThrow(/another case list/);
    expect(() => loadRegistry([...REGISTRY].reverse(), COMPILED_REGISTRY)).toThrow(/another case list/);
  });

  it("packs numbers into printable ASCII strings read like typed arrays", () => {
    const xs = [0, 1, 31, 32, 255, 32767, 32768, 65535, 123456789, 2 ** 30 - 1];
    const packed = packNumbers(xs);
    expect(packedCount(packed)).toBe(xs.length);
    expect(xs.map((_, i) => unpackAt(packed, i))).toEqual(xs);
    expect(packed).toMatch(/^[1-6][;-Z]*$/);
    expect(packNumbers([3, 7]).length).toBe(3); // one digit each
    expect(packedCount(packNumbers([]))).toBe(0);
    expect(() => packNumbers([2 ** 30])).toThrow();
    expect(() => packNumbers([-1])).toThrow();
    expect(() => packNumbers([1.5])).toThrow();
  });
});
