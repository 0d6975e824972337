/**
 * The Node CLI and server against a real libSQL server (sqld, what Turso runs) over http://: migrations from
 * drizzle/, an ingest of the loopback fixture site, and the API serving what was stored.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliPlatform, runCli } from "../../src/cli";
import { silentLogger } from "../../src/domain/log";
import { openNodeDb } from "../../src/runtime/node-db";
import { type FixtureSite, startFixtureSite } from "../helpers/fixture-site";
import { type SqldServer, startSqld } from "../helpers/sqld-server";

const ROOT = resolve(import.meta.dirname, "../..");
const KADREY = "Authors press Meta over LibGen torrents in Kadrey v. Meta";

let sqld: SqldServer;
let site: FixtureSite;
let dir: string;
let sourcesFile: string;

function sources(base: string) {
  const feed = (id: string, path: string) => ({
    id,
    name: `Fixture ${id}`,
    kind: "feed",
    url: `${base}${path}`,
  });
  return [feed("wire", "/feeds/wire.rss"), feed("syndicated", "/feeds/syndicated.atom")];
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const platform: CliPlatform = {
    env: { SOURCES_FILE: sourcesFile, FETCH_ALLOW_HOSTS: "127.0.0.1", FETCH_TIMEOUT_MS: "5000" },
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stdinLines: async function* () {},
    readFile: async (p) => (await import("node:fs/promises")).readFile(p, "utf8"),
    openDb: openNodeDb,
    fetchDeps: { fetch: globalThis.fetch, now: () => Date.now() },
    logger: silentLogger,
    now: () => Date.now(),
    serve: () => Promise.reject(new Error("not in this test")),
    mailer: () => null,
  };
  const code = await runCli(argv, platform);
  return { code, out, err };
}

beforeAll(async () => {
  [sqld, site] = await Promise.all([startSqld(), startFixtureSite()]);
  dir = mkdtempSync(join(tmpdir(), "casewire-remote-"));
  sourcesFile = join(dir, "sources.json");
  writeFileSync(sourcesFile, JSON.stringify(sources(site.url)));
});

afterAll(async () => {
  await Promise.all([sqld?.close(), site?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Node against a remote libSQL server (sqld over http://)", () => {
  it("`migrate` applies drizzle/ and seeds the registry remotely", async () => {
    const r = await cli(["migrate", "--db", sqld.url]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^migrated; cases: \d+ inserted/);
    const client = createClient({ url: sqld.url });
    try {
      const names = (await client.execute("SELECT name FROM sqlite_master ORDER BY name")).rows.map(
        (x) => x.name,
      );
      expect(names).toEqual(expect.arrayContaining(["articles", "articles_fts", "__drizzle_migrations"]));
      const again = await cli(["migrate", "--db", sqld.url]);
      expect(again.out).toMatch(/cases: 0 inserted, 0 updated, 0 removed/);
    } finally {
      client.close();
    }
  });

  it("`ingest` stores and classifies the fixture articles in the remote database", async () => {
    const r = await cli(["ingest", "--db", sqld.url]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^total: sources=2 ok=2 .* new=5$/m);
    const client = createClient({ url: sqld.url });
    try {
      const filed = await client.execute(
        "SELECT a.title FROM article_cases ac JOIN articles a ON a.id = ac.article_id WHERE ac.case_id = 'kadrey-v-meta'",
      );
      expect(filed.rows.map((x) => x.title)).toContain(KADREY);
      const fts = await client.execute(
        "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'LibGen'",
      );
      expect(Number(fts.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });

  it("the Node server (npm start) serves the remote data", async () => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/runtime/node.ts", "serve"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: sqld.url,
        PORT: "0",
        SOURCES_FILE: sourcesFile,
        FETCH_ALLOW_HOSTS: "127.0.0.1",
        PUBLIC_URL: "http://casewire.test",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      const base = await new Promise<string>((resolveUrl, reject) => {
        let log = "";
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000);
        child.stderr?.on("data", (d: Buffer) => {
          log += d.toString();
          const m = /"msg":"listening","url":"(http:\/\/localhost:\d+)"/.exec(log);
          if (m) {
            clearTimeout(timer);
            resolveUrl(m[1]!);
          }
        });
        child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${log}`)));
      });
      const res = await fetch(`${base}/api/articles?case=kadrey-v-meta`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { articles: { title: string }[] };
      expect(body.articles.map((a) => a.title)).toContain(KADREY);
      const health = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; db: string };
      expect(health).toMatchObject({ ok: true, db: "ok" });
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  });
});
