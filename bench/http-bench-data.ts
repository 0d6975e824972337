/**
 * A file database of synthetic articles for the HTTP bench (registry cases, 20 sources, N articles with FTS),
 * built with large multi-row inserts and reused from bench/out/ when it is already complete.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { syncRegistry } from "../src/db/cases-repo";
import { syncCatalogue } from "../src/db/sources-repo";
import { REGISTRY } from "../src/domain/registry";
import type { SourceDef } from "../src/domain/types";
import { type OpenDb, openNodeDb } from "../src/runtime/node-db";

/** Settings key marking a finished bench database. */
const DONE_KEY = "http_bench_articles";

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN_WORDS = (
  "copyright lawsuit court judge ruling fair use training data model authors publishers music labels " +
  "artists settlement discovery motion dismiss infringement licensing damages appeal class action plaintiffs " +
  "defendants generative AI chatbot books news images code lyrics dataset piracy torrent library summary " +
  "judgment jury trial injunction OpenAI Meta Anthropic Microsoft Google Stability Midjourney Suno Udio Nvidia"
).split(" ");

function vocabulary(random: () => number, size: number): string[] {
  const syll = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tor",
    "vas",
    "qui",
    "bel",
    "dra",
    "nox",
    "pel",
    "sur",
    "tin",
    "ve",
    "zo",
  ];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += syll[Math.floor(random() * syll.length)];
    words.add(w);
  }
  return [...words];
}

/** Opens (creating if needed) the bench database of `count` articles at `path` (a file path). */
export async function benchDatabase(
  path: string,
  count: number,
  log: (line: string) => void,
): Promise<OpenDb> {
  mkdirSync(dirname(path), { recursive: true });
  const url = `file:${path}`;
  if (existsSync(path)) {
    const opened = await openNodeDb(url);
    const done = await opened.client.execute({
      sql: "SELECT value FROM settings WHERE key = ?",
      args: [DONE_KEY],
    });
    if (String(done.rows[0]?.value ?? "") === String(count)) {
      log(`reusing ${path} (${count} articles)`);
      return opened;
    }
    opened.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  }
  const started = performance.now();
  const opened = await openNodeDb(url);
  const { db, client } = opened;
  await syncRegistry(db, REGISTRY);
  const sources: SourceDef[] = Array.from({ length: 20 }, (_, i) => ({
    id: `source-${i}`,
    name: `Source ${i}`,
    kind: "feed",
    url: `https://source${i}.example/feed`,
  }));
  await syncCatalogue(db, sources);
  const random = rng(42);
  const vocab = [...vocabulary(random, 3000), ...DOMAIN_WORDS, ...DOMAIN_WORDS];
  const word = () => vocab[Math.floor(vocab.length * random() ** 2)]!;
  const text = (n: number) => Array.from({ length: n }, word).join(" ");
  const caseIds = REGISTRY.map((c) => c.id);
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const ROWS = 250;
  for (let from = 0; from < count; from += ROWS) {
    const n = Math.min(ROWS, count - from);
    const articleArgs: (string | number | null)[] = [];
    const caseArgs: (string | number)[] = [];
    for (let k = 0; k < n; k++) {
      const i = from + k + 1;
      const when = new Date(
        start + Math.floor((span * i) / count) + Math.floor(random() * 3_600_000),
      ).toISOString();
      const r = random();
      const topic = r < 0.25 ? "ai-copyright-litigation" : r < 0.4 ? "ai-copyright-other" : "not-relevant";
      articleArgs.push(
        i,
        `https://source${i % 20}.example/${i}`,
        `source-${i % 20}`,
        text(9),
        text(30),
        text(120),
        when,
        when,
        when,
        topic,
        `key-${i}`,
        when,
      );
      if (topic === "ai-copyright-litigation") {
        const c1 = caseIds[Math.floor(caseIds.length * random() ** 2)]!;
        caseArgs.push(i, c1);
        const c2 = caseIds[Math.floor(caseIds.length * random())]!;
        if (random() < 0.3 && c2 !== c1) caseArgs.push(i, c2);
      }
    }
    const statements = [
      {
        sql: `INSERT INTO articles (id, url, source_id, title, summary, content_text, published_at, fetched_at,
                sort_at, topic, dedupe_key, updated_at)
              VALUES ${Array.from({ length: n }, () => "(?,?,?,?,?,?,?,?,?,?,?,?)").join(",")}`,
        args: articleArgs,
      },
    ];
    if (caseArgs.length > 0) {
      statements.push({
        sql: `INSERT INTO article_cases (article_id, case_id, score, evidence, origin)
              VALUES ${Array.from({ length: caseArgs.length / 2 }, () => "(?, ?, 0.8, '[]', 'auto')").join(",")}`,
        args: caseArgs,
      });
    }
    await client.batch(statements, "write");
  }
  await client.execute({
    sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
    args: [DONE_KEY, String(count)],
  });
  await client.execute("PRAGMA optimize");
  log(`built ${path}: ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return opened;
}
