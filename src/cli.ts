/** Command-line entry: parses arguments and runs a command with the platform pieces the runtime passes in. */
import { runClassify } from "./cli/classify-command";
import { runDigestCommand } from "./cli/digest-command";
import { runEval } from "./cli/eval-command";
import { type Config, parseConfig } from "./config";
import type { Db } from "./db/database";
import { classify } from "./domain/classifier/classify";
import { AppError, errorMessage } from "./domain/errors";
import type { Logger } from "./domain/log";
import type { SourceDef } from "./domain/types";
import type { FetchDeps } from "./ingest/fetch-resource";
import { type CycleOptions, formatCycleReport, runIngestCycle } from "./jobs/ingest-cycle";
import { ingestDeps } from "./jobs/ingest-deps";
import { reclassifyAll } from "./jobs/reclassify";
import { seedDatabase, seedIfChanged } from "./jobs/seed";
import type { Mailer } from "./mail/mailer";
import { CATALOGUE } from "./sources/catalogue";
import { parseSourcesJson } from "./sources/parse-sources-file";

/** What the CLI needs from the runtime it runs on. */
export interface CliPlatform {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinLines: () => AsyncIterable<string>;
  readFile: (path: string) => Promise<string>;
  openDb: (url: string, authToken?: string) => Promise<{ db: Db; close(): void }>;
  fetchDeps: FetchDeps;
  logger: Logger;
  now: () => number;
  /** The mail transport for this config (SMTP on Node, or the HTTP API), or null when mail is off. */
  mailer: (config: Config) => Mailer | null;
  /** Runs the long-lived server (HTTP + scheduler); resolves when it stops. */
  serve: (config: Config, catalogue: readonly SourceDef[]) => Promise<void>;
}

/** Default labeled file for `eval`, relative to the working directory (the repo root). */
export const DEFAULT_EVAL_FILE = "../shared/eval/dev.jsonl";

const USAGE = `usage: casewire <command> [options]
commands:
  serve                                   migrate, seed, serve HTTP and run the scheduler
  migrate                                 apply migrations and seed the registry and catalogue
  ingest [--source ID] [--sources FILE]   run one ingest cycle
  reclassify                              re-run the classifier over stored articles
  classify                                JSONL on stdin -> JSONL on stdout
  eval [--file PATH]                      classifier metrics on a labeled JSONL file
  digest [--week YYYY-Www] [--dry-run]    build and send a week's digest
options: --db URL overrides DATABASE_URL`;

interface ParsedArgs {
  command: string | undefined;
  flags: Map<string, string | true>;
}

