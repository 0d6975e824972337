/**
 * Worker benchmark: builds the deployable bundle (`wrangler deploy --dry-run`), reports its size against
 * Cloudflare's limits, then runs one scheduled ingest of the loopback fixture site inside workerd (Miniflare
 * on the built bundle, local D1 migrated from drizzle/) and reports wall time and subrequests.
 * Also `tsx bench/worker-bench.ts --check-bundle DIR` (CI): prints the size and fails above the target or when
 * the bundle imports a Node-only module.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { migrationStatements } from "../src/db/migrate-embedded";
import { readMigrationsFolder } from "../src/runtime/worker-embed-migrations";
import { fixtureSources, startFixtureSite } from "../test/helpers/fixture-site";

const ROOT = resolve(import.meta.dirname, "..");
const MIB = 1024 * 1024;
/** Cloudflare's compressed Worker size limits (free / paid) and this project's target. */
export const LIMITS = { freeGzip: 3 * MIB, paidGzip: 10 * MIB, targetGzip: 1 * MIB };
/** Modules that have no Workers implementation even with nodejs_compat (or that casewire must not use there). */
const FORBIDDEN = [
  "fs",
  "fs/promises",
  "net",
  "dns",
  "dns/promises",
  "tls",
  "child_process",
  "worker_threads",
];

/** Size and imports of a built bundle. */
export interface BundleReport {
  rawBytes: number;
  gzipBytes: number;
  /** Bare and node: imports of the bundle. */
  imports: string[];
  forbidden: string[];
}

/** Measures `worker.js` in `outdir`. */
export function bundleReport(outdir: string): BundleReport {
  const code = readFileSync(join(outdir, "worker.js"));
  const text = code.toString("utf8");
  const imports = [
    ...new Set(
      [...text.matchAll(/\bfrom\s*"((?:node:)?[a-z_/]+)"|\brequire\("((?:node:)?[a-z_/]+)"\)/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
    ),
  ].sort();
  const forbidden = imports.filter((i) => FORBIDDEN.includes(i.replace(/^node:/, "")));
  return { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, imports, forbidden };
}

/** Builds the bundle as `wrangler deploy --dry-run` does (no upload) into `outdir`. */
export function buildBundle(outdir: string): void {
  mkdirSync(outdir, { recursive: true });
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** One line per fact of the bundle report. */
export function formatBundle(r: BundleReport): string[] {
  return [
    `bundle: ${kib(r.rawBytes)} raw, ${kib(r.gzipBytes)} gzip`,
    `limits: target ${kib(LIMITS.targetGzip)} gzip (${((100 * r.gzipBytes) / LIMITS.targetGzip).toFixed(0)}%), ` +
      `free plan ${kib(LIMITS.freeGzip)} (${((100 * r.gzipBytes) / LIMITS.freeGzip).toFixed(0)}%), ` +
      `paid ${kib(LIMITS.paidGzip)}`,
    `node modules imported (nodejs_compat): ${r.imports.join(", ") || "none"}`,
  ];
}

/** Runs the built bundle in Miniflare: one cold and one warm scheduled ingest over the loopback site. */
async function benchScheduled(outdir: string, log: (line: string) => void): Promise<void> {
  const site = await startFixtureSite();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, "worker.js"),
    compatibilityDate: "2026-04-26",
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: ["DB"],
    // The Worker's JSON log lines would drown the report.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
    bindings: {
      SOURCES_JSON: JSON.stringify(fixtureSources(site.url)),
      FETCH_ALLOW_HOSTS: "127.0.0.1",
      PUBLIC_URL: "https://casewire.bench",
    },
  });
  try {
    const d1 = await mf.getD1Database("DB");
    for (const m of readMigrationsFolder()) {
      for (const stmt of migrationStatements(m)) if (stmt.trim()) await d1.prepare(stmt).run();
    }
    const worker = (await mf.getWorker()) as unknown as {
      fetch(url: string): Promise<Response>;
      scheduled(o: { cron: string; scheduledTime: Date }): Promise<{ outcome: string }>;
    };
    // First request: isolate start-up and seeding (not part of the ingest numbers).
    await (await worker.fetch("https://casewire.bench/healthz")).text();
    for (const label of ["cold (all new)", "warm (conditional GETs)"]) {
      const hitsBefore = site.hits.length;
      const t0 = performance.now();
      const result = await worker.scheduled({ cron: "*/30 * * * *", scheduledTime: new Date() });
      const ms = performance.now() - t0;
      const hits = site.hits.slice(hitsBefore);
      const articles = await d1.prepare("SELECT count(*) AS n FROM articles").first<{ n: number }>();
      log(
        `scheduled ingest ${label}: ${ms.toFixed(0)} ms wall, ${hits.length} subrequests ` +
          `(${hits.filter((h) => h.status === 304).length} answered 304), outcome ${result.outcome}, ` +
          `${articles?.n ?? 0} articles stored`,
      );
    }
  } finally {
    await mf.dispose();
    await site.close();
  }
}

/** The benchmark: bundle size against the limits, then a scheduled ingest inside workerd. */
export async function benchWorker(log: (line: string) => void): Promise<void> {
  const outdir = join(ROOT, "bench/out/worker-dist");
  const t0 = performance.now();
  buildBundle(outdir);
  log(`wrangler deploy --dry-run: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const line of formatBundle(bundleReport(outdir))) log(line);
  await benchScheduled(outdir, log);
}

function main(argv: string[]): void {
  const i = argv.indexOf("--check-bundle");
  if (i < 0) {
    benchWorker((line) => process.stdout.write(`${line}\n`)).catch((err) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    });
    return;
  }
  const report = bundleReport(resolve(argv[i + 1] ?? "dist"));
  for (const line of formatBundle(report)) process.stdout.write(`${line}\n`);
  if (report.forbidden.length > 0) {
    process.stderr.write(`the Worker bundle imports Node-only modules: ${report.forbidden.join(", ")}\n`);
    process.exitCode = 1;
  }
  if (report.gzipBytes > LIMITS.targetGzip) {
    process.stderr.write(`the Worker bundle is over the ${kib(LIMITS.targetGzip)} gzip target\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
