/** What a fresh process imports in the classifier cold-start benchmark (bundled by classify-bench.ts). */
export { classify, defaultMatcher } from "../src/domain/classifier/classify";
export { compileRegistry } from "../src/domain/classifier/compile-registry";
export { REGISTRY } from "../src/domain/registry/cases";
