import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli";
import { runCliForTest as cli } from "../helpers/cli-runner";
import { type FixtureSite, startFixtureSite } from "../helpers/fixture-site";

let site: FixtureSite;
let dir: string;
let db: string;
let sourcesFile: string;
const env = () => ({ FETCH_ALLOW_HOSTS: "127.0.0.1", FETCH_TIMEOUT_MS: "2000" });

beforeAll(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), "casewire-cli-"));
  db = `file:${join(dir, "cli.db")}`;
  sourcesFile = join(dir, "sources.json");
  writeFileSync(
    sourcesFile,
    JSON.stringify([
      { id: "wire", name: "Wire", kind: "feed", url: `${site.url}/feeds/wire.rss` },
      { id: "page", name: "Page", kind: "feed", url: `${site.url}/feeds/page.html` },
    ]),
  );
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function query<T>(sql: string): Promise<T[]> {
  const client = createClient({ url: db });
  try {
    return (await client.execute(sql)).rows as unknown as T[];
  } finally {
    client.close();
  }
}

describe("argument parsing", () => {
  it("reads flags with values, =values and booleans", () => {
    const p = parseArgs(["digest", "--week=2026-W47", "--dry-run", "--db", "file:x.db"]);
    expect(p.command).toBe("digest");
    expect(Object.fromEntries(p.flags)).toEqual({ week: "2026-W47", "dry-run": true, db: "file:x.db" });
  });
});

describe("casewire CLI", () => {
  it("prints usage: --help succeeds, no command is a usage error", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: casewire <command>/);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^usage: casewire <command>/);
  });

  it("refuses unknown commands and options with a one-line reason", async () => {
    const a = await cli(["frobnicate"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^casewire: unknown command: frobnicate.*\n$/);
    const b = await cli(["ingest", "--nope"]);
    expect(b.code).toBe(2);
    expect(b.err).toContain("unknown option for ingest: --nope");
    const c = await cli(["ingest", "--source"]);
    expect(c.err).toContain("--source needs a value");
  });

  it("refuses a bad configuration value and a bad sources file without touching the database", async () => {
    const bad = await cli(["migrate", "--db", db], { FETCH_TIMEOUT_MS: "soon" });
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("FETCH_TIMEOUT_MS must be an integer");
    const notJson = join(dir, "bad.json");
    writeFileSync(notJson, "{ not json");
    const r = await cli(["ingest", "--db", db, "--sources", notJson], env());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json/);
    const missing = await cli(["ingest", "--db", db, "--sources", join(dir, "nope.json")], env());
    expect(missing.err).toMatch(/cannot read .*nope\.json/);
  });

  it("migrate seeds the registry; ingest prints one line per source and a totals line", async () => {
    const m = await cli(["migrate", "--db", db], { SOURCES_FILE: sourcesFile });
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/cases: \d+ inserted/);
    const r = await cli(["ingest", "--db", db, "--sources", sourcesFile], env());
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^page\s+failed\s+http=200\s+seen=0 new=0 error=".*HTML/i);
    expect(lines[1]).toMatch(/^wire\s+ok\s+http=200\s+seen=4 new=4$/);
    expect(lines[2]).toBe("total: sources=2 ok=1 unchanged=0 failed=1 deferred=0 waiting=0 seen=4 new=4");
    const again = await cli(["ingest", "--db", db, "--sources", sourcesFile, "--source", "wire"], env());
    expect(again.out).toMatch(/^wire\s+unchanged\s+http=304\s+seen=0 new=0$/m);
  });

  it("ingest --source with an unknown id fails clearly", async () => {
    const r = await cli(["ingest", "--db", db, "--sources", sourcesFile, "--source", "nope"], env());
    expect(r.code).toBe(2);
    expect(r.err).toContain("no source with id nope");
  });

  it("reclassify re-runs the classifier and keeps manual assignments", async () => {
    const [phones] = await query<{ id: number }>("SELECT id FROM articles WHERE url LIKE '%phones%'");
    const client = createClient({ url: db });
    await client.execute({
      sql: "INSERT INTO article_cases (article_id, case_id, score, evidence, origin) VALUES (?, 'bartz-v-anthropic', 1, '[]', 'manual')",
      args: [phones!.id],
    });
    await client.execute("DELETE FROM article_cases WHERE origin = 'auto'");
    client.close();
    const r = await cli(["reclassify", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^reclassified 4 articles; \d+ changed\n$/);
    const rows = await query<{ case_id: string; origin: string; url: string }>(
      "SELECT ac.case_id, ac.origin, a.url FROM article_cases ac JOIN articles a ON a.id = ac.article_id",
    );
    expect(rows).toContainEqual(expect.objectContaining({ case_id: "bartz-v-anthropic", origin: "manual" }));
    expect(rows).toContainEqual(expect.objectContaining({ case_id: "kadrey-v-meta", origin: "auto" }));
  });

  it("classify works without a database and eval reports on a labeled file", async () => {
    const c = await cli(["classify"], {}, [
      JSON.stringify({ id: "x", title: "Bartz v. Anthropic settlement approved", text: "Judge Alsup" }),
    ]);
    expect(JSON.parse(c.out)).toMatchObject({ id: "x", topic: "ai-copyright-litigation" });
    const file = join(dir, "labeled.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ id: "1", title: "Bartz v. Anthropic settlement approved", text: "Judge William Alsup approved the authors' settlement with Anthropic.", labels: ["bartz-v-anthropic"], topic: "ai-copyright-litigation" })}\n`,
    );
    const e = await cli(["eval", "--file", file]);
    expect(e.code).toBe(0);
    expect(e.out).toContain("topic accuracy: 100.0%");
  });
});
