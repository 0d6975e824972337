/**
 * Benchmark of parseFeed + normaliseItem over the real feeds in the shared corpora (real-feeds, webfeed,
 * feedjira), next to a "touch every byte" baseline (decode the same bytes and scan them once) in the same run.
 * Run alone with `npx tsx bench/ingest-parse-bench.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normaliseItem } from "../src/ingest/normalise";
import { parseFeed } from "../src/ingest/parse-feed";

const CORPORA = fileURLToPath(new URL("../../shared/corpora", import.meta.url));
/** Minimum measured time per variant; rounds repeat until it is reached. */
const MIN_MS = 1500;
const FEED_EXT = /\.(xml|rss|atom|json)$/i;

interface FeedFile {
  file: string;
  bytes: Uint8Array;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (FEED_EXT.test(name) && !name.includes("EXPECTATIONS") && !name.includes("ARTICLE_"))
      out.push(full);
  }
}

/** Every feed file of the three corpora that parses, read as bytes; also how many were left out. */
export async function loadCorpusFeeds(): Promise<{ feeds: FeedFile[]; skipped: number }> {
  const files: string[] = [];
  for (const sub of ["real-feeds", "webfeed", "feedjira"]) walk(path.join(CORPORA, sub), files);
  const feeds: FeedFile[] = [];
  let skipped = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    try {
      await parseFeed(new TextDecoder().decode(bytes));
      feeds.push({ file, bytes });
    } catch {
      skipped++; // fragments and non-feeds (feedjira *FirstEntry*, webfeed Invalid.xml)
    }
  }
  return { feeds, skipped };
}

async function timeRounds(
  feeds: FeedFile[],
  work: (feed: FeedFile) => number | Promise<number>,
): Promise<{ ms: number; rounds: number; sink: number }> {
  let rounds = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const feed of feeds) sink += await work(feed);
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MS);
  return { ms: elapsed, rounds, sink };
}

/** Decodes the bytes and reads every character once: the floor any parser pays. */
function touchEveryByte(feed: FeedFile): number {
  const text = new TextDecoder().decode(feed.bytes);
  let lt = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 60) lt++;
  return lt;
}

async function parseOnly(feed: FeedFile): Promise<number> {
  return (await parseFeed(new TextDecoder().decode(feed.bytes))).items.length;
}

/** Items that normalisation kept (had a usable link), summed over every call; keeps the work observable. */
let keptItems = 0;

async function parseAndNormalise(feed: FeedFile): Promise<number> {
  const parsed = await parseFeed(new TextDecoder().decode(feed.bytes));
  for (const raw of parsed.items)
    if (normaliseItem(raw, { feedUrl: "https://feeds.example.net/feed.xml" })) keptItems++;
  return parsed.items.length;
}

/** Runs the benchmark and logs items/s and MB/s for parse (+ normalise) and for the baseline, and their ratio. */
export async function benchParse(log: (line: string) => void): Promise<void> {
  const { feeds, skipped } = await loadCorpusFeeds();
  if (feeds.length === 0) {
    log(`ingest-parse: no corpus feeds under ${CORPORA}`);
    return;
  }
  const totalBytes = feeds.reduce((n, f) => n + f.bytes.byteLength, 0);
  let itemsPerRound = 0;
  keptItems = 0;
  for (const feed of feeds) itemsPerRound += await parseAndNormalise(feed); // warm-up, and the item count
  const keptPerRound = keptItems;
  const base = await timeRounds(feeds, touchEveryByte);
  const full = await timeRounds(feeds, parseAndNormalise);
  const parsed = await timeRounds(feeds, parseOnly);
  const rate = (r: { ms: number; rounds: number }) => ({
    itemsPerSec: (itemsPerRound * r.rounds) / (r.ms / 1000),
    mbPerSec: (totalBytes * r.rounds) / 1e6 / (r.ms / 1000),
  });
  const b = rate(base);
  const f = rate(full);
  const p = rate(parsed);
  const mb = (totalBytes / 1e6).toFixed(2);
  log(
    `ingest-parse: corpus ${feeds.length} feeds (${skipped} non-feeds left out), ${itemsPerRound} items (${keptPerRound} kept by normalise), ${mb} MB (real-feeds + webfeed + feedjira)`,
  );
  log(
    `ingest-parse: parse+normalise   ${f.itemsPerSec.toFixed(0)} items/s  ${f.mbPerSec.toFixed(2)} MB/s  (${full.rounds} rounds)`,
  );
  log(
    `ingest-parse: parse only        ${p.itemsPerSec.toFixed(0)} items/s  ${p.mbPerSec.toFixed(2)} MB/s  (${parsed.rounds} rounds)`,
  );
  log(
    `ingest-parse: touch-every-byte  ${b.itemsPerSec.toFixed(0)} items/s  ${b.mbPerSec.toFixed(2)} MB/s  (${base.rounds} rounds)`,
  );
  log(
    `ingest-parse: baseline/parse+normalise ratio ${(b.mbPerSec / f.mbPerSec).toFixed(1)}x (parsing is that much slower)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchParse((line) => console.log(line)).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
