/**
 * Benchmark of extractArticle over the shared article corpora (Readability, Postlight, real-feeds),
 * next to a "touch every byte" baseline (decode the same bytes and scan them once) in the same run.
 * Run alone with `npx tsx bench/extract-bench.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "cheerio/slim";
import { extractArticle } from "../src/ingest/extract-article";

const CORPORA = fileURLToPath(new URL("../../shared/corpora", import.meta.url));
/** Minimum measured time per variant; rounds repeat until it is reached. */
const MIN_MS = 1500;

interface Page {
  file: string;
  bytes: Uint8Array;
}

function walkHtml(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walkHtml(full, out);
    else if (
      name === "source.html" ||
      (full.includes(`${path.sep}fixtures${path.sep}`) && name.endsWith(".html"))
    )
      out.push(full);
  }
}

/** Every article page of the three corpora, read as bytes. */
export function loadCorpusPages(): Page[] {
  const files: string[] = [];
  for (const sub of ["readability", "postlight-parser", "real-feeds"])
    walkHtml(path.join(CORPORA, sub), files);
  return files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
}

function timeRounds(
  pages: Page[],
  work: (page: Page) => number,
): { ms: number; rounds: number; sink: number } {
  let rounds = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const page of pages) sink += work(page);
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MS);
  return { ms: elapsed, rounds, sink };
}

/** Decodes the bytes and reads every character once: the floor any extractor pays. */
function touchEveryByte(page: Page): number {
  const text = new TextDecoder().decode(page.bytes);
  let lt = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 60) lt++;
  return lt;
}

function extractPage(page: Page): number {
  const html = new TextDecoder().decode(page.bytes);
  return extractArticle(html, "http://fakehost/test/page.html").text.length;
}

/** Parsing alone (cheerio/slim), to show how much of the extraction time is the HTML parser. */
function parseOnly(page: Page): number {
  return load(new TextDecoder().decode(page.bytes)).root().children().length;
}

/** Runs the benchmark and logs pages/s and MB/s for extraction and for the baseline, and their ratio. */
export async function benchExtract(log: (line: string) => void): Promise<void> {
  const pages = loadCorpusPages();
  if (pages.length === 0) {
    log(`extract: no corpus pages under ${CORPORA}`);
    return;
  }
  const totalBytes = pages.reduce((n, p) => n + p.bytes.byteLength, 0);
  for (const page of pages) extractPage(page); // warm-up (JIT, lazy module init)
  const base = timeRounds(pages, touchEveryByte);
  const ext = timeRounds(pages, extractPage);
  const parsed = timeRounds(pages, parseOnly);
  const rate = (r: { ms: number; rounds: number }) => ({
    pagesPerSec: (pages.length * r.rounds) / (r.ms / 1000),
    mbPerSec: (totalBytes * r.rounds) / 1e6 / (r.ms / 1000),
  });
  const b = rate(base);
  const e = rate(ext);
  const p = rate(parsed);
  const mb = (totalBytes / 1e6).toFixed(2);
  log(`extract: corpus ${pages.length} pages, ${mb} MB (readability + postlight-parser + real-feeds)`);
  log(
    `extract: extractArticle    ${e.pagesPerSec.toFixed(1)} pages/s  ${e.mbPerSec.toFixed(2)} MB/s  (${ext.rounds} rounds)`,
  );
  log(
    `extract: touch-every-byte  ${b.pagesPerSec.toFixed(1)} pages/s  ${b.mbPerSec.toFixed(2)} MB/s  (${base.rounds} rounds)`,
  );
  log(
    `extract: parse only        ${p.pagesPerSec.toFixed(1)} pages/s  ${p.mbPerSec.toFixed(2)} MB/s  (${parsed.rounds} rounds, cheerio/slim load)`,
  );
  log(
    `extract: baseline/extract ratio ${(b.mbPerSec / e.mbPerSec).toFixed(1)}x (extraction is that much slower)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchExtract((line) => console.log(line)).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