/** Parses `cmd --flag value --bool` style arguments; `--flag=value` works too. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) flags.set(arg.slice(2), argv[++i]!);
      else flags.set(arg.slice(2), true);
    } else if (command === undefined) command = arg;
    else throw new AppError(400, "Bad arguments", `unexpected argument: ${arg}`);
  }
  return { command, flags };
}

const KNOWN_FLAGS: Record<string, string[]> = {
  serve: ["db"],
  migrate: ["db"],
  ingest: ["db", "source", "sources"],
  reclassify: ["db"],
  classify: [],
  eval: ["file"],
  digest: ["db", "week", "dry-run"],
};

function stringFlag(flags: ParsedArgs["flags"], name: string): string | undefined {
  const v = flags.get(name);
  if (v === true) throw new AppError(400, "Bad arguments", `--${name} needs a value`);
  return v;
}

/** Runs the CLI and returns the exit code; errors print one line to stderr. */
export async function runCli(argv: readonly string[], p: CliPlatform): Promise<number> {
  try {
    const { command, flags } = parseArgs(argv);
    if (!command || command === "help" || flags.has("help")) {
      // An explicit request for help succeeds; no command at all is a usage error.
      if (command || flags.has("help")) {
        p.stdout(`${USAGE}\n`);
        return 0;
      }
      p.stderr(`${USAGE}\n`);
      return 2;
    }
    const allowed = KNOWN_FLAGS[command];
    if (!allowed) throw new AppError(400, "Bad arguments", `unknown command: ${command} (try --help)`);
    for (const f of flags.keys()) {
      if (!allowed.includes(f))
        throw new AppError(400, "Bad arguments", `unknown option for ${command}: --${f}`);
    }
    if (command === "classify") {
      await runClassify(p.stdinLines(), (line) => p.stdout(`${line}\n`));
      return 0;
    }
    if (command === "eval") {
      const file = stringFlag(flags, "file") ?? DEFAULT_EVAL_FILE;
      const text = await p.readFile(file).catch((err) => {
        throw new AppError(400, "Bad arguments", `cannot read ${file}: ${errorMessage(err)}`);
      });
      runEval(text, (line) => p.stdout(`${line}\n`), p.now);
      return 0;
    }
    const env = { ...p.env };
    const dbFlag = stringFlag(flags, "db");
    if (dbFlag) env.DATABASE_URL = dbFlag;
    const sourcesFlag = stringFlag(flags, "sources");
    if (sourcesFlag) env.SOURCES_FILE = sourcesFlag;
    const config = parseConfig(env);
    const catalogue = config.sourcesFile ? await loadSourcesFile(p, config.sourcesFile) : CATALOGUE;
    if (command === "serve") {
      await p.serve(config, catalogue);
      return 0;
    }
    return await withDb(p, config, async (db) => {
      switch (command) {
        case "migrate": {
          const seeded = await seedDatabase(db, catalogue, new Date(p.now()).toISOString());
          p.stdout(
            `migrated; cases: ${seeded.cases.inserted} inserted, ${seeded.cases.updated} updated, ${seeded.cases.removed} removed; sources: ${seeded.sources}\n`,
          );
          return 0;
        }
        case "ingest": {
          await seedIfChanged(db, catalogue, new Date(p.now()).toISOString());
          const source = stringFlag(flags, "source");
          const opts: CycleOptions = { budget: config.ingestBudget };
          if (source) opts.sourceIds = [source];
          const report = await runIngestCycle(ingestDeps(p, config, db), opts);
          if (source && report.sources.length === 0) {
            throw new AppError(404, "Unknown source", `no source with id ${source}`);
          }
          p.stdout(`${formatCycleReport(report)}\n`);
          return 0;
        }
        case "reclassify": {
          const r = await reclassifyAll(db, classify, () => new Date(p.now()));
          p.stdout(`reclassified ${r.articles} articles; ${r.changed} changed\n`);
          return 0;
        }
        case "digest": {
          const mailer = p.mailer(config);
          try {
            const week = stringFlag(flags, "week");
            return await runDigestCommand(
              { db, mailer, config, logger: p.logger, clock: () => new Date(p.now()), write: p.stdout },
              { ...(week ? { week } : {}), dryRun: flags.has("dry-run") },
            );
          } finally {
            (mailer as { close?: () => void } | null)?.close?.();
          }
        }
        default:
          throw new AppError(400, "Bad arguments", `unknown command: ${command}`);
      }
    });
  } catch (err) {
    p.stderr(`casewire: ${errorMessage(err)}\n`);
    return err instanceof AppError && err.status < 500 ? 2 : 1;
  }
}

async function loadSourcesFile(p: CliPlatform, path: string): Promise<SourceDef[]> {
  let text: string;
  try {
    text = await p.readFile(path);
  } catch (err) {
    throw new AppError(400, "Bad sources file", `cannot read ${path}: ${errorMessage(err)}`);
  }
  try {
    return parseSourcesJson(text);
  } catch (err) {
    throw new AppError(400, "Bad sources file", `${path}: ${errorMessage(err)}`);
  }
}

async function withDb(p: CliPlatform, config: Config, fn: (db: Db) => Promise<number>): Promise<number> {
  const opened = await p.openDb(config.databaseUrl, config.databaseAuthToken);
  try {
    return await fn(opened.db);
  } finally {
    opened.close();
  }
}
