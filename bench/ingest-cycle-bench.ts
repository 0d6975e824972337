/**
 * Ingest cycle cost: a cold cycle over 20 loopback sources (every item new: fetch, parse, extract, classify,
 * store) against a warm one where nothing changed (every feed answers 304), with the ratio.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { classify } from "../src/domain/classifier/classify";
import { silentLogger } from "../src/domain/log";
import type { SourceDef } from "../src/domain/types";
import { runIngestCycle } from "../src/jobs/ingest-cycle";
import { seedDatabase } from "../src/jobs/seed";
import { openNodeDb } from "../src/runtime/node-db";

const SOURCES = 20;
const ITEMS = 25;

function feedXml(base: string, s: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const n = s * ITEMS + i;
    return `<item><title>Story ${n}: authors press Meta in Kadrey v. Meta, filing ${n}</title>
<link>${base}/articles/${n}.html</link><guid isPermaLink="false">g-${n}</guid>
<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>Judge Chhabria hears filing ${n}.</description></item>`;
  }).join("\n");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${s}</title><link>${base}/</link><description>d</description>${items}</channel></rss>`;
}

function articleHtml(n: number): string {
  const p = `Authors suing Meta Platforms over the training of Llama on LibGen told Judge Vince Chhabria about filing ${n}.`;
  return `<!DOCTYPE html><html><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>${`<p>${p}</p>`.repeat(12)}</article></body></html>`;
}

/** Runs the cold and warm cycles and logs both timings and their ratio. */
export async function benchIngestCycle(log: (line: string) => void): Promise<void> {
  let base = "";
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const feed = /^\/feeds\/(\d+)\.rss$/.exec(url);
    if (feed) {
      const etag = `"f${feed[1]}"`;
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
      return void res
        .writeHead(200, { "content-type": "application/rss+xml", etag })
        .end(feedXml(base, Number(feed[1])));
    }
    const page = /^\/articles\/(\d+)\.html$/.exec(url);
    if (page)
      return void res.writeHead(200, { "content-type": "text/html" }).end(articleHtml(Number(page[1])));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { db, close } = await openNodeDb(":memory:");
  try {
    const catalogue: SourceDef[] = Array.from({ length: SOURCES }, (_, s) => ({
      id: `bench-${s}`,
      name: `Bench ${s}`,
      kind: "feed",
      url: `${base}/feeds/${s}.rss`,
    }));
    await seedDatabase(db, catalogue);
    const deps = {
      db,
      fetchDeps: { fetch: globalThis.fetch, now: () => Date.now() },
      fetchOptions: {
        timeoutMs: 10_000,
        maxBytes: 5 * 1024 * 1024,
        userAgent: "casewire-bench",
        allowHosts: ["127.0.0.1"],
      },
      classify,
      logger: silentLogger,
      clock: () => new Date(),
    };
    const time = async () => {
      const t0 = performance.now();
      // No politeness pause: every source is on 127.0.0.1, and the bench measures our work, not the waiting.
      const r = await runIngestCycle(deps, { hostGapMs: 0 });
      return { ms: performance.now() - t0, r };
    };
    const cold = await time();
    const warm = await time();
    log(
      `ingest cycle: cold ${cold.ms.toFixed(0)} ms (${SOURCES} sources, ${cold.r.totals.itemsNew} new items, pages fetched and extracted)`,
    );
    log(
      `ingest cycle: warm ${warm.ms.toFixed(1)} ms (${warm.r.totals.sourcesUnchanged} sources answered 304, ${warm.r.totals.itemsNew} new) — ${((warm.ms / cold.ms) * 100).toFixed(1)}% of cold`,
    );
  } finally {
    close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchIngestCycle((l) => console.log(l));
