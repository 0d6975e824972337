/**
 * Classifier benchmark: throughput over the dev texts repeated to 20 MB next to a touch-every-byte baseline
 * (lower-case the same text and scan it once) in the same run; time growth with a 10x larger registry
 * (synthetic cases); and the cold cost in a fresh process. Run alone with `npx tsx bench/classify-bench.ts`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { classify } from "../src/domain/classifier/classify";
import { type CompiledRegistry, compileRegistry } from "../src/domain/classifier/compile-registry";
import { REGISTRY } from "../src/domain/registry/cases";
import type { RegistryCase } from "../src/domain/registry/match-hints";

const DEV = fileURLToPath(new URL("../../shared/eval/dev.jsonl", import.meta.url));
const COLD = fileURLToPath(new URL("./classify-cold.ts", import.meta.url));
const TARGET_BYTES = 20_000_000;
const ROUNDS = 3;

interface Article {
  title: string;
  text: string;
}

function loadArticles(): Article[] {
  return readFileSync(DEV, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article);
}

function repeatTo(rows: Article[], bytes: number): { articles: Article[]; bytes: number } {
  const articles: Article[] = [];
  let total = 0;
  while (total < bytes) {
    for (const r of rows) {
      articles.push(r);
      total += Buffer.byteLength(r.title) + Buffer.byteLength(r.text);
    }
  }
  return { articles, bytes: total };
}

function timeClassify(articles: Article[], matcher: CompiledRegistry): number {
  const t = performance.now();
  for (const a of articles) classify({ title: a.title, text: a.text }, matcher);
  return performance.now() - t;
}

/** Lower-cases each article and reads every character once: the least any classifier must do. */
function timeBaseline(articles: Article[]): { ms: number; sink: number } {
  const t = performance.now();
  let h = 0;
  for (const a of articles) {
    const s = `${a.title}\n${a.text}`.toLowerCase();
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  }
  return { ms: performance.now() - t, sink: h };
}

const rate = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

/** A different but similar-looking word: letters shifted by k within their case. */
function mutate(s: string, k: number): string {
  return s.replace(/[a-z]/g, (ch) => String.fromCharCode(97 + ((ch.charCodeAt(0) - 97 + k) % 26)));
}

/** The registry plus nine synthetic copies with every name changed (same shape, different words). */
function tenfoldRegistry(): RegistryCase[] {
  const out: RegistryCase[] = [...REGISTRY];
  for (let k = 1; k <= 9; k++) {
    for (const c of REGISTRY) {
      const m = (list: string[] | undefined) => list?.map((s) => mutate(s, k));
      const hints = c.match ?? {};
      out.push({
        ...c,
        id: `${c.id}-synthetic-${k}`,
        caption: mutate(c.caption, k),
        aliases: c.aliases.map((a) => mutate(a, k)),
        plaintiffs: c.plaintiffs.map((p) => mutate(p, k)),
        defendants: c.defendants.map((d) => mutate(d, k)),
        keyTerms: c.keyTerms.map((t) => mutate(t, k)),
        judge: mutate(c.judge, k),
        docket: "",
        match: {
          ...hints,
          ids: m(hints.ids),
          plaintiffs: m(hints.plaintiffs),
          weakPlaintiffs: m(hints.weakPlaintiffs),
          defendants: m(hints.defendants),
          products: m(hints.products),
          judges: m(hints.judges),
          terms: m(hints.terms),
          weakTerms: m(hints.weakTerms),
        },
      });
    }
  }
  return out;
}

function coldRuns(n: number): Record<string, number>[] {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", COLD], { encoding: "utf8" });
    runs.push(JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>);
  }
  return runs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs the classifier benchmark and logs one line per measurement. */
export async function benchClassify(log: (line: string) => void): Promise<void> {
  const rows = loadArticles();
  const { articles, bytes } = repeatTo(rows, TARGET_BYTES);
  let t = performance.now();
  const matcher = compileRegistry(REGISTRY);
  const compileMs = performance.now() - t;
  for (const r of rows) classify(r, matcher);
  let best = Number.POSITIVE_INFINITY;
  let baseline = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    best = Math.min(best, timeClassify(articles, matcher));
    baseline = Math.min(baseline, timeBaseline(articles).ms);
  }
  log(
    `classify: ${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB (dev texts repeated), best of ${ROUNDS}`,
  );
  log(`  classifier: ${(articles.length / (best / 1000)).toFixed(0)} articles/s, ${rate(bytes, best)}`);
  log(`  baseline (lower-case + scan once): ${rate(bytes, baseline)}`);
  log(`  classifier / baseline: ${((baseline / best) * 100).toFixed(1)}% (target >= 25%)`);
  log(
    `  compile (warm process): ${compileMs.toFixed(1)} ms, ${matcher.automaton.states} states, ${matcher.patterns.length} patterns`,
  );

  const big = tenfoldRegistry();
  t = performance.now();
  const bigMatcher = compileRegistry(big);
  const bigCompileMs = performance.now() - t;
  const sample = repeatTo(rows, 5_000_000);
  for (const r of rows) classify(r, bigMatcher);
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    small = Math.min(small, timeClassify(sample.articles, matcher));
    large = Math.min(large, timeClassify(sample.articles, bigMatcher));
  }
  log(`registry x10 (${big.length} cases, synthetic names): ${bigMatcher.automaton.states} states`);
  log(`  compile: ${compileMs.toFixed(1)} ms -> ${bigCompileMs.toFixed(1)} ms`);
  log(
    `  classify 5 MB: ${rate(sample.bytes, small)} -> ${rate(sample.bytes, large)} (time x${(large / small).toFixed(2)})`,
  );

  const runs = coldRuns(5);
  const med = (k: string) => median(runs.map((r) => r[k]!)).toFixed(1);
  log(`cold start (fresh node --import tsx process, median of ${runs.length}, timed inside the child):`);
  log(
    `  import ${med("importMs")} ms; compile ${med("compileMs")} ms; first classify ${med("classifyMs")} ms`,
  );
  log(
    `  compile + first classify: ${med("compileAndClassifyMs")} ms (target < 5 ms); total ${med("totalMs")} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchClassify((line) => console.log(line));
}
