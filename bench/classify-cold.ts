/**
 * Child process of the classifier benchmark: imports the registry and classifier, compiles the matcher and
 * classifies one article, timing each step inside this fresh process; prints one JSON line.
 */
export {};

const t0 = performance.now();
const { REGISTRY } = await import("../src/domain/registry/cases");
const { compileRegistry } = await import("../src/domain/classifier/compile-registry");
const { classify } = await import("../src/domain/classifier/classify");
const t1 = performance.now();
const matcher = compileRegistry(REGISTRY);
const t2 = performance.now();
const result = classify(
  {
    title: "Judge Chhabria rules for Meta in Kadrey v. Meta",
    text: "Authors led by Richard Kadrey sued Meta, saying Llama was trained on pirated books.",
  },
  matcher,
);
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    importMs: t1 - t0,
    compileMs: t2 - t1,
    classifyMs: t3 - t2,
    compileAndClassifyMs: t3 - t1,
    totalMs: t3 - t0,
    cases: result.cases.map((c) => c.id),
  })}\n`,
);
