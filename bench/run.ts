/**
 * `npm run bench`: every benchmark in one run, each with its baseline and ratio. Pass names to run only some:
 * `npm run bench -- classify http` (parse, extract, ingest, classify, render, http, worker).
 */
import { benchClassify } from "./classify-bench";
import { benchExtract } from "./extract-bench";
import { benchHttp } from "./http-bench";
import { benchIngestCycle } from "./ingest-cycle-bench";
import { benchParse } from "./ingest-parse-bench";
import { benchRender } from "./render-bench";
import { benchWorker } from "./worker-bench";

type Bench = (log: (line: string) => void) => Promise<void>;

const ALL: [string, string, Bench][] = [
  ["parse", "Ingest: parse + normalise real feeds", benchParse],
  ["extract", "Ingest: full-text extraction", benchExtract],
  ["ingest", "Ingest: cold vs unchanged cycle", benchIngestCycle],
  ["classify", "Classifier", benchClassify],
  ["render", "Feed renderers", benchRender],
  ["http", "HTTP (100,000 articles)", benchHttp],
  ["worker", "Worker (workerd) and bundle", benchWorker],
];

const wanted = new Set(process.argv.slice(2));
for (const [name, title, bench] of ALL) {
  if (wanted.size > 0 && !wanted.has(name)) continue;
  console.log(`\n## ${title}`);
  try {
    await bench((line) => console.log(line));
  } catch (err) {
    console.log(`FAILED: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  }
}
