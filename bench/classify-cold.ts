/**
 * Child process of the classifier benchmark: imports the classifier module given as the first argument (the
 * esbuild bundle of classify-cold-entry.ts, or that file itself under tsx), builds the matcher and classifies
 * one article, timing each step inside this fresh process; prints one JSON line. With "compile" as the
 * second argument the matcher is compiled from the registry (as before precompiled tables) instead of loaded.
 */
import { pathToFileURL } from "node:url";
import type * as Entry from "./classify-cold-entry";

const [modulePath, mode = "tables"] = process.argv.slice(2);
if (!modulePath) throw new Error("usage: classify-cold <module> [tables|compile]");

const t0 = performance.now();
const mod = (await import(pathToFileURL(modulePath).href)) as typeof Entry;
const t1 = performance.now();
const matcher = mode === "compile" ? mod.compileRegistry(mod.REGISTRY) : mod.defaultMatcher();
const t2 = performance.now();
const result = mod.classify(
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
    buildMs: t2 - t1,
    firstMs: t3 - t2,
    buildAndFirstMs: t3 - t1,
    cases: result.cases.map((c) => c.id),
  })}\n`,
);
